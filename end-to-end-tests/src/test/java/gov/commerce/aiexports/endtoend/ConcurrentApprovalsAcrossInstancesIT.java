package gov.commerce.aiexports.endtoend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.localstack.ServiceProcess;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import gov.commerce.aiexports.testsupport.FreePorts;
import gov.commerce.aiexports.testsupport.Tokens;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Antideficiency guard across instances: two incentives-service processes on one database,
 * 120 approvals fired at both from 16 threads against a budget that fits only some. No lock in
 * memory can help here; only the event store's optimistic concurrency on the budget stream.
 */
class ConcurrentApprovalsAcrossInstancesIT {

    private static final int LINES = 120;
    private static final BigDecimal RATE = new BigDecimal("3.3333");
    private static final BigDecimal AUTHORITY = new BigDecimal("500000.00");

    private static Stack stack;
    private static final List<ServiceProcess> instances = new ArrayList<>();
    private static final List<String> urls = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("end-to-end-tests/target/e2e-two-incentives");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        stack = new Stack(Stack.Options.forTests(root, data));
        stack.startInfrastructure();
        Path jar = Services.INCENTIVES.jar(root);
        for (String name : List.of("incentives-a", "incentives-b")) {
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>();
            env.put("PORT", String.valueOf(port));
            env.putAll(stack.databaseEnvironment(Services.INCENTIVES));
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrap());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", data.resolve("keys/jwt-public.pem").toString());
            env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            ServiceProcess p = ServiceProcess.quarkus(name, jar, ServiceProcess.QUICK_START, env, data.resolve("logs/" + name + ".log"), port);
            instances.add(p);
            urls.add("http://127.0.0.1:" + port);
            // one after the other, so that the first runs the migrations
            p.start().awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess p : instances) {
            p.stop();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void approvals_through_two_instances_never_obligate_beyond_the_authority() throws Exception {
        Tokens tokens = stack.tokens();
        String dfc = tokens.mint("officer-dfc", "DFC", "financing-officer");
        String edag = tokens.mint("coordinator", "EDAG", "edag-coordinator");
        String auditor = tokens.mint("auditor", "GAO", "auditor");

        List<IncentiveLine> lines = new ArrayList<>();
        Map<String, BigDecimal> costByAmount = new HashMap<>();
        for (int i = 0; i < LINES; i++) {
            BigDecimal face = new BigDecimal("200000.00").add(new BigDecimal("1234.57").multiply(BigDecimal.valueOf(i)));
            lines.add(new IncentiveLine(Instrument.DIRECT_LOAN, face, 10));
            costByAmount.put(face.toPlainString(), face.multiply(RATE).movePointLeft(2).setScale(2, RoundingMode.UP));
        }
        String designation = designate(lines);
        List<String> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            List<String> found = given().auth().oauth2(auditor).queryParam("designation", designation).queryParam("limit", 1000)
                    .get(urls.get(0) + "/incentive-requests").then().statusCode(200).extract().path("id");
            ids.clear();
            ids.addAll(found);
            return found.size() == LINES;
        });
        // a one-year budget of the fiscal year of now (in Washington), so that it is available for obligation (own stack: its own)
        int fiscalYear = gov.commerce.aiexports.events.FiscalYear.of(Instant.now());
        given().auth().oauth2(dfc).contentType(ContentType.JSON).body(Map.of("fiscalYear", fiscalYear, "instrument", "DIRECT_LOAN",
                "amountUsd", AUTHORITY, "appropriationReference", "P.L. 119-46")).post(urls.get(1) + "/budgets")
                .then().statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> routings = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                String url = urls.get(i % 2) + "/incentive-requests/" + ids.get(i) + "/routing";
                routings.add(() -> given().auth().oauth2(edag).contentType(ContentType.JSON)
                        .body(Map.of("agency", "DFC", "terms", "10 years", "creditSubsidyRatePercent", RATE)).post(url).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(routings)) {
                assertEquals(200, f.get());
            }

            List<Callable<Response>> approvals = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                // alternate the instances, so that both race for the same budget
                String url = urls.get((i + 1) % 2) + "/incentive-requests/" + ids.get(i) + "/approval";
                approvals.add(() -> given().auth().oauth2(dfc).contentType(ContentType.JSON).body(Map.of("fiscalYear", fiscalYear))
                        .post(url));
            }
            List<Future<Response>> results = pool.invokeAll(approvals);

            BigDecimal acceptedTotal = BigDecimal.ZERO;
            List<BigDecimal> refusedCosts = new ArrayList<>();
            int accepted = 0;
            for (Future<Response> f : results) {
                Response r = f.get();
                BigDecimal face = new BigDecimal(r.statusCode() == 200 ? r.jsonPath().getString("amountUsd") : "0");
                if (r.statusCode() == 200) {
                    accepted++;
                    BigDecimal cost = new BigDecimal(r.jsonPath().getString("obligation.budgetCostUsd"));
                    assertEquals(0, costByAmount.get(face.setScale(2).toPlainString()).compareTo(cost));
                    acceptedTotal = acceptedTotal.add(cost);
                } else {
                    assertEquals(422, r.statusCode(), r.asString());
                    assertEquals("INSUFFICIENT_BUDGET_AUTHORITY", r.jsonPath().getString("rule"), r.asString());
                    refusedCosts.add(new BigDecimal(r.jsonPath().getString("violations[0].detail").replaceAll(
                            "^the budget cost ([0-9.]+) USD.*$", "$1")));
                }
            }
            assertTrue(accepted > 0 && !refusedCosts.isEmpty(), "the budget fits some, not all: " + accepted + " accepted");

            for (String url : urls) {
                Map<String, Object> budget = given().auth().oauth2(auditor).get(url + "/budgets/budget-FY" + fiscalYear + "-DIRECT_LOAN")
                        .then().statusCode(200).extract().jsonPath().getMap("$");
                BigDecimal obligated = new BigDecimal(budget.get("obligatedUsd").toString());
                BigDecimal available = new BigDecimal(budget.get("availableUsd").toString());
                assertEquals(0, acceptedTotal.compareTo(obligated), "obligated = sum of the accepted: " + acceptedTotal + " vs "
                        + obligated);
                assertTrue(obligated.compareTo(AUTHORITY) <= 0, "never above authority: " + obligated);
                assertEquals(0, AUTHORITY.subtract(obligated).compareTo(available));
                assertEquals(accepted, ((List<?>) budget.get("obligations")).size());
                for (BigDecimal cost : refusedCosts) {
                    assertTrue(cost.compareTo(available) > 0, cost + " would have fitted " + available);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** review-service's ProposalDesignated, produced straight to its topic. */
    private static String designate(List<IncentiveLine> lines) throws Exception {
        // a number of the real shape, in a fiscal year no real designation reaches
        String number = "PAEP-2098-" + (100_000_000 + (System.nanoTime() & 0x3FFFFFF));
        String proposalId = UUID.randomUUID().toString();
        ProposalDesignated payload = new ProposalDesignated(UUID.randomUUID().toString(), proposalId, number,
                UUID.randomUUID().toString(), "CONC00000002", LocalDate.now(), List.of(), lines, "two-instance test",
                List.of("STATE"), List.of());
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), "ProposalDesignated", 2, "Review", payload.reviewId(), 3,
                Instant.now(), "review-service", "corr-" + number, null,
                new Actor("commerce-1", "COMMERCE", List.of("commerce-officer")), EventCodec.mapper().valueToTree(payload));
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrap());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.REVIEW, proposalId, EventCodec.encode(event))).get();
        }
        return number;
    }
}
