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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline check of a decision dossier, on dossiers made here exactly as the services make
 * them: a chain of 8 events of which the dossier holds 2, 3 and 6; a checkpoint signed at 4 and
 * one at 7; witnesses 4, 5 and 7 carry the links from each event to its checkpoint.
 */
class DossierVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeyPair keys = AuditVerifier.Keys.generate();
    private final String keyId = AuditVerifier.Keys.keyId(keys.getPublic());

    @TempDir
    Path dir;

    @Test
    void an_untouched_dossier_verifies_with_the_manifests_key_and_a_key_given_out_of_band() {
        List<String> dossier = dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7));
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertTrue(r.verified(), r.describe());
        assertEquals(3, r.events());
        assertEquals(3, r.proven());
        assertEquals(2, r.checkpoints());
        assertTrue(r.describe().startsWith("VERIFIED: dossier of designation PAEP-2027-0001: 3 events, 3 proven"), r.describe());
        AuditVerifier.Dossier.Result given = AuditVerifier.Dossier.verify(dossier, Map.of("review-service", List.of(keys.getPublic())));
        assertTrue(given.verified(), given.describe());
        assertTrue(given.describe().contains("review-service: given out of band"), given.describe());
    }

    @Test
    void one_edited_byte_in_an_events_stored_bytes_names_that_event() {
        List<String> dossier = new ArrayList<>(dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)));
        int line = lineOf(dossier, "e-3");
        dossier.set(line, editBase64(dossier.get(line), "rawPayload"));
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertFalse(r.verified());
        assertEquals("e-3", r.firstBad().eventId(), r.describe());
        assertEquals("its bytes no longer produce its link", r.firstBad().reason());
        assertTrue(r.describe().contains("first event that does not verify: e-3 (review-service, chain position 3, line "), r.describe());
    }

    @Test
    void an_edited_readable_payload_names_the_event_although_its_bytes_still_link() {
        List<String> dossier = new ArrayList<>(dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)));
        int line = lineOf(dossier, "e-6");
        dossier.set(line, dossier.get(line).replace("\"note\":\"n6\"", "\"note\":\"n7\""));
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertEquals("e-6", r.firstBad().eventId(), r.describe());
        assertEquals("its readable payload differs from its chained bytes", r.firstBad().reason());
    }

    @Test
    void a_rewritten_event_whose_links_were_all_recomputed_fails_against_the_signed_checkpoint() {
        // the owner rewrote event 5 and relinked 5..7: every link recomputes, the signature at 7 no longer matches
        List<String> dossier = dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7), 5);
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertFalse(r.verified());
        assertNotNull(r.firstBad(), r.describe());
        assertEquals("e-7", r.firstBad().eventId(), r.describe());
        assertEquals("its link differs from the one the checkpoint signed", r.firstBad().reason());
    }

    @Test
    void a_missing_witness_a_foreign_key_and_a_dropped_event_are_each_named() {
        List<String> noWitness = dossier(List.of(2, 6), List.of(7), List.of(3, 4, 7));
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(noWitness, Map.of());
        assertEquals("e-2", r.firstBad().eventId(), r.describe());
        assertEquals("the chain from it to the checkpoint at position 7 breaks at position 5", r.firstBad().reason(), r.describe());

        AuditVerifier.Dossier.Result foreign = AuditVerifier.Dossier.verify(dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)),
                Map.of("review-service", List.of(AuditVerifier.Keys.generate().getPublic())));
        assertFalse(foreign.verified());
        assertTrue(foreign.firstBad().reason().startsWith("the signature of the checkpoint"), foreign.describe());

        List<String> dropped = new ArrayList<>(dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)));
        dropped.remove(lineOf(dropped, "e-2"));
        AuditVerifier.Dossier.Result d = AuditVerifier.Dossier.verify(dropped, Map.of());
        assertEquals("e-2", d.firstBad().eventId(), d.describe());
        assertEquals("listed in the manifest, missing from the dossier", d.firstBad().reason());
    }

    @Test
    void events_after_the_newest_checkpoint_are_not_proven_yet_and_a_broken_line_is_named() throws Exception {
        AuditVerifier.Dossier.Result r = AuditVerifier.Dossier.verify(dossier(List.of(2, 3, 8), List.of(4), List.of(4)), Map.of());
        assertFalse(r.verified());
        assertNull(r.firstBad(), r.describe());
        assertEquals(1, r.pending());
        assertTrue(r.describe().startsWith("NOT YET PROVEN"), r.describe());

        List<String> dossier = new ArrayList<>(dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)));
        int line = lineOf(dossier, "e-2");
        dossier.set(line, dossier.get(line).replace("{\"record\"", "{\"record\"\""));
        AuditVerifier.Dossier.Result broken = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertEquals("e-2", broken.firstBad().eventId(), broken.describe());
        assertTrue(broken.firstBad().reason().startsWith("unreadable"), broken.describe());

        // and the command: exit 0 verified, 1 named, the file as the services write it
        Path file = dir.resolve("dossier.ndjson");
        Files.write(file, dossier(List.of(2, 3, 6), List.of(4, 7), List.of(4, 5, 7)), StandardCharsets.UTF_8);
        assertEquals(0, AuditVerifier.Dossier.run(new String[] {file.toString()}));
        Files.write(file, dossier, StandardCharsets.UTF_8);
        assertEquals(1, AuditVerifier.Dossier.run(new String[] {file.toString()}));
        assertEquals(2, AuditVerifier.Dossier.run(new String[0]));
    }

    // ---- a service's chain and its dossier, made as DossierParts and DecisionDossiers make them ----

    private List<String> dossier(List<Integer> events, List<Integer> checkpoints, List<Integer> witnesses) {
        return dossier(events, checkpoints, witnesses, -1);
    }

    /** {@code rewritten}: the event whose payload was changed after the checkpoints were signed, with every later link recomputed. */
    private List<String> dossier(List<Integer> events, List<Integer> checkpoints, List<Integer> witnesses, int rewritten) {
        int n = 8;
        List<byte[]> signedLinks = links(n, -1);
        List<byte[]> links = links(n, rewritten);
        List<String> lines = new ArrayList<>();
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("record", "manifest").put("format", "aiexports-decision-dossier/v1");
        manifest.putObject("subject").put("kind", "designation").put("designationNumber", "PAEP-2027-0001");
        ObjectNode service = manifest.putArray("services").addObject();
        service.put("service", "review-service");
        service.putObject("publicKey").put("algorithm", "Ed25519").put("keyId", keyId)
                .put("publicKey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        var ids = service.putArray("eventIds");
        events.forEach(i -> ids.add("e-" + i));
        lines.add(manifest.toString());
        for (int i = 1; i <= n; i++) {
            boolean event = events.contains(i);
            if (!event && !witnesses.contains(i)) {
                continue;
            }
            String payload = payload(i, rewritten);
            String meta = "{\"actorSubject\":\"u" + i + "\"}";
            ObjectNode line = JSON.createObjectNode();
            line.put("record", event ? "event" : "witness").put("service", "review-service").put("globalIndex", i * 10L)
                    .put("eventId", "e-" + i).put("aggregateType", "Review").put("aggregateId", "r-1").put("sequenceNumber", i - 1)
                    .put("eventType", "x.ReviewEvent$Assessed").put("occurredAt", stamp(i));
            if (event) {
                try {
                    line.set("payload", JSON.readTree(payload));
                    line.set("metadata", JSON.readTree(meta));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            line.put("chainPosition", i).put("link", HexFormat.of().formatHex(links.get(i - 1)));
            if (i > 1) {
                line.put("previousPosition", i - 1).put("previousLink", HexFormat.of().formatHex(links.get(i - 2)));
            }
            line.put("rawPayload", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)))
                    .put("rawMetadata", Base64.getEncoder().encodeToString(meta.getBytes(StandardCharsets.UTF_8)));
            lines.add(line.toString());
        }
        for (int p : checkpoints) {
            AuditVerifier.Checkpoint cp = new AuditVerifier.Checkpoint("review-service", p, p * 10L, "e-" + p,
                    HexFormat.of().formatHex(signedLinks.get(p - 1)), p, "2026-12-01T00:01:00Z", null, null)
                    .signedWith(keys.getPrivate(), keyId);
            ObjectNode line = JSON.valueToTree(cp);
            line.put("record", "checkpoint");
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<byte[]> links(int n, int rewritten) {
        List<byte[]> links = new ArrayList<>();
        byte[] previous = AuditVerifier.GENESIS;
        for (int i = 1; i <= n; i++) {
            byte[] link = AuditVerifier.link(previous, i * 10L, "e-" + i, "r-1", i - 1, "Review", "x.ReviewEvent$Assessed", null,
                    stamp(i), payload(i, rewritten).getBytes(StandardCharsets.UTF_8),
                    ("{\"actorSubject\":\"u" + i + "\"}").getBytes(StandardCharsets.UTF_8));
            links.add(link);
            previous = link;
        }
        return links;
    }

    private static String payload(int i, int rewritten) {
        return "{\"amount\":" + (i == rewritten ? 1_000_000 : i * 100) + ",\"note\":\"n" + i + "\"}";
    }

    private static String stamp(int i) {
        return "2026-12-01T00:00:0" + i + ".000Z";
    }

    private static int lineOf(List<String> lines, String eventId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"eventId\":\"" + eventId + "\"") && !lines.get(i).contains("\"record\":\"checkpoint\"")
                    && !lines.get(i).contains("\"record\":\"manifest\"")) {
                return i;
            }
        }
        throw new IllegalArgumentException(eventId);
    }

    /** One byte of a base64 field changed to another base64 character. */
    private static String editBase64(String line, String field) {
        int at = line.indexOf("\"" + field + "\":\"") + field.length() + 4 + 5;
        char c = line.charAt(at);
        return line.substring(0, at) + (c == 'A' ? 'B' : 'A') + line.substring(at + 1);
    }
}
