package gov.commerce.aiexports.runtime.audit;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit chain's pure parts, and the offline verifier. This file uses the JDK alone, so an
 * auditor runs it from source with no build, no database and no running service:
 * {@code java AuditVerifier.java EXPORT.ndjson CHECKPOINTS.json PUBLIC_KEY} (see ./verify-audit).
 * The service computes its links and signs its checkpoints with these very functions.
 */
public final class AuditVerifier {

    public static final byte[] GENESIS = new byte[32];
    /**
     * The services' default gap window (GapSettings: aiexports.axon.longest-appending-transaction
     * 120s plus 30s of clock skew): how long a reader of the store waits for an event that took a
     * lower global index to commit. A service configured otherwise is verified with --gap-window.
     */
    public static final Duration DEFAULT_GAP_WINDOW = Duration.ofSeconds(150);
    static final String CHECKPOINT_DOMAIN = "aiexports-audit-checkpoint/v1";

    private AuditVerifier() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("dossier")) {
            System.exit(Dossier.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Duration gapWindow = DEFAULT_GAP_WINDOW;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--gap-window=")) {
                String v = arg.substring("--gap-window=".length()).toUpperCase(java.util.Locale.ROOT);
                gapWindow = v.startsWith("P") ? Duration.parse(v) : Duration.ofSeconds(Long.parseLong(v.replaceAll("S$", "")));
            } else {
                files.add(arg);
            }
        }
        if (files.size() != 3) {
            System.err.println("usage: verify-audit [--gap-window=SECONDS] EXPORT.ndjson CHECKPOINTS PUBLIC_KEY");
            System.err.println("       verify-audit dossier DOSSIER.ndjson [--key SERVICE=PUBLIC_KEY ...]");
            System.err.println("  EXPORT.ndjson     GET /audit/events with Accept: application/x-ndjson, unfiltered");
            System.err.println("  CHECKPOINTS       the audit.checkpoints topic's records for the service, one a line (or an archive of them)");
            System.err.println("  PUBLIC_KEY        GET /audit/chain/public-key's answer, or the key as PEM or base64 (X.509)");
            System.err.println("  --gap-window      the service's gap window, default " + DEFAULT_GAP_WINDOW.toSeconds()
                    + " (longest appending transaction + 30s)");
            System.exit(2);
        }
        List<Checkpoint> checkpoints = Checkpoint.parseAll(Files.readString(Path.of(files.get(1))));
        PublicKey key = Keys.publicKey(Files.readString(Path.of(files.get(2))));
        Report report = verify(Path.of(files.get(0)), checkpoints, List.of(key), gapWindow);
        System.out.println(report.describe());
        System.exit(report.verified() ? 0 : 1);
    }

    // ---- links ------------------------------------------------------------------------------

    /** SHA-256 over the previous link and the event row's fields, each length-prefixed (-1 for null) so no two rows encode alike. */
    public static byte[] link(byte[] previous, long globalIndex, String eventId, String aggregateId, long sequenceNumber,
            String aggregateType, String payloadType, String payloadRevision, String timeStamp, byte[] payload, byte[] metadata) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        field(canonical, previous);
        field(canonical, text(globalIndex));
        field(canonical, text(eventId));
        field(canonical, text(aggregateId));
        field(canonical, text(sequenceNumber));
        field(canonical, text(aggregateType));
        field(canonical, text(payloadType));
        field(canonical, text(payloadRevision));
        field(canonical, text(timeStamp));
        field(canonical, payload);
        field(canonical, metadata);
        return sha256(canonical.toByteArray());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] text(Object value) {
        return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        byte[] b = bytes == null ? new byte[0] : bytes;
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : b.length).array());
        out.writeBytes(b);
    }

    // ---- checkpoints ------------------------------------------------------------------------

    /**
     * A signed statement of the chain's head: at chain position {@code position} (global index,
     * event id) the link was {@code link}, and {@code count} events were chained up to there.
     */
    public record Checkpoint(String service, long position, long globalIndex, String eventId, String link, long count,
            String takenAt, String keyId, String signature) {

        /** The bytes signed: a domain tag then every field, length-prefixed, so no two checkpoints encode alike. */
        public byte[] canonical() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            field(out, text(CHECKPOINT_DOMAIN));
            field(out, text(service));
            field(out, text(position));
            field(out, text(globalIndex));
            field(out, text(eventId));
            field(out, text(link));
            field(out, text(count));
            field(out, text(takenAt));
            field(out, text(keyId));
            return out.toByteArray();
        }

        public Checkpoint signedWith(PrivateKey key, String keyId) {
            Checkpoint unsigned = new Checkpoint(service, position, globalIndex, eventId, link, count, takenAt, keyId, null);
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                s.update(unsigned.canonical());
                return new Checkpoint(service, position, globalIndex, eventId, link, count, takenAt, keyId,
                        Base64.getEncoder().encodeToString(s.sign()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign a checkpoint", e);
            }
        }

        /** True when one of the keys signed exactly these fields. */
        public boolean verifies(List<PublicKey> keys) {
            if (signature == null) {
                return false;
            }
            byte[] sig;
            try {
                sig = Base64.getDecoder().decode(signature);
            } catch (IllegalArgumentException e) {
                return false;
            }
            for (PublicKey key : keys) {
                try {
                    Signature s = Signature.getInstance("Ed25519");
                    s.initVerify(key);
                    s.update(canonical());
                    if (s.verify(sig)) {
                        return true;
                    }
                } catch (java.security.GeneralSecurityException e) {
                    // a malformed signature or a key of another kind: not this key
                }
            }
            return false;
        }

        static Checkpoint of(Map<?, ?> m) {
            return new Checkpoint(string(m.get("service")), number(m.get("position")), number(m.get("globalIndex")),
                    string(m.get("eventId")), string(m.get("link")), number(m.get("count")), string(m.get("takenAt")),
                    string(m.get("keyId")), string(m.get("signature")));
        }

        /** A JSON array, a page {"items": [...]}, or one checkpoint a line (records read from the topic). */
        public static List<Checkpoint> parseAll(String text) {
            String t = text.strip();
            List<Checkpoint> all = new ArrayList<>();
            if (t.isEmpty()) {
                return all;
            }
            if (t.startsWith("[") || (t.startsWith("{") && !t.contains("\n"))) {
                Object parsed = Json.parse(t);
                if (parsed instanceof Map<?, ?> m && m.get("items") instanceof List<?> items) {
                    parsed = items;
                }
                if (parsed instanceof List<?> list) {
                    list.forEach(o -> all.add(of((Map<?, ?>) o)));
                } else {
                    all.add(of((Map<?, ?>) parsed));
                }
            } else {
                for (String line : t.split("\n")) {
                    if (!line.isBlank()) {
                        all.add(of((Map<?, ?>) Json.parse(line)));
                    }
                }
            }
            return all;
        }
    }

    // ---- keys -------------------------------------------------------------------------------

    public static final class Keys {
        private Keys() {
        }

        /** PKCS#8, as PEM or bare base64. */
        public static PrivateKey privateKey(String text) {
            try {
                return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(text)));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 (PEM or base64): " + e.getMessage(), e);
            }
        }

        /** X.509 SubjectPublicKeyInfo as PEM or bare base64, or the JSON of GET /audit/chain/public-key. */
        public static PublicKey publicKey(String text) {
            String t = text.strip();
            if (t.startsWith("{")) {
                t = string(((Map<?, ?>) Json.parse(t)).get("publicKey"));
            }
            try {
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(t)));
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not an Ed25519 public key (PEM or base64 X.509): " + e.getMessage(), e);
            }
        }

        /**
         * The public half of a private key. The JDK has no call for it, but its generator draws the
         * 32-byte private key from the random source it is given: handing it the key's own bytes
         * makes it compute the matching public key.
         */
        public static KeyPair pair(PrivateKey key) {
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow(() -> new IllegalArgumentException("the key has no bytes"));
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                    @Override
                    public void nextBytes(byte[] bytes) {
                        System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                    }
                });
                KeyPair pair = g.generateKeyPair();
                if (!java.util.Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
                    throw new IllegalStateException("could not derive the public key");
                }
                return new KeyPair(pair.getPublic(), key);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public static KeyPair generate() {
            try {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A short, stable name for a public key: the first 16 hex digits of SHA-256 of its X.509 encoding. */
        public static String keyId(PublicKey key) {
            return HexFormat.of().formatHex(sha256(key.getEncoded())).substring(0, 16);
        }

        public static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END " + type + "-----\n";
        }

        private static byte[] der(String text) {
            String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        }
    }

    // ---- offline verification ---------------------------------------------------------------

    /** An event that does not verify: where it is in the chain and the stream, and why. */
    public record Bad(long position, long globalIndex, String eventId, String reason) {
    }

    /**
     * {@code newestTakenAt}: when the newest checkpoint supplied was taken; only events chained up
     * to it are proven. {@code notChained}: an event stored but skipped by the chain for good.
     */
    public record Report(long lines, long chained, long unchained, int checkpointsVerified, Checkpoint failedCheckpoint,
            String checkpointProblem, Bad firstBad, String newestTakenAt, Bad notChained) {

        public boolean verified() {
            // no checkpoint, no proof: links alone are recomputed by whoever rewrites the export or the store
            return checkpointsVerified > 0 && failedCheckpoint == null && checkpointProblem == null && firstBad == null
                    && notChained == null;
        }

        public String describe() {
            StringBuilder s = new StringBuilder();
            s.append(verified() ? "VERIFIED" : "NOT VERIFIED").append(": ").append(lines).append(" events read, ").append(chained)
                    .append(" chained, ").append(unchained).append(" not chained yet; ").append(checkpointsVerified)
                    .append(" signed checkpoint(s) verified\n");
            s.append("newest checkpoint taken at: ").append(newestTakenAt == null ? "none supplied" : newestTakenAt).append('\n');
            if (checkpointProblem != null) {
                s.append("checkpoint problem: ").append(checkpointProblem).append('\n');
            }
            if (failedCheckpoint != null) {
                s.append("failed checkpoint: position ").append(failedCheckpoint.position()).append(" taken at ")
                        .append(failedCheckpoint.takenAt()).append(" (event ").append(failedCheckpoint.eventId()).append(")\n");
            }
            if (firstBad != null) {
                s.append("first event that does not verify: ").append(firstBad.eventId()).append(" (global index ")
                        .append(firstBad.globalIndex()).append(", chain position ").append(firstBad.position()).append("): ")
                        .append(firstBad.reason()).append('\n');
            }
            if (notChained != null) {
                s.append("event stored but never chained: ").append(notChained.eventId()).append(" (global index ")
                        .append(notChained.globalIndex()).append("): ").append(notChained.reason()).append('\n');
            }
            return s.toString();
        }
    }

    private record Seen(long globalIndex, String eventId, byte[] link) {
    }

    /**
     * Checks an unfiltered NDJSON export against signed checkpoints. Two passes keep memory to a
     * few dozen bytes an event: the first gathers each chain position's claimed link, the second
     * recomputes every link from the exported bytes and its predecessor's claimed link.
     */
    public static Report verify(Path export, List<Checkpoint> checkpoints, List<PublicKey> keys) throws IOException {
        return verify(export, checkpoints, keys, DEFAULT_GAP_WINDOW);
    }

    /**
     * As above; {@code gapWindow} is the service's: an unchained event below the newest
     * checkpoint's global index and stamped before its takenAt minus the window was skipped by the
     * chain for good (the checkpoint's event was chained after it, and the processor no longer
     * waited), so it fails.
     */
    public static Report verify(Path export, List<Checkpoint> checkpoints, List<PublicKey> keys, Duration gapWindow) throws IOException {
        Checkpoint newest = checkpoints.stream().max(java.util.Comparator.comparingLong(Checkpoint::position)).orElse(null);
        Instant cutoff = null;
        if (newest != null) {
            try {
                cutoff = Instant.parse(newest.takenAt()).minus(gapWindow);
            } catch (RuntimeException unreadable) {
                cutoff = null; // its signature check reports it; no cutoff to hold events against
            }
        }
        Bad notChained = null;
        TreeMap<Long, Seen> chain = new TreeMap<>();
        long lines = 0;
        long unchained = 0;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                Map<?, ?> e = (Map<?, ?>) Json.parse(line);
                if (e.get("chainPosition") == null) {
                    unchained++;
                    long globalIndex = number(e.get("globalIndex"));
                    if (cutoff != null && globalIndex < newest.globalIndex()
                            && (notChained == null || globalIndex < notChained.globalIndex())) {
                        String why = staleness(string(e.get("occurredAt")), cutoff, gapWindow);
                        if (why != null) {
                            notChained = new Bad(0, globalIndex, string(e.get("eventId")), why + "; below the newest checkpoint's "
                                    + "global index " + newest.globalIndex() + " (line " + lines + ")");
                        }
                    }
                    continue;
                }
                chain.put(number(e.get("chainPosition")), new Seen(number(e.get("globalIndex")), string(e.get("eventId")),
                        hex(string(e.get("link")))));
            }
        }
        Bad firstBad = null;
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                number++;
                Map<?, ?> e = (Map<?, ?>) Json.parse(line);
                Bad bad = check(e, chain, number);
                if (bad != null && (firstBad == null || bad.position() < firstBad.position())) {
                    firstBad = bad;
                }
            }
        }
        // the signed checkpoints: each must verify, and the exported chain must agree with it
        int verified = 0;
        Checkpoint failed = null;
        String problem = checkpoints.isEmpty()
                ? "no signed checkpoint supplied: nothing outside the export vouches for it (take them from the audit.checkpoints topic)"
                : null;
        long lastGood = 0;
        List<Checkpoint> sorted = checkpoints.stream().sorted(java.util.Comparator.comparingLong(Checkpoint::position)).toList();
        for (Checkpoint cp : sorted) {
            String why = against(cp, chain, keys);
            if (why != null) {
                failed = cp;
                problem = why;
                break;
            }
            verified++;
            lastGood = cp.position();
        }
        if (failed != null && failed.verifies(keys) && (firstBad == null || firstBad.position() > failed.position())) {
            // every link recomputes, yet the chain no longer reaches the signed link: something at or before the checkpoint changed
            Entry<Long, Seen> after = chain.higherEntry(lastGood);
            if (!chain.containsKey(failed.position())) {
                firstBad = new Bad(failed.position(), failed.globalIndex(), failed.eventId(), "signed by the checkpoint at position "
                        + failed.position() + " and missing from the export: removed, or the tail was cut");
            } else if (after != null && after.getKey() <= failed.position()) {
                firstBad = new Bad(after.getKey(), after.getValue().globalIndex(), after.getValue().eventId(),
                        "the first event after the last checkpoint that verifies; from here to position " + failed.position()
                                + " the chain no longer matches the signed checkpoint (rewritten or removed events)");
            }
        }
        return new Report(lines, chain.size(), unchained, verified, failed, problem, firstBad, newest == null ? null : newest.takenAt(),
                notChained);
    }

    /**
     * Why an unchained event stamped {@code stamp} is past waiting for, or null while it may still
     * be chained: stamped before the cutoff (a time minus the gap window), or unreadable.
     */
    static String staleness(String stamp, Instant cutoff, Duration gapWindow) {
        Instant at;
        try {
            at = Instant.parse(stamp);
        } catch (RuntimeException e) {
            return "not chained, and its time stamp '" + stamp + "' is unreadable";
        }
        if (at.isBefore(cutoff)) {
            return "not chained although stamped " + stamp + ", more than the gap window (" + gapWindow.toSeconds()
                    + "s) before " + cutoff.plus(gapWindow) + ": no reader of the store waits for it any more, yet event sourcing "
                    + "loads it (inserted behind the processors' back, or the chain's processor is stalled)";
        }
        return null;
    }

    /** Why the exported chain disagrees with a checkpoint, or null when it agrees. */
    static String against(Checkpoint cp, TreeMap<Long, Seen> chain, List<PublicKey> keys) {
        if (!cp.verifies(keys)) {
            return "the signature of the checkpoint at position " + cp.position() + " does not verify with the public key";
        }
        Long last = chain.isEmpty() ? null : chain.lastKey();
        if (last == null || last < cp.position()) {
            return "the chain ends at position " + (last == null ? 0 : last) + ", before the signed checkpoint at position "
                    + cp.position() + ": its tail was cut";
        }
        Seen at = chain.get(cp.position());
        if (at == null) {
            return "no event holds chain position " + cp.position() + " that the checkpoint signed";
        }
        if (!HexFormat.of().formatHex(at.link()).equals(cp.link())) {
            return "the link at position " + cp.position() + " differs from the signed one";
        }
        long count = chain.headMap(cp.position(), true).size();
        if (count != cp.count()) {
            return "the chain holds " + count + " events up to position " + cp.position() + ", the checkpoint signed " + cp.count();
        }
        return null;
    }

    private static Bad check(Map<?, ?> e, TreeMap<Long, Seen> chain, long lineNumber) {
        long globalIndex = number(e.get("globalIndex"));
        String eventId = string(e.get("eventId"));
        if (e.get("chainPosition") == null) {
            return null;
        }
        long position = number(e.get("chainPosition"));
        try {
            Entry<Long, Seen> previous = chain.lowerEntry(position);
            byte[] payload = base64(e.get("rawPayload"));
            byte[] metadata = base64(e.get("rawMetadata"));
            byte[] expected = link(previous == null ? GENESIS : previous.getValue().link(), globalIndex, eventId,
                    string(e.get("aggregateId")), number(e.get("sequenceNumber")), string(e.get("aggregateType")),
                    string(e.get("eventType")), string(e.get("payloadRevision")), string(e.get("occurredAt")), payload, metadata);
            if (!MessageDigest.isEqual(expected, hex(string(e.get("link"))))) {
                return new Bad(position, globalIndex, eventId, "its bytes no longer produce its link (line " + lineNumber + ")");
            }
            // what a reader sees must be what was chained
            if (!sameJson(e.get("payload"), payload)) {
                return new Bad(position, globalIndex, eventId, "its readable payload differs from its chained bytes (line " + lineNumber + ")");
            }
            if (metadata != null && !sameJson(e.get("metadata"), metadata)) {
                return new Bad(position, globalIndex, eventId, "its readable metadata differs from its chained bytes (line " + lineNumber + ")");
            }
            return null;
        } catch (RuntimeException ex) {
            return new Bad(position, globalIndex, eventId, "unreadable (line " + lineNumber + "): " + ex.getMessage());
        }
    }

    private static boolean sameJson(Object shown, byte[] raw) {
        if (raw == null) {
            return true;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (RuntimeException notJson) {
            return text.equals(shown);
        }
        return Json.same(parsed, shown);
    }

    private static byte[] base64(Object value) {
        return value == null ? null : Base64.getDecoder().decode(string(value));
    }

    private static byte[] hex(String value) {
        return value == null ? new byte[0] : HexFormat.of().parseHex(value);
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static long number(Object value) {
        if (value instanceof BigDecimal b) {
            return b.longValueExact();
        }
        if (value == null) {
            throw new IllegalArgumentException("a number is missing");
        }
        return Long.parseLong(value.toString());
    }

    // ---- decision dossiers -------------------------------------------------------------------

    /**
     * Checks a decision dossier (GET /dossiers/...): a manifest, then the events of each service
     * with their links and the link before each, the witnesses (the chain's events between them
     * and a checkpoint, bytes only) and the signed checkpoints. An event is proven when its bytes
     * produce its link and the links run unbroken from it to a checkpoint whose signature verifies
     * and whose signed link is the one reached. Only the JDK; keys from the manifest unless given.
     */
    public static final class Dossier {

        private static final java.util.regex.Pattern EVENT_ID = java.util.regex.Pattern.compile("\"eventId\"\\s*:\\s*\"([^\"]*)\"");

        private Dossier() {
        }

        /** Something that does not verify, at a line of the file (1 is the manifest). */
        public record Finding(String service, long line, String eventId, Long chainPosition, String reason) {
            String describe() {
                return (eventId == null ? "line " + line : eventId + " (" + (service == null ? "" : service + ", ")
                        + (chainPosition == null ? "" : "chain position " + chainPosition + ", ") + "line " + line + ")") + ": " + reason;
            }
        }

        public record Result(String subject, long events, long witnesses, long proven, long pending, int checkpoints,
                List<String> keySources, Finding firstBad, int findings) {

            public boolean verified() {
                return firstBad == null && pending == 0 && events > 0;
            }

            public String describe() {
                StringBuilder s = new StringBuilder();
                s.append(verified() ? "VERIFIED" : firstBad != null || events == 0 ? "NOT VERIFIED" : "NOT YET PROVEN")
                        .append(": dossier of ").append(subject).append(": ").append(events).append(" events, ").append(proven)
                        .append(" proven by ").append(checkpoints).append(" signed checkpoints (with ").append(witnesses)
                        .append(" witnesses between them)");
                if (pending > 0) {
                    s.append(", ").append(pending).append(" chained after the newest checkpoint or not chained yet: "
                            + "not proven yet, download the dossier again after the next checkpoint");
                }
                s.append('\n');
                keySources.forEach(k -> s.append("key: ").append(k).append('\n'));
                if (firstBad != null) {
                    s.append("first event that does not verify: ").append(firstBad.describe()).append('\n');
                    if (findings > 1) {
                        s.append("(").append(findings - 1).append(" more findings)\n");
                    }
                }
                return s.toString();
            }
        }

        /** Exit 0: verified; 1: an event does not verify (named); 2: usage; 3: nothing wrong, some events not proven yet. */
        static int run(String[] args) throws IOException {
            Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
            List<String> files = new ArrayList<>();
            for (int k = 0; k < args.length; k++) {
                String arg = args[k];
                String given = arg.startsWith("--key=") ? arg.substring(6) : arg.equals("--key") && k + 1 < args.length ? args[++k] : null;
                if (given != null) {
                    int eq = given.indexOf('=');
                    if (eq < 1) {
                        files.clear();
                        break;
                    }
                    keys.computeIfAbsent(given.substring(0, eq), x -> new ArrayList<>())
                            .add(Keys.publicKey(Files.readString(Path.of(given.substring(eq + 1)))));
                } else {
                    files.add(arg);
                }
            }
            if (files.size() != 1) {
                System.err.println("usage: verify-audit dossier DOSSIER.ndjson [--key SERVICE=PUBLIC_KEY ...]");
                System.err.println("  DOSSIER.ndjson    GET /dossiers/designations/{number} or /dossiers/incentive-requests/{id}");
                System.err.println("  --key             a service's public key handed over out of band (GET /audit/chain/public-key,");
                System.err.println("                    PEM or base64); without it, the keys the dossier's manifest names");
                return 2;
            }
            Result result = verify(Files.readAllLines(Path.of(files.get(0)), StandardCharsets.UTF_8), keys);
            System.out.println(result.describe());
            return result.verified() ? 0 : result.firstBad() != null || result.events() == 0 ? 1 : 3;
        }

        private record Rec(long line, String service, boolean event, Map<?, ?> m, long position, byte[] link, Long previousPosition,
                byte[] previousLink) {
        }

        public static Result verify(List<String> lines, Map<String, List<PublicKey>> outOfBand) {
            List<Finding> findings = new ArrayList<>();
            Map<?, ?> manifest = null;
            int first = 0;
            while (first < lines.size() && lines.get(first).isBlank()) {
                first++;
            }
            try {
                Object parsed = first < lines.size() ? Json.parse(lines.get(first)) : null;
                if (parsed instanceof Map<?, ?> m && "manifest".equals(m.get("record"))) {
                    manifest = m;
                }
            } catch (RuntimeException unreadable) {
                manifest = null;
            }
            if (manifest == null) {
                findings.add(new Finding(null, first + 1, null, null, "the first line is not a dossier manifest"));
                return new Result("an unreadable dossier", 0, 0, 0, 0, 0, List.of(), findings.get(0), 1);
            }
            Map<?, ?> subjectMap = manifest.get("subject") instanceof Map<?, ?> sm ? sm : Map.of();
            String subject = string(subjectMap.get("kind")) + " " + (subjectMap.get("incentiveRequestId") != null
                    ? string(subjectMap.get("incentiveRequestId")) : string(subjectMap.get("designationNumber")));
            // the keys: given out of band, else the manifest's (which only proves the file agrees with itself)
            Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
            Map<String, List<String>> listed = new LinkedHashMap<>();
            List<String> keySources = new ArrayList<>();
            if (manifest.get("services") instanceof List<?> services) {
                for (Object o : services) {
                    Map<?, ?> svc = (Map<?, ?>) o;
                    String name = string(svc.get("service"));
                    List<String> ids = new ArrayList<>();
                    if (svc.get("eventIds") instanceof List<?> l) {
                        l.forEach(x -> ids.add(string(x)));
                    }
                    listed.put(name, ids);
                    if (outOfBand.containsKey(name)) {
                        keys.put(name, outOfBand.get(name));
                        keySources.add(name + ": given out of band");
                        continue;
                    }
                    List<PublicKey> fromManifest = new ArrayList<>();
                    try {
                        Map<?, ?> pk = (Map<?, ?>) svc.get("publicKey");
                        fromManifest.add(Keys.publicKey(string(pk.get("publicKey"))));
                        if (pk.get("previousPublicKeys") instanceof List<?> prev) {
                            prev.forEach(x -> fromManifest.add(Keys.publicKey(string(x))));
                        }
                        keySources.add(name + ": " + Keys.keyId(fromManifest.get(0)) + " from the dossier's manifest "
                                + "(compare it with the key published by the service, or pass --key)");
                    } catch (RuntimeException e) {
                        findings.add(new Finding(name, first + 1, null, null, "the manifest's public key of " + name + " is unreadable"));
                    }
                    keys.put(name, fromManifest);
                }
            }
            Map<String, TreeMap<Long, Rec>> chains = new LinkedHashMap<>();
            Map<String, List<Checkpoint>> checkpoints = new LinkedHashMap<>();
            Map<String, Long> checkpointLines = new java.util.HashMap<>();
            Map<String, Set<String>> present = new LinkedHashMap<>();
            long events = 0;
            long witnesses = 0;
            long pending = 0;
            for (int k = first + 1; k < lines.size(); k++) {
                String raw = lines.get(k);
                long lineNo = k + 1;
                if (raw.isBlank()) {
                    continue;
                }
                Map<?, ?> m;
                try {
                    m = (Map<?, ?>) Json.parse(raw);
                } catch (RuntimeException e) {
                    java.util.regex.Matcher id = EVENT_ID.matcher(raw);
                    findings.add(new Finding(null, lineNo, id.find() ? id.group(1) : null, null, "unreadable: " + e.getMessage()));
                    continue;
                }
                String record = string(m.get("record"));
                String service = string(m.get("service"));
                if ("checkpoint".equals(record)) {
                    Checkpoint cp = Checkpoint.of(m);
                    checkpoints.computeIfAbsent(service, x -> new ArrayList<>()).add(cp);
                    checkpointLines.put(service + "#" + cp.position(), lineNo);
                    continue;
                }
                if (!"event".equals(record) && !"witness".equals(record)) {
                    findings.add(new Finding(service, lineNo, string(m.get("eventId")), null, "a record of an unknown kind '" + record + "'"));
                    continue;
                }
                boolean event = "event".equals(record);
                String eventId = string(m.get("eventId"));
                if (event) {
                    events++;
                    present.computeIfAbsent(service, x -> new java.util.HashSet<>()).add(eventId);
                } else {
                    witnesses++;
                }
                if (!keys.containsKey(service)) {
                    findings.add(new Finding(service, lineNo, eventId, null, "its service is not in the manifest"));
                    continue;
                }
                if (m.get("chainPosition") == null) {
                    if (event) {
                        pending++;
                    }
                    continue;
                }
                try {
                    long position = number(m.get("chainPosition"));
                    Long previousPosition = m.get("previousPosition") == null ? null : number(m.get("previousPosition"));
                    byte[] previousLink = previousPosition == null ? GENESIS : hex(string(m.get("previousLink")));
                    Rec rec = new Rec(lineNo, service, event, m, position, hex(string(m.get("link"))), previousPosition, previousLink);
                    TreeMap<Long, Rec> chain = chains.computeIfAbsent(service, x -> new TreeMap<>());
                    Rec before = chain.get(position);
                    if (before == null || (event && !before.event())) {
                        chain.put(position, rec);
                    }
                    byte[] payload = base64(m.get("rawPayload"));
                    byte[] metadata = base64(m.get("rawMetadata"));
                    byte[] expected = link(previousLink, number(m.get("globalIndex")), eventId, string(m.get("aggregateId")),
                            number(m.get("sequenceNumber")), string(m.get("aggregateType")), string(m.get("eventType")),
                            string(m.get("payloadRevision")), string(m.get("occurredAt")), payload, metadata);
                    if (!MessageDigest.isEqual(expected, rec.link())) {
                        findings.add(new Finding(service, lineNo, eventId, position, "its bytes no longer produce its link"));
                    } else if (event && !sameJson(m.get("payload"), payload)) {
                        findings.add(new Finding(service, lineNo, eventId, position, "its readable payload differs from its chained bytes"));
                    } else if (event && metadata != null && !sameJson(m.get("metadata"), metadata)) {
                        findings.add(new Finding(service, lineNo, eventId, position, "its readable metadata differs from its chained bytes"));
                    }
                } catch (RuntimeException e) {
                    findings.add(new Finding(service, lineNo, eventId, null, "unreadable: " + e.getMessage()));
                }
            }
            // links between neighbours, checkpoints, and the walk from each event to its checkpoint
            long proven = 0;
            int checkpointsVerified = 0;
            for (var entry : chains.entrySet()) {
                String service = entry.getKey();
                TreeMap<Long, Rec> chain = entry.getValue();
                for (Rec r : chain.values()) {
                    if (r.previousPosition() != null && chain.containsKey(r.previousPosition())
                            && !MessageDigest.isEqual(chain.get(r.previousPosition()).link(), r.previousLink())) {
                        findings.add(new Finding(service, r.line(), string(r.m().get("eventId")), r.position(),
                                "the link it names before it differs from the link of chain position " + r.previousPosition()));
                    }
                }
                TreeMap<Long, Checkpoint> good = new TreeMap<>();
                for (Checkpoint cp : checkpoints.getOrDefault(service, List.of())) {
                    long lineNo = checkpointLines.getOrDefault(service + "#" + cp.position(), 0L);
                    Rec at = chain.get(cp.position());
                    if (!service.equals(cp.service()) || !cp.verifies(keys.getOrDefault(service, List.of()))) {
                        findings.add(new Finding(service, lineNo, cp.eventId(), cp.position(),
                                "the signature of the checkpoint at this position does not verify with " + service + "'s key"));
                    } else if (at == null) {
                        findings.add(new Finding(service, lineNo, cp.eventId(), cp.position(),
                                "the checkpoint's event is missing from the dossier"));
                    } else if (!HexFormat.of().formatHex(at.link()).equals(cp.link())) {
                        findings.add(new Finding(service, at.line(), cp.eventId(), cp.position(),
                                "its link differs from the one the checkpoint signed"));
                    } else {
                        good.put(cp.position(), cp);
                        checkpointsVerified++;
                    }
                }
                for (Rec r : chain.values()) {
                    if (!r.event()) {
                        continue;
                    }
                    Entry<Long, Checkpoint> cover = good.ceilingEntry(r.position());
                    if (cover == null) {
                        pending++;
                        continue;
                    }
                    long at = cover.getKey();
                    String broken = null;
                    while (at > r.position()) {
                        Rec step = chain.get(at);
                        if (step == null || step.previousPosition() == null || step.previousPosition() < r.position()) {
                            broken = "the chain from it to the checkpoint at position " + cover.getKey() + " breaks at position " + at;
                            break;
                        }
                        at = step.previousPosition();
                    }
                    if (broken != null) {
                        findings.add(new Finding(service, r.line(), string(r.m().get("eventId")), r.position(), broken));
                    } else {
                        proven++;
                    }
                }
            }
            // the manifest's list of events against those in the file
            for (var l : listed.entrySet()) {
                Set<String> here = present.getOrDefault(l.getKey(), Set.of());
                for (String id : l.getValue()) {
                    if (!here.contains(id)) {
                        findings.add(new Finding(l.getKey(), first + 1, id, null, "listed in the manifest, missing from the dossier"));
                    }
                }
                Set<String> named = new java.util.HashSet<>(l.getValue());
                for (String id : here) {
                    if (!named.contains(id)) {
                        findings.add(new Finding(l.getKey(), first + 1, id, null, "in the dossier, not listed in the manifest"));
                    }
                }
            }
            // the first in the file's order; what only the manifest's list says comes after what the records say
            long manifestLine = first + 1;
            Finding firstBad = findings.stream().min(java.util.Comparator.comparingLong(
                    (Finding f) -> f.line() == manifestLine ? Long.MAX_VALUE : f.line())).orElse(null);
            return new Result(subject, events, witnesses, proven, pending, checkpointsVerified, keySources, firstBad, findings.size());
        }
    }

    // ---- a small JSON reader, so that this file needs nothing but the JDK ---------------------

    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        /** Objects as maps, arrays as lists, numbers as BigDecimal, strings, booleans and null. */
        static Object parse(String text) {
            Json p = new Json(text);
            p.space();
            Object v = p.value();
            p.space();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("trailing characters at " + p.i);
            }
            return v;
        }

        /** Equal as JSON values: numbers by value, objects regardless of key order. */
        static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                return x.entrySet().stream().allMatch(en -> y.containsKey(en.getKey()) && same(en.getValue(), y.get(en.getKey())));
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int k = 0; k < x.size(); k++) {
                    if (!same(x.get(k), y.get(k))) {
                        return false;
                    }
                }
                return true;
            }
            return Objects.equals(a, b);
        }

        private Object value() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                space();
                m.put(key, value());
                space();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        private List<Object> array() {
            List<Object> l = new ArrayList<>();
            i++;
            space();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                space();
                l.add(value());
                space();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return l;
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private BigDecimal number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected character at " + i);
            }
            return new BigDecimal(s.substring(start, i));
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("unexpected character at " + i);
            }
            i += word.length();
            return value;
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
