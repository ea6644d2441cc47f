package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.designate;
import static gov.commerce.aiexports.review.InteragencyReviewTest.publish;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every read of a review shows its proposal's sections (target countries, requested and endorsed
 * incentive lines, the screening flags' details) only as the disclosure rule lets the caller see
 * them: each kind of caller reads the same review, and finds the canaries (a flag detail, an
 * amount) exactly where the rule allows; elsewhere the marker holds their place.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewDisclosureTest {

    private static final String OWNER = "APPL00000001";
    /** The requested (and endorsed) amount: a canary of the incentives section. */
    private static final String AMOUNT = "24681357";

    record Opened(String reviewId, String proposalId, String flagCanary) {
    }

    static Opened open(List<String> marked) throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String canary = "CANARY-flag-" + UUID.randomUUID();
        publish(new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 8), "call-1", 2027, "cons-1", "Acme",
                OWNER, "Sovereign AI", List.of("VN"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal(AMOUNT + ".00"), 12)), List.of("STATE", "DEFENSE"),
                List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", canary + " VN is in D:1")), "EAR-TEST",
                Instant.now(), marked), "ProposalSubmitted", proposalId);
        String reviewId = SubmittedProposals.reviewIdFor(proposalId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId)
                .then().statusCode(200).body("status", equalTo("OPEN")));
        return new Opened(reviewId, proposalId, canary);
    }

    static String read(String org, String role, Opened r) throws Exception {
        return as(org, role).get("/reviews/" + r.reviewId()).then().statusCode(200).extract().asString();
    }

    /** Targets, incentives (requested, and endorsed once designated) and the flag about the targets: all shown. */
    static void seesAll(String body, Opened r) {
        JsonPath json = JsonPath.from(body);
        assertEquals(List.of("VN"), json.getList("targetCountries"), body);
        assertTrue(body.contains(AMOUNT), body);
        assertTrue(body.contains(r.flagCanary()), body);
    }

    /** The marked targets and incentives hold the marker, with this reason; no canary anywhere in the body. */
    static void seesNone(String body, Opened r, String because) {
        JsonPath json = JsonPath.from(body);
        assertEquals("BUSINESS_CONFIDENTIAL", json.getString("targetCountries.withheld"), body);
        assertEquals(because, json.getString("targetCountries.because"), body);
        assertEquals("BUSINESS_CONFIDENTIAL", json.getString("requestedIncentives.withheld"), body);
        assertEquals("[withheld: BUSINESS_CONFIDENTIAL]", json.getString("flags[0].detail"), body);
        assertEquals("TARGET_COUNTRY_GROUP_D", json.getString("flags[0].code"), "the flag stays, only its detail is withheld");
        assertFalse(body.contains(AMOUNT), body);
        assertFalse(body.contains(r.flagCanary()), body);
        assertFalse(body.contains("\"VN\""), body);
    }

    static void route(Opened r, String agency) throws Exception {
        IncentiveRequestRouted routed = new IncentiveRequestRouted(UUID.randomUUID().toString(), r.proposalId(), "PAEP-2027-0001",
                OWNER, Instrument.DIRECT_LOAN, new BigDecimal(AMOUNT + ".00"), agency, "12 years", new BigDecimal("4.5"));
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), "IncentiveRequestRouted",
                EventCatalog.contractOf(IncentiveRequestRouted.class).version(), "IncentiveRequest", routed.incentiveRequestId(), 2,
                Instant.now(), "incentives-service", "corr-" + r.proposalId(), UUID.randomUUID().toString(),
                new Actor("edag@EDAG", "EDAG", List.of("edag-coordinator")), EventCodec.mapper().valueToTree(routed));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.INCENTIVES, r.proposalId(), event);
    }

    @Test
    void each_caller_reads_a_marked_review_as_the_rule_allows_before_and_after_designation() throws Exception {
        Opened r = open(List.of("targets", "incentives", "businessModel"));

        seesAll(read("COMMERCE", "commerce-officer", r), r);
        seesAll(read("STATE", "agency-reviewer", r), r);
        seesAll(read("GAO", "auditor", r), r);
        seesNone(read("ENERGY", "agency-reviewer", r), r, "AGENCY_NOT_REQUIRED");
        seesNone(read("EDAG", "edag-coordinator", r), r, "NO_FINANCING_NEED");
        seesNone(read("EXIM", "financing-officer", r), r, "NO_FINANCING_NEED");
        // the list is the same read
        String list = as("ENERGY", "agency-reviewer").get("/reviews?proposalId=" + r.proposalId()).then().statusCode(200)
                .extract().asString();
        assertEquals("BUSINESS_CONFIDENTIAL", JsonPath.from(list).getString("[0].targetCountries.withheld"), list);
        assertFalse(list.contains(AMOUNT) || list.contains(r.flagCanary()), list);
        String required = as("DEFENSE", "agency-reviewer").get("/reviews?proposalId=" + r.proposalId()).then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("VN"), JsonPath.from(required).getList("[0].targetCountries"), required);
        assertTrue(required.contains(AMOUNT) && required.contains(r.flagCanary()), required);
        // operators read no program content; applicants read feedback, not reviews
        as("OPS", "operator").get("/reviews/" + r.reviewId()).then().statusCode(403);
        as("OPS", "operator").get("/reviews").then().statusCode(403);
        as(OWNER, "applicant").get("/reviews/" + r.reviewId()).then().statusCode(403);
        as("OTHER0000001", "applicant").get("/feedback/" + r.proposalId()).then().statusCode(404);
        String feedback = as(OWNER, "applicant").get("/feedback/" + r.proposalId()).then().statusCode(200).extract().asString();
        assertFalse(feedback.contains("withheld"), "the owner's feedback withholds nothing: " + feedback);

        // the answer to a POST is a read too: a reviewer of a required agency sees all
        String answer = as("STATE", "agency-reviewer").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + r.reviewId() + "/assessments").then().statusCode(201).extract().asString();
        assertTrue(answer.contains(r.flagCanary()), answer);
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + r.reviewId() + "/assessments")
                .then().statusCode(201);
        String designated = as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), AMOUNT + ".00"))
                .header("If-Match", "*").post("/reviews/" + r.reviewId() + "/determination").then().statusCode(200).body("status", equalTo("DESIGNATED"))
                .extract().asString();
        assertEquals(1, JsonPath.from(designated).getList("determination.endorsedIncentives").size(), designated);

        // designated: EDAG now reads what a financing decision needs; a financing agency once a line is routed to it
        seesAll(read("EDAG", "edag-coordinator", r), r);
        String dfc = read("DFC", "financing-officer", r);
        seesNone(dfc, r, "NO_FINANCING_NEED");
        assertEquals("BUSINESS_CONFIDENTIAL", JsonPath.from(dfc).getString("determination.endorsedIncentives.withheld"), dfc);
        route(r, "DFC");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> seesAll(read("DFC", "financing-officer", r), r));
        seesNone(read("EXIM", "financing-officer", r), r, "NO_FINANCING_NEED");
        seesNone(read("ENERGY", "agency-reviewer", r), r, "AGENCY_NOT_REQUIRED");
    }

    @Test
    void a_section_not_marked_is_shown_to_every_reader_of_the_review() throws Exception {
        Opened r = open(List.of("incentives"));
        String body = read("ENERGY", "agency-reviewer", r);
        JsonPath json = JsonPath.from(body);
        assertEquals(List.of("VN"), json.getList("targetCountries"), body);
        assertTrue(body.contains(r.flagCanary()), "the flag is about the targets, which are not marked: " + body);
        assertEquals("BUSINESS_CONFIDENTIAL", json.getString("requestedIncentives.withheld"), body);
        assertFalse(body.contains(AMOUNT), body);
    }

    @Test
    void a_resubmission_that_marks_a_section_withholds_it_from_then_on() throws Exception {
        Opened r = open(List.of());
        seesAll(read("ENERGY", "agency-reviewer", r), r);
        as("STATE", "agency-reviewer").body(assessment("REQUIRES_MODIFICATION", List.of("name the operator")))
                .post("/reviews/" + r.reviewId() + "/assessments").then().statusCode(201)
                .body("review.status", equalTo("INFORMATION_REQUESTED"));
        publish(new ProposalResubmitted(r.proposalId(), "AIEP", OWNER, "ir", "Named it", "Sovereign AI", List.of("TH"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal(AMOUNT + ".00"), 12)), List.of(), "EAR-TEST",
                Instant.now(), List.of("targets")), "ProposalResubmitted", r.proposalId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + r.reviewId())
                .then().body("round", equalTo(2)).body("targetCountries", equalTo(List.of("TH"))));
        String body = read("ENERGY", "agency-reviewer", r);
        JsonPath json = JsonPath.from(body);
        assertEquals("BUSINESS_CONFIDENTIAL", json.getString("targetCountries.withheld"), body);
        assertFalse(body.contains("\"TH\""), body);
        assertTrue(body.contains(AMOUNT), "incentives are still not marked: " + body);
    }

    /**
     * A reviewer's read of a marked review is accounted for: the read is batched into a
     * ConfidentialSectionsRead on review.events (through this service's store and outbox), naming the
     * reader, the sections the answer showed and the operation; a read shown only markers and an
     * unmarked proposal's read are not in any batch.
     */
    @Test
    void each_read_of_a_confidential_section_by_an_outsider_is_published_for_the_account_and_a_withheld_one_is_not() throws Exception {
        Opened r = open(List.of("targets", "incentives"));
        Opened plain = open(List.of());
        String outsider = "outsider-" + UUID.randomUUID();
        String withheld = "withheld-" + UUID.randomUUID();
        String unmarked = "unmarked-" + UUID.randomUUID();
        as("STATE", "agency-reviewer").header("X-Correlation-Id", outsider).get("/reviews/" + r.reviewId()).then().statusCode(200);
        as("ENERGY", "agency-reviewer").header("X-Correlation-Id", withheld).get("/reviews/" + r.reviewId()).then().statusCode(200);
        as("STATE", "agency-reviewer").header("X-Correlation-Id", unmarked).get("/reviews/" + plain.reviewId()).then().statusCode(200);
        // read last: once its batch is seen and the topic read to its end, the reads before it would have been seen too
        String last = "last-" + UUID.randomUUID();
        as("COMMERCE", "commerce-officer").header("X-Correlation-Id", last).get("/reviews?proposalId=" + r.proposalId()).then().statusCode(200);

        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> reads = new java.util.HashMap<>();
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.REVIEW));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    IntegrationEvent e = EventCodec.decode(record.value());
                    if (e.eventType().equals("ConfidentialSectionsRead")) {
                        assertEquals(e.aggregateId(), record.key(), "a batch spans proposals: keyed by itself");
                        e.payload().path("reads").forEach(read -> reads.put(read.path("correlationId").asText(), read));
                    }
                }
                if (!reads.containsKey(last)) {
                    return false;
                }
                var ends = consumer.endOffsets(consumer.assignment());
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
        }
        com.fasterxml.jackson.databind.JsonNode read = reads.get(outsider);
        assertEquals(r.proposalId(), read.path("proposalId").asText());
        assertEquals("agency-reviewer@STATE", read.path("subject").asText());
        assertEquals("STATE", read.path("organisation").asText());
        assertEquals("review-service GET /reviews/{id}", read.path("path").asText());
        assertEquals(List.of("targets", "incentives"), JsonPath.from(read.path("sections").toString()).getList("$"));
        assertEquals("review-service GET /reviews", reads.get(last).path("path").asText());
        assertFalse(reads.containsKey(withheld), "an agency the call does not require was shown markers only");
        assertFalse(reads.containsKey(unmarked), "nothing confidential was shown");
    }
}
