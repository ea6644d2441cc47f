package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.runtime.audit.AuditCheckpoints;
import gov.commerce.aiexports.runtime.audit.AuditVerifier;
import gov.commerce.aiexports.runtime.audit.HashChain;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.testsupport.PostgresServer;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence anchored outside the database: the service's role cannot change stored events;
 * a rewrite by the database owner that recomputes the links, and a cut tail, fail against the
 * signed checkpoints; the offline verifier checks an export; the checkpoints are on the topic.
 * The tampering tests hold the checkpoint bean's lock, so no checkpoint can sign a tampered chain.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class AuditCheckpointsTest {

    private static final String DB = "proposals";

    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    AxonRuntime axon;

    @Test
    void the_services_database_role_cannot_update_or_delete_stored_events() throws Exception {
        publishedCall();
        String auditor = token("GAO", "auditor");
        awaitChained(auditor);
        checkpoints.take();
        PostgresServer pg = TestInfrastructure.get().postgres();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select current_user")) {
            rs.next();
            assertEquals(pg.appUserOf(DB), rs.getString(1), "the service connects as the append-only role");
        }
        try (Connection app = pg.connectAs(pg.appUserOf(DB), DB)) {
            String last = "(select max(global_index) from domain_event_entry)";
            refused(app, "update domain_event_entry set payload = convert_to('{}', 'UTF8') where global_index = " + last);
            refused(app, "delete from domain_event_entry where global_index = " + last);
            refused(app, "truncate domain_event_entry");
            refused(app, "update event_hash_chain set link = link where position = (select max(position) from event_hash_chain)");
            refused(app, "delete from event_hash_chain where position = (select max(position) from event_hash_chain)");
            refused(app, "update audit_checkpoint set link = link");
            refused(app, "delete from audit_checkpoint");
            // Axon loads a snapshot before the events: a forged one would change an aggregate with no event changed (V8)
            refused(app, "insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                    + "payload_type, time_stamp, payload) values ('forged', 99, 'Proposal', 'forged-snapshot', 'x', '2026-01-01T00:00:00Z', "
                    + "convert_to('{}', 'UTF8'))");
            refused(app, "update snapshot_event_entry set payload = payload");
            refused(app, "delete from snapshot_event_entry");
            refused(app, "truncate snapshot_event_entry");
            // what the service must write stays writable: tracking tokens and read models
            try (Statement s = app.createStatement()) {
                s.executeUpdate("update token_entry set owner = owner where processor_name = 'none'");
            }
        }
        given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200).body("verified", equalTo(true));
    }

    @Test
    void a_rewrite_by_the_owner_with_recomputed_links_fails_at_the_next_signed_checkpoint() throws Exception {
        String auditor = token("GAO", "auditor");
        synchronized (checkpoints) {
            publishedCall();
            awaitChained(auditor);
            AuditVerifier.Checkpoint first = checkpoints.take().orElseThrow();
            publishedCall();
            publishedCall();
            awaitChained(auditor);
            AuditVerifier.Checkpoint second = checkpoints.take().orElseThrow();
            assertTrue(second.position() >= first.position() + 3, first + " then " + second);

            try (Connection owner = TestInfrastructure.get().postgres().connect(DB)) {
                long target = first.position() + 2;
                Map<Long, byte[]> originalLinks = links(owner, target);
                String eventId = eventAt(owner, target);
                byte[] original = payload(owner, eventId);
                // the owner's rewrite: one event says something else, and every following link is recomputed
                String json = new String(original, StandardCharsets.UTF_8);
                byte[] forged = (json.substring(0, json.lastIndexOf('}')) + ",\"amended\":true}").getBytes(StandardCharsets.UTF_8);
                assertFalse(java.util.Arrays.equals(original, forged));
                setPayload(owner, eventId, forged);
                relink(owner, target);
                try {
                    given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                            .body("verified", equalTo(false))
                            .body("failedCheckpoint.position", equalTo((int) second.position()))
                            .body("failedCheckpoint.reason", containsString("rewritten"))
                            .body("firstMismatch.position", equalTo((int) firstChainedAfter(owner, first.position())));
                    // offline too: an export taken after the rewrite verifies link by link, not against the topic's checkpoints
                    Path dir = Files.createTempDirectory("audit-rewrite");
                    Path export = Files.writeString(dir.resolve("export.ndjson"), given().auth().oauth2(auditor)
                            .accept("application/x-ndjson").get("/audit/events").then().statusCode(200).extract().asString());
                    Path cps = Files.writeString(dir.resolve("checkpoints.ndjson"), checkpointsFromTopic(second.position()));
                    Path key = Files.writeString(dir.resolve("public-key.json"), given().auth().oauth2(auditor)
                            .get("/audit/chain/public-key").then().statusCode(200).extract().asString());
                    Run offline = verifyAudit(export, cps, key);
                    assertEquals(1, offline.exit(), offline.output());
                    assertTrue(offline.output().contains("failed checkpoint: position " + second.position()), offline.output());
                    assertTrue(offline.output().contains("first event that does not verify: "
                            + eventAt(owner, firstChainedAfter(owner, first.position()))), offline.output());
                } finally {
                    setPayload(owner, eventId, original);
                    restoreLinks(owner, originalLinks);
                }
            }
            given().auth().oauth2(auditor).get("/audit/verify").then().body("verified", equalTo(true))
                    .body("failedCheckpoint", nullValue());
        }
    }

    @Test
    void a_tail_cut_by_the_owner_fails_at_the_last_signed_checkpoint() throws Exception {
        String auditor = token("GAO", "auditor");
        synchronized (checkpoints) {
            publishedCall();
            awaitChained(auditor);
            AuditVerifier.Checkpoint last = checkpoints.take().orElseThrow();
            try (Connection owner = TestInfrastructure.get().postgres().connect(DB); Statement s = owner.createStatement()) {
                s.execute("create temporary table cut_events as select * from domain_event_entry where event_identifier in "
                        + "(select event_identifier from event_hash_chain order by position desc limit 2)");
                s.execute("create temporary table cut_links as select * from event_hash_chain order by position desc limit 2");
                s.execute("delete from event_hash_chain where position in (select position from cut_links)");
                s.execute("delete from domain_event_entry where event_identifier in (select event_identifier from cut_events)");
                try {
                    given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                            .body("verified", equalTo(false))
                            .body("failedCheckpoint.position", equalTo((int) last.position()))
                            .body("failedCheckpoint.reason", containsString("tail was cut"))
                            .body("firstMismatch.eventId", equalTo(last.eventId()));
                } finally {
                    s.execute("insert into domain_event_entry select * from cut_events");
                    s.execute("insert into event_hash_chain select * from cut_links");
                }
            }
            given().auth().oauth2(auditor).get("/audit/verify").then().body("verified", equalTo(true));
        }
    }

    @Test
    void the_offline_verifier_passes_an_untouched_export_and_names_the_first_bad_event_of_a_tampered_one() throws Exception {
        String auditor = token("GAO", "auditor");
        publishedCall();
        awaitChained(auditor);
        checkpoints.take();
        Path dir = Files.createTempDirectory("audit-offline");
        // checkpoints before the export: every checkpoint then lies within the exported chain
        Path cps = Files.writeString(dir.resolve("checkpoints.json"), given().auth().oauth2(auditor)
                .get("/audit/chain/checkpoints?limit=10000").then().statusCode(200).extract().asString());
        Path key = Files.writeString(dir.resolve("public-key.json"), given().auth().oauth2(auditor)
                .get("/audit/chain/public-key").then().statusCode(200).extract().asString());
        String ndjson = given().auth().oauth2(auditor).accept("application/x-ndjson").get("/audit/events").then().statusCode(200)
                .extract().asString();
        Path export = Files.writeString(dir.resolve("export.ndjson"), ndjson);
        assertFalse(AuditVerifier.Checkpoint.parseAll(Files.readString(cps)).isEmpty());

        Run good = verifyAudit(export, cps, key);
        assertEquals(0, good.exit(), good.output());
        assertTrue(good.output().startsWith("VERIFIED"), good.output());
        assertTrue(good.output().contains("newest checkpoint taken at: 20"), good.output());

        // no checkpoint, nothing outside the export vouches for it
        Run none = verifyAudit(export, Files.writeString(dir.resolve("no-checkpoints.ndjson"), ""), key);
        assertEquals(1, none.exit(), none.output());
        assertTrue(none.output().startsWith("NOT VERIFIED"), none.output());
        assertTrue(none.output().contains("no signed checkpoint supplied"), none.output());

        // one byte of one chained event's stored payload, edited in the file
        List<String> lines = new ArrayList<>(List.of(ndjson.split("\n")));
        int at = lines.size() / 2;
        while (!lines.get(at).contains("\"chainPosition\"")) {
            at--;
        }
        JsonNode victim = EventCodec.mapper().readTree(lines.get(at));
        String raw = victim.get("rawPayload").asText();
        String edited = raw.substring(0, 8) + (raw.charAt(8) == 'A' ? 'B' : 'A') + raw.substring(9);
        lines.set(at, lines.get(at).replace("\"rawPayload\":\"" + raw + "\"", "\"rawPayload\":\"" + edited + "\""));
        Path tampered = Files.writeString(dir.resolve("tampered.ndjson"), String.join("\n", lines) + "\n");
        Run bad = verifyAudit(tampered, cps, key);
        assertEquals(1, bad.exit(), bad.output());
        assertTrue(bad.output().contains("first event that does not verify: " + victim.get("eventId").asText()), bad.output());
        System.out.printf("offline verifier: %d exported events; untouched: %s; tampered: %s%n", lines.size(),
                good.output().lines().findFirst().orElse(""), bad.output().lines().skip(1).findFirst().orElse(""));
    }

    @Test
    void an_event_the_owner_slipped_back_dated_into_a_passed_gap_fails_verification_and_a_late_fresh_one_does_not() throws Exception {
        String auditor = token("GAO", "auditor");
        synchronized (checkpoints) {
            long gap;
            try (Connection owner = TestInfrastructure.get().postgres().connect(DB); Statement s = owner.createStatement();
                 ResultSet rs = s.executeQuery("select nextval(pg_get_serial_sequence('domain_event_entry', 'global_index')), "
                         + "nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")) {
                rs.next();
                gap = rs.getLong(1); // two indexes no transaction will take: a gap
                assertEquals(gap + 1, rs.getLong(2));
            }
            publishedCall();
            awaitChained(auditor);
            AuditVerifier.Checkpoint head = checkpoints.take().orElseThrow();
            assertTrue(head.globalIndex() > gap + 1, head + " above the gap " + gap);
            // the processors still watch the young gap; stopped, they stand for processors that gave up on it long ago
            List<TrackingEventProcessor> processors = List.of(processor(HashChain.PROCESSOR), processor(AxonRuntime.PUBLISHER));
            processors.forEach(TrackingEventProcessor::shutDown);
            Path dir = Files.createTempDirectory("audit-unchained");
            Path cps = Files.writeString(dir.resolve("checkpoints.ndjson"), checkpointsFromTopic(head.position()));
            Path key = Files.writeString(dir.resolve("public-key.json"), given().auth().oauth2(auditor)
                    .get("/audit/chain/public-key").then().statusCode(200).extract().asString());
            String forged = "forged-" + UUID.randomUUID();
            String late = "late-" + UUID.randomUUID();
            try (Connection owner = TestInfrastructure.get().postgres().connect(DB)) {
                try {
                    insertCopy(owner, gap, forged, "2020-01-01T00:00:00.000Z");
                    given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                            .body("verified", equalTo(false))
                            .body("firstMismatch.eventId", equalTo(forged))
                            .body("firstMismatch.globalIndex", equalTo((int) gap))
                            .body("firstMismatch.reason", containsString("not chained"));
                    Run offline = verifyAudit(export(auditor, dir), cps, key);
                    assertEquals(1, offline.exit(), offline.output());
                    assertTrue(offline.output().contains("event stored but never chained: " + forged), offline.output());
                    delete(owner, forged);

                    // a transaction that took its index before the checkpoint and commits now: not chained yet, not a failure
                    insertCopy(owner, gap + 1, late, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                    given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                            .body("verified", equalTo(true)).body("pending", equalTo(1));
                    Run fresh = verifyAudit(export(auditor, dir), cps, key);
                    assertEquals(0, fresh.exit(), fresh.output());
                    assertTrue(fresh.output().contains("1 not chained yet"), fresh.output());
                } finally {
                    delete(owner, forged);
                    delete(owner, late);
                    processors.forEach(TrackingEventProcessor::start);
                }
            }
            awaitChained(auditor);
        }
    }

    @Test
    void checkpoints_are_on_the_topic_and_verify_with_the_published_public_key() throws Exception {
        String auditor = token("GAO", "auditor");
        AuditVerifier.Checkpoint taken;
        synchronized (checkpoints) { // no checkpoint of this head taken by the timer first
            publishedCall();
            awaitChained(auditor);
            taken = checkpoints.take().orElseThrow();
        }
        PublicKey key = AuditVerifier.Keys.publicKey(given().auth().oauth2(auditor).get("/audit/chain/public-key").then()
                .statusCode(200).body("algorithm", equalTo("Ed25519")).body("service", equalTo("proposals-service"))
                .extract().asString());
        given().auth().oauth2(token("OPS", "operator")).get("/audit/chain/public-key").then().statusCode(200);
        given().auth().oauth2(token("GAO", "applicant")).get("/audit/chain/checkpoints").then().statusCode(403);
        given().auth().oauth2(auditor).get("/audit/chain/checkpoints?limit=0").then().statusCode(400).body("rule", equalTo("LIMIT_INVALID")).body("field", equalTo("/limit"));

        Properties p = new Properties();
        p.put("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        List<AuditVerifier.Checkpoint> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.AUDIT_CHECKPOINTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("proposals-service", r.key());
                    seen.addAll(AuditVerifier.Checkpoint.parseAll(new String(r.value(), StandardCharsets.UTF_8)));
                }
                return seen.stream().anyMatch(c -> c.position() == taken.position());
            });
        }
        for (AuditVerifier.Checkpoint c : seen) {
            assertTrue(c.verifies(List.of(key)), "signature of " + c);
        }
        AuditVerifier.Checkpoint onTopic = seen.stream().filter(c -> c.position() == taken.position()).findFirst().orElseThrow();
        assertEquals(taken, onTopic);
        // and the kept copy is the same
        given().auth().oauth2(auditor).get("/audit/chain/checkpoints?after=" + (taken.position() - 1) + "&limit=1").then()
                .statusCode(200).body("items[0].signature", equalTo(taken.signature()))
                .body("items[0].link", equalTo(taken.link()));
        System.out.printf("checkpoints on %s: %d, all verified with key %s%n", Topics.AUDIT_CHECKPOINTS, seen.size(),
                AuditVerifier.Keys.keyId(key));
    }

    // ---- helpers ----

    private TrackingEventProcessor processor(String name) {
        return axon.configuration().eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
    }

    /** The owner's insert: a copy of the newest chained event under a new id and aggregate, at a chosen index and time. */
    private static void insertCopy(Connection owner, long globalIndex, String eventId, String timeStamp) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("insert into domain_event_entry (global_index, event_identifier, "
                + "aggregate_identifier, sequence_number, type, payload_type, payload_revision, time_stamp, payload, meta_data) "
                + "select ?, ?, ?, 0, type, payload_type, payload_revision, ?, payload, meta_data from domain_event_entry "
                + "where event_identifier = (select event_identifier from event_hash_chain order by position desc limit 1)")) {
            s.setLong(1, globalIndex);
            s.setString(2, eventId);
            s.setString(3, "agg-" + eventId);
            s.setString(4, timeStamp);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static void delete(Connection owner, String eventId) throws SQLException {
        try (PreparedStatement s = owner.prepareStatement("delete from domain_event_entry where event_identifier = ?")) {
            s.setString(1, eventId);
            s.executeUpdate();
        }
    }

    private static Path export(String auditor, Path dir) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "export", ".ndjson"), given().auth().oauth2(auditor)
                .accept("application/x-ndjson").get("/audit/events").then().statusCode(200).extract().asString());
    }

    /** As the README has auditors take them: the service's records on audit.checkpoints, one a line, up to a position. */
    private static String checkpointsFromTopic(long upTo) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        StringBuilder lines = new StringBuilder();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(Topics.AUDIT_CHECKPOINTS));
            long[] newest = {0};
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if ("proposals-service".equals(r.key())) {
                        for (AuditVerifier.Checkpoint c : AuditVerifier.Checkpoint.parseAll(r.value())) {
                            if (c.position() <= upTo) {
                                lines.append(r.value().strip()).append('\n');
                                newest[0] = Math.max(newest[0], c.position());
                            }
                        }
                    }
                }
                return newest[0] == upTo;
            });
        }
        return lines.toString();
    }

    private static void awaitChained(String auditor) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(auditor).get("/audit/verify").then()
                .statusCode(200).body("verified", equalTo(true)).body("pending", equalTo(0)));
    }

    private static void refused(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage()); // insufficient_privilege
    }

    private record Run(int exit, String output) {
    }

    /** The README's command, as an auditor runs it: the JDK and three files. */
    private static Run verifyAudit(Path export, Path checkpoints, Path key) throws Exception {
        ProcessBuilder b = new ProcessBuilder("bash", Path.of("..", "verify-audit").toString(), export.toString(), checkpoints.toString(),
                key.toString()).redirectErrorStream(true);
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = b.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Run(process.exitValue(), output);
    }

    private static long firstChainedAfter(Connection c, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select min(position) from event_hash_chain where position > ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String eventAt(Connection c, long position) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select event_identifier from event_hash_chain where position = ?")) {
            s.setLong(1, position);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "an event at chain position " + position);
                return rs.getString(1);
            }
        }
    }

    private static byte[] payload(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select payload from domain_event_entry where event_identifier = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static void setPayload(Connection c, String eventId, byte[] payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update domain_event_entry set payload = ? where event_identifier = ?")) {
            s.setBytes(1, payload);
            s.setString(2, eventId);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static Map<Long, byte[]> links(Connection c, long from) throws SQLException {
        Map<Long, byte[]> links = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("select position, link from event_hash_chain where position >= ?")) {
            s.setLong(1, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    links.put(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
        return links;
    }

    private static void restoreLinks(Connection c, Map<Long, byte[]> links) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update event_hash_chain set link = ? where position = ?")) {
            for (Map.Entry<Long, byte[]> e : links.entrySet()) {
                s.setBytes(1, e.getValue());
                s.setLong(2, e.getKey());
                s.executeUpdate();
            }
        }
    }

    /** What an owner covering their tracks does: recompute every link from a position on, from the stored rows. */
    private static void relink(Connection c, long from) throws SQLException {
        byte[] previous = AuditVerifier.GENESIS;
        try (PreparedStatement s = c.prepareStatement("select link from event_hash_chain where position < ? order by position desc limit 1")) {
            s.setLong(1, from);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getBytes(1);
                }
            }
        }
        List<Object[]> updates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select h.position, e.* from event_hash_chain h join domain_event_entry e "
                + "on e.event_identifier = h.event_identifier where h.position >= ? order by h.position")) {
            s.setLong(1, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    previous = AuditVerifier.link(previous, rs.getLong("global_index"), rs.getString("event_identifier"),
                            rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                            rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                            rs.getBytes("payload"), rs.getBytes("meta_data"));
                    updates.add(new Object[] {rs.getLong("position"), previous});
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("update event_hash_chain set link = ? where position = ?")) {
            for (Object[] u : updates) {
                s.setBytes(1, (byte[]) u[1]);
                s.setLong(2, (Long) u[0]);
                s.executeUpdate();
            }
        }
        System.out.printf("owner rewrite: relinked %d events from position %d (%s...)%n", updates.size(), from,
                HexFormat.of().formatHex((byte[]) updates.get(0)[1]).substring(0, 12));
    }
}
