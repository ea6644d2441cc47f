package gov.commerce.aiexports.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The consumer's failures, on a real broker that creates no topic by itself and a real PostgreSQL:
 * an inapplicable record and records of contracts this build does not know end in the dead-letter
 * topic (read back with a real consumer, headers checked) and in the dead_letter table, and the
 * next record of the same partition is applied; operators list dead letters and redeliver them,
 * once in effect.
 */
@QuarkusTest
@TestProfile(ConsumerDeadLettersTest.BrokerWithoutAutoCreate.class)
class ConsumerDeadLettersTest {

    static final String DATABASE = "review_dead_letters";

    /**
     * Its own broker (auto.create.topics.enable=false) and database; short backoff so the five tries
     * take about a second; offsets committed under load only every hour, so that what gets committed
     * here is committed because the consumer ran out of records (or said it is alive during a long poll);
     * 4 s allowed between polls, so that a few failing records outlast it.
     */
    public static class BrokerWithoutAutoCreate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aiexports.consumer.base-delay", "50ms", "aiexports.consumer.max-delay", "400ms",
                    "aiexports.consumer.commit-interval", "1h", "kafka.consumer.max.poll.interval.ms", "4000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ServiceTestResource.class, Map.of("database", DATABASE, "kafka", "no-auto-create")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    FaultInjectingHandler faults;

    static String bootstrap() throws Exception {
        return TestInfrastructure.get().kafkaWithoutAutoCreate().bootstrapServers();
    }

    static RequestSpecification as(String org, String role) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint(role + "@" + org, org, role));
    }

    static IntegrationEvent envelope(String type, int version, String proposalId, Object payload) {
        return new IntegrationEvent(UUID.randomUUID(), type, version, "Proposal", proposalId, 1, Instant.now(), "proposals-service",
                "corr-" + proposalId, UUID.randomUUID().toString(), new Actor("applicant@x", "APPL00000001", List.of("applicant")),
                EventCodec.mapper().valueToTree(payload));
    }

    static IntegrationEvent submitted(String proposalId) {
        return envelope("ProposalSubmitted", 2, proposalId, new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 8),
                "call-1", 2027, "cons-1", "Acme", "APPL00000001", "Sovereign AI", List.of("FR"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("25000000.00"), 12)), List.of("STATE", "DEFENSE"),
                List.of(), "EAR-TEST", Instant.now(), List.of()));
    }

    static void publish(String key, IntegrationEvent event) throws Exception {
        TestBus.publish(bootstrap(), Topics.PROPOSALS, key, event);
    }

    static void awaitReviewOpen(String proposalId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("COMMERCE", "commerce-officer")
                .get("/reviews/" + SubmittedProposals.reviewIdFor(proposalId)).then().statusCode(200).body("status", equalTo("OPEN")));
    }

    static int reviewStatus(String proposalId) throws Exception {
        return as("COMMERCE", "commerce-officer").get("/reviews/" + SubmittedProposals.reviewIdFor(proposalId)).statusCode();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static long count(String sql, Object... params) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect(DATABASE); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void every_topic_the_service_needs_exists_on_a_broker_that_creates_none() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap());
        try (Admin admin = Admin.create(p)) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            String autoCreate = admin.describeConfigs(List.of(broker)).all().get(10, TimeUnit.SECONDS).get(broker)
                    .get("auto.create.topics.enable").value();
            assertEquals("false", autoCreate, "the broker creates no topic by itself");
            // the service created them at startup, before any record was published or consumed
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String needed : List.of(Topics.deadLetterOf("review-service"), Topics.PROPOSALS, Topics.REVIEW)) {
                assertTrue(topics.contains(needed), needed + " exists; the broker has " + topics);
            }
            System.out.printf("broker with auto.create.topics.enable=%s has the topics review-service created at startup: %s%n",
                    autoCreate, topics);
        }
    }

    /**
     * Under load the consumer commits the offsets of applied polls at most every commit interval;
     * once nothing more comes, what it applied is committed at once, without waiting for a next record.
     */
    @Test
    void the_offsets_of_applied_records_are_committed_once_nothing_more_comes() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        publish(proposalId, submitted(proposalId));
        awaitReviewOpen(proposalId);
        awaitEverythingCommitted();
    }

    /** Until the group's committed offsets reach the end of every partition of the proposals topic as it stands now. */
    static void awaitEverythingCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(Topics.PROPOSALS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(Topics.PROPOSALS).partitions().stream().map(p -> new TopicPartition(Topics.PROPOSALS, p.partition()))
                    .collect(java.util.stream.Collectors.toSet());
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("review-service")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                ends.forEach((tp, end) -> {
                    OffsetAndMetadata at = committed.get(tp);
                    assertTrue(end == 0 || at != null && at.offset() >= end, tp + ": committed " + at + ", end " + end);
                });
            });
        }
    }

    /**
     * Failing records that together take longer than the group allows between two polls (max.poll.interval.ms, 4 s in
     * this profile; each takes about a second of tries): the consumer stays in its group, so each is tried through
     * once and dead-lettered once, the record after them is applied, and the offsets are committed. Dropped from the
     * group instead, it would have its commit refused and get the same poll again, its failing records tried again,
     * for ever.
     */
    @Test
    void failing_records_that_outlast_the_poll_interval_are_dead_lettered_once_each_and_committed() throws Exception {
        String key = UUID.randomUUID().toString();
        List<IntegrationEvent> broken = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = UUID.randomUUID().toString();
            faults.fail(id);
            broken.add(submitted(id));
        }
        String next = UUID.randomUUID().toString();
        // one key, so one partition: the good record comes after the failing ones
        for (IntegrationEvent event : broken) {
            publish(key, event);
        }
        publish(key, submitted(next));

        awaitReviewOpen(next);
        awaitEverythingCommitted();
        for (IntegrationEvent event : broken) {
            // five tries one at a time, and at most one as part of its poll's group
            int tries = faults.failures(event.aggregateId());
            assertTrue(tries >= 5 && tries <= 6, event.aggregateId() + " tried " + tries + " times");
            assertEquals(1, count("select count(*) from dead_letter where event_id = ? and status = 'DEAD_LETTERED'", event.eventId()));
        }
    }

    @Test
    void an_inapplicable_record_is_tried_a_bounded_number_of_times_then_dead_lettered_and_the_next_is_applied() throws Exception {
        String broken = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        faults.fail(broken);
        IntegrationEvent bad = submitted(broken);
        // one key, so one partition: the good record comes strictly after the bad one
        publish(broken, bad);
        publish(broken, submitted(next));

        awaitReviewOpen(next);
        List<ConsumerRecord<String, byte[]>> dead = TestBus.awaitRecords(bootstrap(), Topics.deadLetterOf("review-service"), broken);
        assertEquals(1, dead.size(), "dead-lettered once");
        ConsumerRecord<String, byte[]> d = dead.get(0);
        assertEquals("APPLY_FAILED", header(d, "dlt.rule"));
        assertTrue(header(d, "dlt.reason").contains("not applied after 5 tries")
                && header(d, "dlt.reason").contains("IllegalStateException: injected fault"), header(d, "dlt.reason"));
        assertEquals("5", header(d, "dlt.attempts"));
        assertEquals(Topics.PROPOSALS, header(d, "dlt.original-topic"));
        assertNotNull(header(d, "dlt.original-offset"));
        assertEquals(bad.eventId().toString(), header(d, "dlt.event-id"));
        assertEquals("ProposalSubmitted", header(d, "dlt.event-type"));
        assertEquals(bad.eventId(), EventCodec.decode(d.value()).eventId(), "the record itself, unchanged");
        assertEquals(404, reviewStatus(broken), "nothing of the failed record was applied");
        assertEquals(1, count("select count(*) from dead_letter where event_id = ? and status = 'DEAD_LETTERED' and rule = 'APPLY_FAILED'",
                bad.eventId()));
        assertEquals(0, count("select count(*) from processed_integration_event where event_id = ?", bad.eventId()));
        assertTrue(faults.failures(broken) >= 5, "tried at least five times: " + faults.failures(broken));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("aiexports_consumer_dead_letters_total{")
                && l.contains("rule=\"APPLY_FAILED\"") && l.contains("service=\"review-service\"") && !l.endsWith(" 0.0")), "counted");

        System.out.printf("inapplicable record: %d failed tries (%s), %d record in %s with rule %s, next record applied: %s%n",
                faults.failures(broken), header(d, "dlt.attempts") + " counted", dead.size(), d.topic(), header(d, "dlt.rule"),
                reviewStatus(next) == 200);
    }

    @Test
    void a_newer_version_and_an_unknown_type_are_dead_lettered_not_dropped_and_the_next_record_is_applied() throws Exception {
        String key = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        IntegrationEvent v3 = envelope("ProposalSubmitted", 3, newer, submitted(newer).payload());
        IntegrationEvent unknown = envelope("ProposalTeleported", 1, newer, Map.of("proposalId", newer));
        // a known contract that review-service does not act on: skipped by design, recorded as processed
        IntegrationEvent notHandled = envelope("CallPublished", 1, "call-" + key, JsonNodeFactory.instance.objectNode()
                .put("callId", "call-" + key));
        publish(key, v3);
        publish(key, unknown);
        publish(key, notHandled);
        publish(key, submitted(next));

        awaitReviewOpen(next);
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(60)).until(
                () -> TestBus.awaitRecords(bootstrap(), Topics.deadLetterOf("review-service"), key), l -> l.size() >= 2);
        assertEquals(2, dead.size(), "the newer version and the unknown type, nothing else");
        Map<String, ConsumerRecord<String, byte[]>> byType = Map.of(header(dead.get(0), "dlt.event-type"), dead.get(0),
                header(dead.get(1), "dlt.event-type"), dead.get(1));
        ConsumerRecord<String, byte[]> deadNewer = byType.get("ProposalSubmitted");
        assertEquals("SCHEMA_VERSION_NEWER", header(deadNewer, "dlt.rule"));
        assertEquals("3", header(deadNewer, "dlt.schema-version"));
        assertTrue(header(deadNewer, "dlt.reason").contains("ProposalSubmitted v3 is newer than v2"), header(deadNewer, "dlt.reason"));
        assertEquals(v3.eventId().toString(), header(deadNewer, "dlt.event-id"));
        ConsumerRecord<String, byte[]> deadUnknown = byType.get("ProposalTeleported");
        assertEquals("EVENT_TYPE_UNKNOWN", header(deadUnknown, "dlt.rule"));
        assertTrue(header(deadUnknown, "dlt.reason").contains("not in this consumer's contract catalogue"));

        assertEquals(404, reviewStatus(newer), "a newer version is not applied as if it were the old one");
        assertEquals(0, count("select count(*) from processed_integration_event where event_id in (?, ?)", v3.eventId(),
                unknown.eventId()), "neither is recorded as processed: a redelivery can still apply them");
        assertEquals(2, count("select count(*) from dead_letter where event_id in (?, ?) and status = 'DEAD_LETTERED'", v3.eventId(),
                unknown.eventId()));
        assertEquals(1, count("select count(*) from processed_integration_event where event_id = ?", notHandled.eventId()),
                "a known type the service does not act on is processed (skipped by design)");
        assertEquals(0, count("select count(*) from dead_letter where event_id = ?", notHandled.eventId()));

        System.out.printf("newer version and unknown type: %d records dead-lettered (%s, %s), 1 known type skipped by design, "
                + "next record applied: %s%n", dead.size(), header(deadNewer, "dlt.rule"), header(deadUnknown, "dlt.rule"),
                reviewStatus(next) == 200);
    }

    @Test
    void operators_list_dead_letters_and_redeliver_them_once_the_cause_is_fixed_with_no_second_effect() throws Exception {
        String proposal = UUID.randomUUID().toString();
        faults.fail(proposal);
        IntegrationEvent event = submitted(proposal);
        publish(proposal, event);

        JsonPath listed = await().atMost(Duration.ofSeconds(60)).until(
                () -> as("OPS", "operator").get("/admin/dead-letters?status=DEAD_LETTERED&size=200").then().statusCode(200)
                        .extract().jsonPath(),
                json -> json.getList("items.findAll { it.eventId == '" + event.eventId() + "' }").size() == 1);
        Map<String, Object> item = listed.getMap("items.find { it.eventId == '" + event.eventId() + "' }");
        assertEquals(Topics.PROPOSALS, item.get("topic"));
        assertEquals("ProposalSubmitted", item.get("eventType"));
        assertEquals("APPLY_FAILED", item.get("rule"));
        assertEquals(5, item.get("attempts"));
        assertEquals("DEAD_LETTERED", item.get("status"));
        assertTrue(((String) item.get("reason")).contains("injected fault"));
        assertNotNull(item.get("deadLetteredAt"));
        assertNotNull(item.get("offset"));
        assertFalse(item.containsKey("value"), "the list does not carry the record's content");
        String id = (String) item.get("id");

        // who may: operators redeliver; auditors read; nobody else
        as("GAO", "auditor").get("/admin/dead-letters").then().statusCode(200);
        as("APPL00000001", "applicant").get("/admin/dead-letters").then().statusCode(403);
        as("GAO", "auditor").post("/admin/dead-letters/" + id + "/redeliver").then().statusCode(403);
        as("OPS", "operator").post("/admin/dead-letters/" + UUID.randomUUID() + "/redeliver").then().statusCode(404)
                .contentType("application/problem+json").body("rule", equalTo("NOT_FOUND"));
        as("OPS", "operator").post("/admin/dead-letters/not-an-id/redeliver").then().statusCode(404);
        as("OPS", "operator").get("/admin/dead-letters?status=LOST").then().statusCode(400).body("rule", equalTo("STATUS_INVALID")).body("field", equalTo("/status"));

        // the cause is not fixed yet: the redelivery fails, and says so
        as("OPS", "operator").post("/admin/dead-letters/" + id + "/redeliver").then().statusCode(200)
                .body("status", equalTo("DEAD_LETTERED")).body("lastRedelivery.outcome", equalTo("FAILED"));
        assertEquals(404, reviewStatus(proposal));

        faults.heal(proposal);
        as("OPS", "operator").post("/admin/dead-letters/" + id + "/redeliver").then().statusCode(200)
                .body("status", equalTo("REDELIVERED")).body("lastRedelivery.outcome", equalTo("APPLIED"))
                .body("lastRedelivery.requestedBy", equalTo("operator@OPS"));
        awaitReviewOpen(proposal);
        String reviewId = SubmittedProposals.reviewIdFor(proposal);
        long events = TestInfrastructure.get().postgres().eventCount(DATABASE, reviewId);

        as("OPS", "operator").post("/admin/dead-letters/" + id + "/redeliver").then().statusCode(200)
                .body("status", equalTo("REDELIVERED")).body("lastRedelivery.outcome", equalTo("ALREADY_APPLIED"))
                .body("redeliveries", equalTo(3));
        assertEquals(events, TestInfrastructure.get().postgres().eventCount(DATABASE, reviewId), "no second effect");
        assertEquals(1, faults.applications(proposal), "handled once");
        assertEquals(1, count("select count(*) from processed_integration_event where event_id = ?", event.eventId()));
        assertEquals(3, count("select count(*) from dead_letter_redelivery where dead_letter_id = ?::uuid", id));

        System.out.printf("redelivery: 3 asked (FAILED before the fix, APPLIED after, ALREADY_APPLIED again), review events %d after "
                + "the second and the third, handled %d time%n", events, faults.applications(proposal));
    }
}
