package gov.commerce.aiexports.endtoend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.localstack.ServiceProcess;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import gov.commerce.aiexports.testsupport.FreePorts;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances of every service, as operators run them when one machine is not enough: two
 * of each (eight processes) on one PostgreSQL and one broker. The flow from a call to an
 * obligation and its notification runs through both instances of each service; midway, one
 * instance of every service is killed (SIGKILL: no goodbye, claims and group memberships left to
 * time out). Counted against the test's own record of the requests the services accepted: nothing
 * is lost, nothing doubled, the closing reminder goes out once, the designation numbers are unique
 * and without gaps. On the way: two replays started on the two instances at once (one runs, the
 * other is refused naming it), and the publisher's failover, measured.
 */
class TwoInstancesOfEveryServiceIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(120);
    private static final int PROPOSALS = 4;
    private static final double LOAN = 1_000_000.00;
    private static final double RATE = 2.5;

    private static Stack stack;
    /** Per service: instance a (started first, so it holds the processors' claims), then b. */
    private static final Map<Services.Service, List<ServiceProcess>> instances = new LinkedHashMap<>();
    private static final Map<Services.Service, List<String>> urls = new LinkedHashMap<>();
    private static final Map<Services.Service, Integer> turn = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
        Path data = root.resolve("end-to-end-tests/target/e2e-two-of-each");
        if (Files.exists(data)) {
            try (var paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        stack = new Stack(Stack.Options.forTests(root, data));
        stack.startInfrastructure();
        // the closing reminders looked for every few seconds on both notifications instances, so that they race
        // and a consumer's partitions moved to the survivor 10 s after its instance died (Kafka's default: 45 s)
        Map<String, String> extra = Map.of("AIEXPORTS_NOTIFICATIONS_REMINDERS_EVERY", "3s", "KAFKA_CONSUMER_SESSION_TIMEOUT_MS", "10000");
        for (String suffix : List.of("a", "b")) {
            List<ServiceProcess> started = new ArrayList<>();
            for (Services.Service s : Services.ALL) {
                int port = FreePorts.next();
                ServiceProcess p = stack.instance(s, s.name() + "-" + suffix, port, extra);
                instances.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
                urls.computeIfAbsent(s, k -> new ArrayList<>()).add("http://127.0.0.1:" + port);
                started.add(p.start());
            }
            // the a instances first: they run the migrations and take the processors' claims
            for (ServiceProcess p : started) {
                p.awaitReady(Duration.ofSeconds(240));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (List<ServiceProcess> ps : instances.values()) {
            for (ServiceProcess p : ps) {
                p.stop();
            }
        }
        if (stack != null) {
            stack.close();
        }
    }

    /** Alternates between the instances still alive. */
    private static RequestSpecification as(Services.Service s, String org, String role) throws Exception {
        List<ServiceProcess> ps = instances.get(s);
        int i = turn.merge(s, 1, Integer::sum);
        int chosen = i % 2;
        if (!ps.get(chosen).isAlive()) {
            chosen = 1 - chosen;
        }
        return on(s, chosen, org, role);
    }

    private static RequestSpecification on(Services.Service s, int instance, String org, String role) throws Exception {
        return given().baseUri(urls.get(s).get(instance)).auth().oauth2(stack.tokens().mint(role + "@" + org, org, role))
                .contentType(ContentType.JSON);
    }

    @Test
    void the_flow_through_two_instances_of_each_with_one_of_each_killed_midway() throws Exception {
        int fiscalYear = gov.commerce.aiexports.events.FiscalYear.of(Instant.now());
        // the test's own record of what the services accepted
        List<String> ueis = new ArrayList<>();
        Map<String, String> proposalOf = new LinkedHashMap<>();
        as(Services.INCENTIVES, "DFC", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "instrument", "DIRECT_LOAN",
                "amountUsd", 100_000_000.00, "appropriationReference", "Pub. L. 119-4, title VI")).post("/budgets").then().statusCode(201);
        String callId = call("FY2027 packages", Instant.now().plusSeconds(30 * 86400));
        for (int i = 0; i < PROPOSALS; i++) {
            String uei = Program.newUei();
            ueis.add(uei);
            String consortium = as(Services.PROPOSALS, uei, "applicant").body(Map.of("name", "Consortium " + uei, "anchorMember",
                    Map.of("legalName", "Anchor " + uei, "uei", uei, "countryOfIncorporation", "US", "controlledFrom", "US",
                            "layers", List.of("hardware", "models")))).post("/consortia").then().statusCode(201).extract().path("id");
            proposalOf.put(uei, submitted(callId, consortium, uei));
        }

        Map<String, String> reviewOf = new LinkedHashMap<>();
        for (String uei : ueis) {
            String proposalId = proposalOf.get(uei);
            reviewOf.put(uei, await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer")
                    .get("/reviews?proposalId=" + proposalId).then().statusCode(200).extract().jsonPath().getList("id", String.class),
                    ids -> ids.size() == 1).get(0));
            await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UNDER_REVIEW")));
        }

        replaysStartedOnBothInstancesAtOnce();

        List<String> numbers = new ArrayList<>();
        for (String uei : ueis) {
            String reviewId = reviewOf.get(uei);
            for (String agency : List.of("STATE", "DEFENSE")) {
                as(Services.REVIEW, agency, "agency-reviewer").body(Program.assessment("CONCUR", List.of(), "Sound", "none"))
                        .post("/reviews/" + reviewId + "/assessments").then().statusCode(201);
            }
            numbers.add(as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("decision", "DESIGNATE",
                            "justification", "Strategic", "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                            "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", LOAN, "tenorYears", 12)),
                            "effectiveDate", LocalDate.now().plusDays(7).toString()))
                    .header("If-Match", "*").post("/reviews/" + reviewId + "/determination").then().statusCode(200).extract()
                    .path("determination.designationNumber"));
        }

        // the closing reminder goes to the consortia notifications-service knows: these, once their submissions reached it
        for (String uei : ueis) {
            await().atMost(PROPAGATION).until(() -> as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=100").then()
                    .statusCode(200).extract().jsonPath().getList("items.subject", String.class).stream()
                    .anyMatch(t -> t.startsWith("Submission received")));
        }

        // a call closing within a day, while both notifications instances look for due reminders every 3 s
        String early = "Closing soon, early " + UUID.randomUUID();
        call(early, Instant.now().plusSeconds(20 * 3600));

        // midway: the designations are on their way to incentives, notifications and proposals; every a instance dies,
        // with its processors' claims and its consumer's partitions
        // (proposals-service: the instance that holds its publisher's claim, to measure the failover; the a instance
        // took it first, but on two loaded cores the b instance may have taken it over meanwhile)
        String owner = claimOwner(Services.PROPOSALS);
        long ownerPid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
        int holder = instances.get(Services.PROPOSALS).get(0).pid() == ownerPid ? 0 : 1;
        assertEquals(ownerPid, instances.get(Services.PROPOSALS).get(holder).pid(), "an instance of the test holds the claim: " + owner);
        String late = "Closing soon, late " + UUID.randomUUID();
        try (PublishedCalls published = new PublishedCalls()) {
            for (Services.Service s : Services.ALL) {
                instances.get(s).get(s == Services.PROPOSALS ? holder : 0).kill();
            }
            Instant killed = Instant.now();
            // a call that closes within a day: published through the survivor, it shows when the publisher took over;
            // its closing reminder is due at once
            String closing = call(late, Instant.now().plusSeconds(20 * 3600));
            Instant seen = published.awaitCall(closing, PROPAGATION);
            Duration failover = Duration.between(killed, seen);
            System.out.println("[TwoInstancesOfEveryServiceIT] publisher failover after SIGKILL of the claim holder: "
                    + failover.toMillis() + " ms");
            Files.writeString(Path.of("target/publisher-failover.txt"), failover.toMillis() + " ms\n");
            assertTrue(failover.compareTo(Duration.ofSeconds(15)) < 0, "failover within a few seconds: " + failover);
        }

        List<String> approved = new ArrayList<>();
        for (String number : numbers) {
            String requestId = await().atMost(PROPAGATION).until(() -> as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                    .get("/incentive-requests?designation=" + number).then().statusCode(200).extract().jsonPath()
                    .getList("id", String.class), ids -> ids.size() == 1).get(0);
            as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "DFC", "terms", "10 years", "creditSubsidyRatePercent", RATE))
                    .post("/incentive-requests/" + requestId + "/routing").then().statusCode(200);
            as(Services.INCENTIVES, "DFC", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                    .post("/incentive-requests/" + requestId + "/approval").then().statusCode(200);
            approved.add(requestId);
        }

        // designation numbers: unique, and without a gap (this stack's first designations of the fiscal year)
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= PROPOSALS; i++) {
            expected.add(i);
        }
        assertEquals(expected, sequence, "numbers " + numbers);
        List<String> catalogue = as(Services.REVIEW, "GAO", "auditor").get("/designations").then().statusCode(200).extract()
                .jsonPath().getList("number", String.class);
        assertEquals(numbers.stream().sorted().toList(), catalogue.stream().sorted().toList());

        // the obligations: one per approval accepted, none beyond
        Map<String, Object> budget = as(Services.INCENTIVES, "GAO", "auditor").get("/budgets/budget-FY" + fiscalYear + "-DIRECT_LOAN")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertEquals(approved.size(), ((List<?>) budget.get("obligations")).size());
        assertEquals(0, new java.math.BigDecimal(budget.get("obligatedUsd").toString())
                .compareTo(java.math.BigDecimal.valueOf(LOAN * RATE / 100 * approved.size()).setScale(2)));

        // every consortium told once of each step, through whichever notifications instance consumed it
        for (int i = 0; i < ueis.size(); i++) {
            String uei = ueis.get(i);
            String number = numbers.get(i);
            await().atMost(PROPAGATION).untilAsserted(() -> {
                List<String> subjects = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=100").then().statusCode(200)
                        .extract().jsonPath().getList("items.subject", String.class);
                assertEquals(1, subjects.stream().filter(t -> t.startsWith("Submission received")).count(), subjects.toString());
                assertEquals(1, subjects.stream().filter(t -> t.equals("Designated priority AI export package " + number)).count(),
                        subjects.toString());
                assertEquals(1, subjects.stream().filter(t -> t.equals("Incentive approved by DFC")).count(), subjects.toString());
            });
        }
        // the closing reminders: each once to each consortium, the early one raced for by both notifications instances, the
        // late one sent by the survivor (which looks every 3 s: the reminders seen once for 8 s)
        await().atMost(PROPAGATION).pollInterval(Duration.ofSeconds(1)).during(Duration.ofSeconds(8)).until(() -> {
            List<Long> counts = new ArrayList<>();
            for (String uei : ueis) {
                List<String> subjects = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=100").then().statusCode(200)
                        .extract().jsonPath().getList("items.subject", String.class);
                for (String title : List.of(early, late)) {
                    counts.add(subjects.stream().filter(t -> t.equals("Call closes within 1 day: " + title)).count());
                }
            }
            return counts;
        }, counts -> counts.stream().allMatch(c -> c == 1));
        // nothing doubled downstream: one review per submission, one request per endorsed line
        for (String proposalId : proposalOf.values()) {
            as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + proposalId).then().statusCode(200)
                    .body("$", org.hamcrest.Matchers.hasSize(1));
        }
        for (String number : numbers) {
            as(Services.INCENTIVES, "GAO", "auditor").get("/incentive-requests?designation=" + number).then().statusCode(200)
                    .body("$", org.hamcrest.Matchers.hasSize(1));
        }

        aConsumerWhoseRecordsExpiredStopsAndSaysSo();
    }

    /**
     * notifications-service is away while records it has not read expire from the broker (here:
     * deleted up to the partitions' ends, as retention would): started again, its consumer does not
     * jump over them; it stops and reports it in the log, a metric and a health check.
     */
    private static void aConsumerWhoseRecordsExpiredStopsAndSaysSo() throws Exception {
        ServiceProcess survivor = instances.get(Services.NOTIFICATIONS).get(1);
        survivor.stop();
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafkaBootstrap());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        Properties a = new Properties();
        a.put("bootstrap.servers", stack.kafkaBootstrap());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(p);
             var admin = org.apache.kafka.clients.admin.Admin.create(a)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.INCENTIVES)).allTopicNames().get()
                    .get(Topics.INCENTIVES).partitions().stream().map(i -> new TopicPartition(Topics.INCENTIVES, i.partition())).toList();
            Map<TopicPartition, org.apache.kafka.clients.admin.RecordsToDelete> delete = new java.util.HashMap<>();
            for (TopicPartition tp : partitions) {
                long end = producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(tp.topic(), tp.partition(), "expired",
                        "never read".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get().offset() + 1;
                delete.put(tp, org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(end));
            }
            admin.deleteRecords(delete).all().get();
        }
        survivor.start().awaitReady(Duration.ofSeconds(240));
        String url = urls.get(Services.NOTIFICATIONS).get(1);
        await().atMost(PROPAGATION).untilAsserted(() -> {
            Response health = given().get(url + "/q/health/group/integration-consumer");
            assertEquals(503, health.statusCode(), health.asString());
            assertEquals("DOWN", health.jsonPath().getString("checks[0].status"));
            assertTrue(health.jsonPath().getMap("checks[0].data").toString().contains("expired from the broker"), health.asString());
        });
        List<String> halted = given().get(url + "/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith("aiexports_consumer_halted{")).toList();
        assertEquals(1, halted.size(), halted.toString());
        assertTrue(halted.get(0).endsWith(" 1.0"), halted.toString());
        assertTrue(Files.readString(survivor.log()).contains("integration consumer STOPPED, records would be skipped"));
        // readiness is not taken away: the service answers from what it applied
        given().get(url + "/q/health/ready").then().statusCode(200);
    }

    /** Two operators ask the two proposals instances to replay the same projection at the same moment. */
    private static void replaysStartedOnBothInstancesAtOnce() throws Exception {
        List<String> live = rows("proposal_view");
        ExecutorService both = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            RequestSpecification request = on(Services.PROPOSALS, instance, "OPS", "operator");
            answers.add(both.submit(() -> {
                go.await();
                return request.post("/admin/projections/proposal-projection/replay");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> a : answers) {
            Response r = a.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 409) {
                assertEquals("REPLAY_RUNNING", r.jsonPath().getString("rule"), r.asString());
                assertTrue(r.jsonPath().getString("detail").contains("proposal-projection"), r.asString());
            }
        }
        both.shutdown();
        Collections.sort(statuses);
        assertEquals(List.of(202, 409), statuses);
        // both instances read the one progress
        for (int instance = 0; instance < 2; instance++) {
            int i = instance;
            await().atMost(PROPAGATION).untilAsserted(() -> on(Services.PROPOSALS, i, "OPS", "operator")
                    .get("/admin/projections/proposal-projection").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("LIVE")));
        }
        assertEquals(live, rows("proposal_view"), "the rebuilt model equals the live one");
    }

    private static String call(String title, Instant closesAt) throws Exception {
        String id = as(Services.PROPOSALS, "COMMERCE", "commerce-officer").body(Map.of("title", title, "fiscalYear", 2027,
                        "description", "EO 14320", "opensAt", Instant.now().minusSeconds(3600).toString(), "closesAt", closesAt.toString(),
                        "gracePeriodHours", 24, "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE", "DEFENSE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        as(Services.PROPOSALS, "COMMERCE", "commerce-officer").post("/calls/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String submitted(String callId, String consortiumId, String uei) throws Exception {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        String id = as(Services.PROPOSALS, uei, "applicant").body(Map.of("callId", callId, "consortiumId", consortiumId,
                        "title", "Sovereign AI cloud", "summary", "Full stack",
                        "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(uei), "usOriginSharePercent", 70),
                                "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                        "targets", List.of(Map.of("country", "VN")), "businessModel", "Build, own, operate",
                        "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", LOAN, "tenorYears", 12)),
                        "exportControlAttestation", true))
                .post("/proposals").then().statusCode(201).extract().path("id");
        as(Services.PROPOSALS, uei, "applicant").post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Who holds the publisher's claim in a service's token store (pid@host, as Axon names it). */
    private static String claimOwner(Services.Service s) throws Exception {
        try (Connection c = stack.postgres().connect(s.database());
             PreparedStatement q = c.prepareStatement("select owner from token_entry where processor_name = 'kafka-publisher'");
             ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next(), "the publisher has a token");
            return rs.getString(1);
        }
    }

    private static List<String> rows(String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = stack.postgres().connect(Services.PROPOSALS.database());
             PreparedStatement s = c.prepareStatement("select * from " + table + " order by id");
             ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append(';');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Reads proposals-service's topic from its end, noting when each call's CallPublished arrives. */
    private static final class PublishedCalls implements AutoCloseable {

        private final Map<String, Instant> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch positioned = new CountDownLatch(1);
        private final Thread thread;

        PublishedCalls() throws InterruptedException {
            Properties p = new Properties();
            p.put("bootstrap.servers", stack.kafkaBootstrap());
            p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
            p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
            p.put("enable.auto.commit", "false");
            thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
                    List<TopicPartition> partitions = c.partitionsFor(Topics.PROPOSALS).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                    c.assign(partitions);
                    c.seekToEnd(partitions);
                    partitions.forEach(c::position);
                    positioned.countDown();
                    while (running.get()) {
                        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(50))) {
                            IntegrationEvent e = EventCodec.decode(r.value());
                            if (e.eventType().equals("CallPublished")) {
                                arrived.putIfAbsent(e.payload().path("callId").asText(), Instant.now());
                            }
                        }
                    }
                }
            }, "published-calls");
            thread.setDaemon(true);
            thread.start();
            if (!positioned.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("the topic's end not found");
            }
        }

        Instant awaitCall(String callId, Duration timeout) {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> arrived.get(callId), java.util.Objects::nonNull);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
