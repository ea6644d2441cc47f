package gov.commerce.aiexports.proposals.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A 320 MiB file up and down through a service whose JVM heap is capped at 256 MB, smaller than
 * the file (the documents-memory execution in this module's pom runs this class alone in such a JVM,
 * which also holds the test's Kafka broker and this HTTP client; at 128 MB the broker alone ran out). The upload is sent chunked from a generator,
 * the download read as a stream and hashed: neither side ever has the file in memory, and the
 * service can only pass by streaming both ways. The hash the client computed is the ETag and the
 * hash of the bytes it got back.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
// only in the documents-memory execution (which sets the property): a default-sized heap would prove nothing
@EnabledIfSystemProperty(named = "aiexports.documents-memory", matches = "true")
class DocumentsMemoryTest {

    private static final long SIZE = 320L * 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    /** SIZE bytes: a PDF header, then pseudo-random bytes (incompressible, like a scanned volume), hashed as they are read. */
    static final class GeneratedPdf extends InputStream {
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest;
        private final byte[] header = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private long position;

        GeneratedPdf() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= SIZE) {
                return -1;
            }
            int n = (int) Math.min(len, SIZE - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                b[off + i] = p < header.length ? header[(int) p] : (byte) random.nextInt(256);
            }
            digest.update(b, off, n);
            position += n;
            return n;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    @Test
    void a_file_larger_than_the_heap_goes_up_and_down_streamed() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertTrue(maxHeap < SIZE, "this test runs with -Xmx256m (documents-memory execution), a heap smaller than the file: " + maxHeap);
        DocumentsTest.Draft d = DocumentsTest.draft();
        String token = DocumentsTest.token(d.uei(), "applicant");
        HttpClient client = HttpClient.newHttpClient();
        GeneratedPdf file = new GeneratedPdf();
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(
                        base.resolve("/proposals/" + d.id() + "/documents?name=volume.pdf&confidentiality=BUSINESS_CONFIDENTIAL"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, up.statusCode(), up.body());
        String sent = file.sha256();
        JsonPath attached = JsonPath.from(up.body());
        assertEquals(sent, attached.getString("sha256"));
        assertEquals(SIZE, attached.getLong("sizeBytes"));

        HttpResponse<InputStream> down = client.send(HttpRequest.newBuilder(
                        base.resolve("/proposals/" + d.id() + "/documents/" + attached.getString("documentId") + "/versions/1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, down.statusCode());
        assertEquals("\"" + sent + "\"", down.headers().firstValue("ETag").orElseThrow());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = down.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertEquals(SIZE, received);
        assertEquals(sent, HexFormat.of().formatHex(digest.digest()), "the bytes downloaded are the bytes uploaded");
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("documents-memory: %d MiB up and down with max heap %d MB; sum of heap pools' peaks %d MB%n",
                SIZE >> 20, maxHeap >> 20, peak >> 20);
    }
}
