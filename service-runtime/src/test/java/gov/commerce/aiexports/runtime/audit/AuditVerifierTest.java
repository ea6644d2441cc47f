package gov.commerce.aiexports.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair keys = AuditVerifier.Keys.generate();
    private final String keyId = AuditVerifier.Keys.keyId(keys.getPublic());

    @TempDir
    Path dir;

    @Test
    void a_signed_checkpoint_verifies_and_any_changed_field_does_not() {
        AuditVerifier.Checkpoint cp = checkpoint(7, 12, "e-7", "ab".repeat(32), 7);
        assertTrue(cp.verifies(List.of(keys.getPublic())));
        assertFalse(new AuditVerifier.Checkpoint(cp.service(), 8, cp.globalIndex(), cp.eventId(), cp.link(), cp.count(), cp.takenAt(),
                cp.keyId(), cp.signature()).verifies(List.of(keys.getPublic())), "position");
        assertFalse(new AuditVerifier.Checkpoint(cp.service(), cp.position(), cp.globalIndex(), cp.eventId(), "cd".repeat(32), cp.count(),
                cp.takenAt(), cp.keyId(), cp.signature()).verifies(List.of(keys.getPublic())), "link");
        assertFalse(new AuditVerifier.Checkpoint(cp.service(), cp.position(), cp.globalIndex(), cp.eventId(), cp.link(), 6, cp.takenAt(),
                cp.keyId(), cp.signature()).verifies(List.of(keys.getPublic())), "count");
        assertFalse(cp.verifies(List.of(AuditVerifier.Keys.generate().getPublic())), "another key");
        assertTrue(cp.verifies(List.of(AuditVerifier.Keys.generate().getPublic(), keys.getPublic())), "a rotated-out key still trusted");
    }

    @Test
    void the_public_key_is_derived_from_the_private_key_alone_and_reads_back_from_pem_base64_and_json() {
        String pkcs8 = Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        KeyPair derived = AuditVerifier.Keys.pair(AuditVerifier.Keys.privateKey(pkcs8));
        assertEquals(keys.getPublic(), derived.getPublic());
        KeyPair fromPem = AuditVerifier.Keys.pair(AuditVerifier.Keys.privateKey(
                AuditVerifier.Keys.pem("PRIVATE KEY", keys.getPrivate().getEncoded())));
        assertEquals(keys.getPublic(), fromPem.getPublic());
        String b64 = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        assertEquals(keys.getPublic(), AuditVerifier.Keys.publicKey(b64));
        assertEquals(keys.getPublic(), AuditVerifier.Keys.publicKey(AuditVerifier.Keys.pem("PUBLIC KEY", keys.getPublic().getEncoded())));
        assertEquals(keys.getPublic(), AuditVerifier.Keys.publicKey("{\"algorithm\":\"Ed25519\",\"publicKey\":\"" + b64 + "\"}"));
    }

    @Test
    void checkpoints_parse_from_an_array_a_page_and_one_a_line() throws Exception {
        AuditVerifier.Checkpoint a = checkpoint(1, 1, "e-1", "00".repeat(32), 1);
        AuditVerifier.Checkpoint b = checkpoint(2, 2, "e-2", "11".repeat(32), 2);
        String array = JSON.writeValueAsString(List.of(a, b));
        assertEquals(List.of(a, b), AuditVerifier.Checkpoint.parseAll(array));
        assertEquals(List.of(a, b), AuditVerifier.Checkpoint.parseAll("{\"items\":" + array + ",\"next\":2,\"limit\":10}"));
        assertEquals(List.of(a, b), AuditVerifier.Checkpoint.parseAll(JSON.writeValueAsString(a) + "\n" + JSON.writeValueAsString(b) + "\n"));
    }

    @Test
    void an_untouched_export_verifies() throws Exception {
        Chain chain = chain(6);
        List<ObjectNode> lines = new ArrayList<>(chain.lines);
        // stored a moment ago, not chained yet: exported without chainPosition and link
        ObjectNode fresh = chain(7).lines.get(6);
        fresh.remove("chainPosition");
        fresh.remove("link");
        lines.add(fresh);
        Path export = write(lines);
        AuditVerifier.Report r = AuditVerifier.verify(export, List.of(chain.checkpoint(3), chain.checkpoint(6)), List.of(keys.getPublic()));
        assertTrue(r.verified(), r.describe());
        assertEquals(2, r.checkpointsVerified());
        assertEquals(6, r.chained());
        assertEquals(1, r.unchained());
    }

    @Test
    void one_edited_byte_is_named_as_the_first_event_that_does_not_verify() throws Exception {
        Chain chain = chain(6);
        ObjectNode fourth = chain.lines.get(3);
        byte[] payload = Base64.getDecoder().decode(fourth.get("rawPayload").asText());
        payload[2] ^= 1;
        fourth.put("rawPayload", Base64.getEncoder().encodeToString(payload));
        AuditVerifier.Report r = AuditVerifier.verify(write(chain.lines), List.of(chain.checkpoint(6)), List.of(keys.getPublic()));
        assertFalse(r.verified());
        assertEquals("e-4", r.firstBad().eventId(), r.describe());
    }

    @Test
    void a_readable_payload_that_differs_from_the_chained_bytes_is_named() throws Exception {
        Chain chain = chain(3);
        ((ObjectNode) chain.lines.get(1).get("payload")).put("amount", 999);
        AuditVerifier.Report r = AuditVerifier.verify(write(chain.lines), List.of(chain.checkpoint(3)), List.of(keys.getPublic()));
        assertEquals("e-2", r.firstBad().eventId(), r.describe());
    }

    @Test
    void a_rewrite_with_recomputed_links_fails_at_the_next_signed_checkpoint() throws Exception {
        Chain honest = chain(6);
        List<AuditVerifier.Checkpoint> signed = List.of(honest.checkpoint(2), honest.checkpoint(6));
        Chain rewritten = chain(6, 5); // event 5 says something else, and every link from there is recomputed
        AuditVerifier.Report r = AuditVerifier.verify(write(rewritten.lines), signed, List.of(keys.getPublic()));
        assertFalse(r.verified());
        assertEquals(1, r.checkpointsVerified());
        assertEquals(6, r.failedCheckpoint().position());
        assertEquals("e-3", r.firstBad().eventId(), "the first event after the last checkpoint that holds: " + r.describe());
    }

    @Test
    void a_cut_tail_is_detected_by_the_last_checkpoint() throws Exception {
        Chain chain = chain(6);
        List<AuditVerifier.Checkpoint> signed = List.of(chain.checkpoint(6));
        AuditVerifier.Report r = AuditVerifier.verify(write(chain.lines.subList(0, 4)), signed, List.of(keys.getPublic()));
        assertFalse(r.verified());
        assertNotNull(r.failedCheckpoint());
        assertTrue(r.checkpointProblem().contains("tail was cut"), r.checkpointProblem());
    }

    @Test
    void a_forged_checkpoint_is_refused() throws Exception {
        Chain chain = chain(3);
        KeyPair other = AuditVerifier.Keys.generate();
        AuditVerifier.Checkpoint forged = chain.checkpoint(3).signedWith(other.getPrivate(), AuditVerifier.Keys.keyId(other.getPublic()));
        AuditVerifier.Report r = AuditVerifier.verify(write(chain.lines), List.of(forged), List.of(keys.getPublic()));
        assertFalse(r.verified());
        assertTrue(r.checkpointProblem().contains("signature"), r.checkpointProblem());
        assertNull(new AuditVerifier.Checkpoint("s", 1, 1, "e", "00", 1, "t", "k", null).signature());
    }

    @Test
    void an_export_with_no_checkpoint_is_not_verified() throws Exception {
        Chain chain = chain(3);
        AuditVerifier.Report r = AuditVerifier.verify(write(chain.lines), AuditVerifier.Checkpoint.parseAll("\n"),
                List.of(keys.getPublic()));
        assertFalse(r.verified(), r.describe());
        assertTrue(r.describe().startsWith("NOT VERIFIED"), r.describe());
        assertTrue(r.describe().contains("no signed checkpoint supplied"), r.describe());
        assertTrue(r.describe().contains("newest checkpoint taken at: none supplied"), r.describe());
    }

    @Test
    void an_unchained_event_back_dated_below_the_newest_checkpoint_is_named_and_a_fresh_one_is_not() throws Exception {
        Chain chain = chain(6);
        List<AuditVerifier.Checkpoint> signed = List.of(chain.checkpoint(3), chain.checkpoint(6)); // taken at 2026-12-01T00:00:00Z
        // slipped into a gap at global index 25, stamped a day before the checkpoint: the chain passed it for good
        ObjectNode backDated = unchained(chain(7).lines.get(6), "e-forged", 25, "2026-11-30T00:00:00.000Z");
        // committed late at global index 35, stamped within the gap window before the checkpoint: may still be chained
        ObjectNode late = unchained(chain(7).lines.get(6), "e-late", 35, "2026-11-30T23:58:00.000Z");
        List<ObjectNode> lines = new ArrayList<>(chain.lines);
        lines.add(late);
        AuditVerifier.Report fresh = AuditVerifier.verify(write(lines), signed, List.of(keys.getPublic()));
        assertTrue(fresh.verified(), fresh.describe());
        assertEquals("2026-12-01T00:00:00Z", fresh.newestTakenAt());
        assertTrue(fresh.describe().contains("newest checkpoint taken at: 2026-12-01T00:00:00Z"), fresh.describe());

        lines.add(2, backDated);
        AuditVerifier.Report r = AuditVerifier.verify(write(lines), signed, List.of(keys.getPublic()));
        assertFalse(r.verified(), r.describe());
        assertEquals("e-forged", r.notChained().eventId(), r.describe());
        assertEquals(25, r.notChained().globalIndex());
        assertTrue(r.describe().contains("event stored but never chained: e-forged"), r.describe());
        assertNull(r.firstBad(), "every chained event still verifies");
        // a service whose gap window is longer than a day still waits for it
        assertTrue(AuditVerifier.verify(write(lines), signed, List.of(keys.getPublic()), java.time.Duration.ofDays(2)).verified());
        // above the newest checkpoint's global index, the chain may simply not have reached it
        ObjectNode above = unchained(chain(7).lines.get(6), "e-above", 65, "2026-11-30T00:00:00.000Z");
        List<ObjectNode> tail = new ArrayList<>(chain.lines);
        tail.add(above);
        assertTrue(AuditVerifier.verify(write(tail), signed, List.of(keys.getPublic())).verified());
    }

    private static ObjectNode unchained(ObjectNode template, String eventId, long globalIndex, String occurredAt) {
        ObjectNode e = template.deepCopy();
        e.remove("chainPosition");
        e.remove("link");
        e.put("eventId", eventId).put("globalIndex", globalIndex).put("occurredAt", occurredAt);
        return e;
    }

    @Test
    void json_values_compare_by_value() {
        assertTrue(AuditVerifier.Json.same(AuditVerifier.Json.parse("{\"a\":1.0,\"b\":[true,null,\"x\\u00e9\"]}"),
                AuditVerifier.Json.parse("{ \"b\" : [true, null, \"xé\"], \"a\" : 1 }")));
        assertFalse(AuditVerifier.Json.same(AuditVerifier.Json.parse("{\"a\":1}"), AuditVerifier.Json.parse("{\"a\":2}")));
    }

    // ---- a synthetic chain, linked exactly as HashChain links stored rows ----

    private final class Chain {
        final List<ObjectNode> lines = new ArrayList<>();
        final List<byte[]> links = new ArrayList<>();

        AuditVerifier.Checkpoint checkpoint(int position) {
            ObjectNode l = lines.get(position - 1);
            return AuditVerifierTest.this.checkpoint(position, l.get("globalIndex").asLong(), l.get("eventId").asText(),
                    HexFormat.of().formatHex(links.get(position - 1)), position);
        }
    }

    private Chain chain(int n) {
        return chain(n, -1);
    }

    /** Events 1..n at positions 1..n (global indexes 10 apart); the event at {@code altered} carries another amount. */
    private Chain chain(int n, int altered) {
        Chain c = new Chain();
        byte[] previous = AuditVerifier.GENESIS;
        for (int i = 1; i <= n; i++) {
            String payload = "{\"amount\":" + (i == altered ? 1_000_000 : i * 100) + ",\"note\":\"n" + i + "\"}";
            String meta = "{\"actorSubject\":\"u" + i + "\",\"correlationId\":\"c" + i + "\"}";
            long globalIndex = i * 10L;
            String ts = "2026-12-01T00:00:0" + i + ".000Z";
            byte[] link = AuditVerifier.link(previous, globalIndex, "e-" + i, "agg-1", i - 1, "Proposal", "x.ProposalEvent$Edited", null,
                    ts, payload.getBytes(StandardCharsets.UTF_8), meta.getBytes(StandardCharsets.UTF_8));
            ObjectNode line = JSON.createObjectNode();
            line.put("globalIndex", globalIndex).put("eventId", "e-" + i).put("aggregateType", "Proposal").put("aggregateId", "agg-1")
                    .put("sequenceNumber", i - 1).put("eventType", "x.ProposalEvent$Edited").put("occurredAt", ts);
            try {
                line.set("payload", JSON.readTree(payload));
                line.set("metadata", JSON.readTree(meta));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            line.put("chainPosition", i).put("link", HexFormat.of().formatHex(link))
                    .put("rawPayload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
                    .put("rawMetadata", Base64.getEncoder().encodeToString(meta.getBytes(StandardCharsets.UTF_8)));
            c.lines.add(line);
            c.links.add(link);
            previous = link;
        }
        return c;
    }

    private AuditVerifier.Checkpoint checkpoint(long position, long globalIndex, String eventId, String link, long count) {
        return new AuditVerifier.Checkpoint("proposals-service", position, globalIndex, eventId, link, count, "2026-12-01T00:00:00Z",
                null, null).signedWith(keys.getPrivate(), keyId);
    }

    private Path write(List<ObjectNode> lines) throws Exception {
        Path file = Files.createTempFile(dir, "export", ".ndjson");
        StringBuilder s = new StringBuilder();
        for (ObjectNode l : lines) {
            s.append(JSON.writeValueAsString(l)).append('\n');
        }
        Files.writeString(file, s.toString());
        return file;
    }
}
