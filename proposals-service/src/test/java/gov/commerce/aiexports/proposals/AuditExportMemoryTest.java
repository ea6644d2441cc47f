package gov.commerce.aiexports.proposals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The NDJSON export of 100,000 events of about 3 KB each (some 700 MB, as each line also carries the stored bytes, base64) from a JVM whose heap is
 * capped far below that (see the audit-export-memory execution in this module's pom): it can only
 * pass if the export streams page by page instead of holding the stream in memory.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class AuditExportMemoryTest {

    private static final int EVENTS = 100_000;

    @TestHTTPResource("/audit/events")
    URI export;

    @Test
    void a_100k_event_export_streams_in_bounded_memory() throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals"); Statement s = c.createStatement()) {
            // events of a type no processor acts on, as a long-running program accumulates them
            s.execute("insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                    + "time_stamp, aggregate_identifier, sequence_number, type) "
                    + "select gen_random_uuid()::text, convert_to('{\"actorSubject\":\"bulk\"}', 'UTF8'), "
                    + "convert_to('{\"note\":\"' || repeat('x', 3000) || '\",\"n\":' || g || '}', 'UTF8'), null, "
                    + "'com.fasterxml.jackson.databind.JsonNode', to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                    + "'bulk-' || (g / 1000), g % 1000, 'Bulk' from generate_series(1, " + EVENTS + ") g");
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        String token = TestInfrastructure.get().tokens().mint("auditor@gao", "GAO", "auditor");
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(export)
                .header("Authorization", "Bearer " + token).header("Accept", "application/x-ndjson").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long lines = 0;
        long bytes = 0;
        long previous = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.length() + 1;
                int at = line.indexOf("\"globalIndex\":") + 14;
                long index = Long.parseLong(line.substring(at, line.indexOf(',', at)));
                assertTrue(index > previous, "ordered by global position");
                previous = index;
            }
        }
        assertEquals(EVENTS, lines);
        assertTrue(bytes > 1.5 * maxHeap, "the export (" + bytes + " bytes) is well beyond the heap (" + maxHeap + ")");
        System.out.printf("exported %d events, %d MB, with a heap of %d MB%n", lines, bytes >> 20, maxHeap >> 20);
    }
}
