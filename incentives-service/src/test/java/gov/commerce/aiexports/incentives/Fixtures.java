package gov.commerce.aiexports.incentives;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Opens incentive lines the way review-service does (a ProposalDesignated on review.events) and reads the event store. */
final class Fixtures {

    private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 10);

    static {
        // read money as exact decimals, never as float
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig
                .jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private Fixtures() {
    }

    /** Loads the class, so that its configuration applies before any request. */
    static void init() {
    }

    static String token(String org, String... roles) throws Exception {
        return TestInfrastructure.get().tokens().mint("user-" + org + "-" + String.join("+", roles), org, roles);
    }

    static String auditor() throws Exception {
        return token("GAO", "auditor");
    }

    static String edag() throws Exception {
        return token("EDAG", "edag-coordinator");
    }

    static String officer(String agency) throws Exception {
        return token(agency, "financing-officer");
    }

    /** Publishes a designation endorsing these lines; answers its designation number. */
    static String designate(String applicantOrganisation, List<IncentiveLine> lines) throws Exception {
        return designate(UUID.randomUUID().toString(), nextDesignationNumber(), applicantOrganisation, lines);
    }

    /** A number of the real shape, in a fiscal year no real designation reaches, distinct per test run. */
    static String nextDesignationNumber() {
        return "PAEP-2099-" + NUMBERS.incrementAndGet();
    }

    /** Publishes ProposalDesignated for this proposal and number (keyed by the proposal, as review-service does). */
    static String designate(String proposalId, String number, String applicantOrganisation, List<IncentiveLine> lines)
            throws Exception {
        return designate(proposalId, number, applicantOrganisation, lines, List.of());
    }

    /** The same, with these sections marked confidential by the consortium (a call requiring STATE and DEFENSE). */
    static String designate(String proposalId, String number, String applicantOrganisation, List<IncentiveLine> lines,
            List<String> confidentialSections) throws Exception {
        ProposalDesignated payload = new ProposalDesignated(UUID.randomUUID().toString(), proposalId, number,
                UUID.randomUUID().toString(), applicantOrganisation, LocalDate.now(), List.of(), lines, "test designation",
                List.of("STATE", "DEFENSE"), confidentialSections);
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), "ProposalDesignated", 2, "Review", payload.reviewId(), 3,
                Instant.now(), "review-service", "corr-" + number, null, new Actor("commerce-1", "COMMERCE",
                        List.of("commerce-officer")), EventCodec.mapper().valueToTree(payload));
        Properties p = new Properties();
        p.put("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.REVIEW, proposalId, EventCodec.encode(event))).get();
        }
        return number;
    }

    /** The ids of the designation's lines, in line order, once incentives-service has opened all of them. */
    static List<String> awaitLines(String designation, int count) throws Exception {
        String auditor = auditor();
        List<String> ids = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> found = given().auth().oauth2(auditor).queryParam("designation", designation).queryParam("limit", 1000)
                    .get("/incentive-requests").then().statusCode(200).extract().path("id");
            ids.clear();
            ids.addAll(found);
            return found.size() == count;
        });
        return ids;
    }

    /** The payload types stored for one aggregate, in order (simple names, e.g. IncentiveRequestEvent$Approved). */
    static List<String> eventTypes(String aggregateId) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = TestInfrastructure.get().postgres().connect("incentives");
             PreparedStatement s = c.prepareStatement("select payload_type from domain_event_entry "
                     + "where aggregate_identifier = ? order by sequence_number")) {
            s.setString(1, aggregateId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    types.add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return types;
    }
}
