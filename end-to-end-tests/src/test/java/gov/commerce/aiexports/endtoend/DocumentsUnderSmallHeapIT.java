package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.localstack.ServiceProcess;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.testsupport.FreePorts;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 50 MB document through a packaged proposals-service whose heap is capped at 128 MB (issue 16):
 * the upload and the download must stream, since the file alone is nearly half the heap and the
 * service holds everything else besides. A second instance of the service, on the shared stack's
 * database and broker, runs with {@code -Xmx128m}; the file is generated while it is sent and hashed
 * on both sides, never held whole by the test either.
 */
class DocumentsUnderSmallHeapIT {

    private static final long SIZE = 50L * 1024 * 1024;
    private static final long HEAP_CAP = 128L * 1024 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static ServiceProcess smallHeap;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.next();
        smallHeap = RunningStack.get().instance(Services.PROPOSALS, "proposals-service-small-heap", port, Map.of(),
                List.of("-Xms64m", "-Xmx128m", "-Xmn32m"));
        smallHeap.start();
        smallHeap.awaitReady(Duration.ofSeconds(180));
        url = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() throws Exception {
        if (smallHeap != null) {
            smallHeap.stop();
        }
    }

    @Test
    void a_50_mb_file_streams_in_and_out_of_a_service_with_128_mb_of_heap_and_its_hash_checks() throws Exception {
        // the cap is really the instance's: its own metrics say what the heap may grow to
        long heapMax = heapMaxBytes();
        assertTrue(heapMax > 0 && heapMax <= HEAP_CAP, "heap max of the instance: " + heapMax);

        String uei = Program.newUei();
        String draft = Program.draftedProposal(Program.publishedCall(), Program.consortium(uei), uei);
        String token = Program.token(uei, "applicant");

        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpRequest upload = HttpRequest.newBuilder(URI.create(url + "/proposals/" + draft
                        + "/documents?name=technical-volume.pdf&confidentiality=BUSINESS_CONFIDENTIAL"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Pdf(SIZE, sent)), SIZE))
                .build();
        HttpResponse<String> attached = CLIENT.send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, attached.statusCode(), attached.body());
        String hash = HexFormat.of().formatHex(sent.digest());
        JsonNode body = HttpCalls.JSON.readTree(attached.body());
        assertEquals(hash, body.get("sha256").asText(), "the service hashed what was sent");
        assertEquals(SIZE, body.get("sizeBytes").asLong());
        assertEquals("application/pdf", body.get("mediaType").asText());

        HttpRequest download = HttpRequest.newBuilder(URI.create(url + "/proposals/" + draft + "/documents/"
                        + body.get("documentId").asText() + "/versions/1"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(3)).GET().build();
        HttpResponse<InputStream> file = CLIENT.send(download, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, file.statusCode());
        assertEquals("\"" + hash + "\"", file.headers().firstValue("ETag").orElse(null));
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = file.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        assertEquals(SIZE, length, "the whole file came back");
        assertEquals(hash, HexFormat.of().formatHex(received.digest()), "byte for byte the file sent");
        assertTrue(smallHeap.isAlive(), "the instance is still running");
        assertTrue(heapMaxBytes() <= HEAP_CAP);
    }

    /** The sum of the heap pools' maxima, from the instance's Prometheus metrics. */
    private static long heapMaxBytes() throws Exception {
        HttpResponse<String> metrics = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        Matcher m = Pattern.compile("(?m)^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+-]+)$").matcher(metrics.body());
        double sum = 0;
        int pools = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            if (v > 0) {
                sum += v;
            }
            pools++;
        }
        assertTrue(pools > 0, "heap pools in the metrics");
        return (long) sum;
    }

    /**
     * A PDF of {@code size} bytes made while it is read: the PDF header, then a repeating pattern
     * that varies with the position (not all zeros, so nothing along the way can compress it away),
     * each byte also fed to {@code digest}.
     */
    private static final class Pdf extends InputStream {
        private static final byte[] HEADER = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long size;
        private final MessageDigest digest;
        private long position;

        Pdf(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < HEADER.length ? HEADER[(int) p] : (byte) ('A' + (p * 31 + (p >>> 12)) % 26);
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }
    }
}
