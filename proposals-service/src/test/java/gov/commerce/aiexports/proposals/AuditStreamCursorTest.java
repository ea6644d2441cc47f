package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit stream read page by page while a transaction of the service has drawn a position and
 * commits only after later events (held open on a row lock, as a slow transaction of another
 * instance would be): the cursor reads every event once, the late one included; a bare position
 * skips it.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class AuditStreamCursorTest {

    private String auditor;

    @org.junit.jupiter.api.BeforeEach
    void auditor() throws Exception {
        auditor = token("GAO", "auditor");
    }

    private record Read(List<Long> positions, String cursor, long next) {
    }

    /** Reads pages of two from the cursor until a page is empty. */
    private Read readToTheEnd(String cursor, long next) {
        List<Long> positions = new ArrayList<>();
        while (true) {
            JsonPath page = given().auth().oauth2(auditor).queryParam("limit", 2).queryParam("cursor", cursor).get("/audit/events")
                    .then().statusCode(200).extract().jsonPath();
            List<Long> items = page.getList("items.globalIndex", Long.class);
            cursor = page.getString("cursor");
            next = page.getLong("next");
            if (items.isEmpty()) {
                return new Read(positions, cursor, next);
            }
            positions.addAll(items);
        }
    }

    @Test
    void every_event_is_read_once_also_one_whose_transaction_commits_late() throws Exception {
        publishedCall();
        String start = given().auth().oauth2(auditor).queryParam("limit", 1000).queryParam("after", 0).get("/audit/events").then()
                .statusCode(200).extract().path("cursor");
        Read before = readToTheEnd(start, 0);
        long from = before.next();

        // a call whose publication will be held open: its event is inserted (its position drawn), then the call's
        // read-model row, written in the same transaction, waits for a lock this test holds, as another instance would
        String officer = token("COMMERCE", "commerce-officer");
        String callId = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("title", "held open", "fiscalYear", 2026, "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (Connection holder = TestInfrastructure.get().postgres().connect("proposals")) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from call_view where id = ? for update")) {
                lock.setString(1, callId);
                lock.executeQuery().close();
            }
            Future<Integer> publish = background.submit(() -> given().auth().oauth2(officer).post("/calls/" + callId + "/publish")
                    .statusCode());
            await().atMost(Duration.ofSeconds(30)).until(AuditStreamCursorTest::aWriterWaitsForTheCallsRow);

            // later events commit first
            publishedCall();
            publishedCall();
            Read whileOpen = readToTheEnd(before.cursor(), before.next());

            holder.commit();
            assertEquals(200, publish.get(30, TimeUnit.SECONDS));
            long late = positionOfPublication(callId);
            assertFalse(whileOpen.positions().contains(late), "not committed yet");
            assertTrue(whileOpen.positions().stream().anyMatch(p -> p > late), "events after it were read: it committed late");

            Read after = readToTheEnd(whileOpen.cursor(), whileOpen.next());
            assertTrue(after.positions().contains(late), "the late event, on a later page");

            List<Long> all = new ArrayList<>(whileOpen.positions());
            all.addAll(after.positions());
            Set<Long> once = new HashSet<>(all);
            assertEquals(all.size(), once.size(), "none read twice: " + all);
            assertEquals(committedAfter(from), once, "every event after the start read");

            // a reader of the bare position passed the late event for good
            given().auth().oauth2(auditor).queryParam("after", whileOpen.next()).queryParam("limit", 1000).get("/audit/events").then()
                    .statusCode(200).body("items.globalIndex", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) late)));
        } finally {
            background.shutdownNow();
        }
    }

    /** A transaction of the service waits for the row lock this test holds on call_view. */
    private static boolean aWriterWaitsForTheCallsRow() throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select count(*) from pg_stat_activity where datname = current_database()"
                     + " and wait_event_type = 'Lock'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static long positionOfPublication(String callId) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select global_index from domain_event_entry where aggregate_identifier = ?"
                     + " and payload_type like '%CallEvent$Published'")) {
            s.setString(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the publication is stored");
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_cursor_not_given_by_the_stream_is_refused() throws Exception {
        for (String cursor : List.of("not-a-cursor", "djE6MTA6MjAtMzA", "djI6MTA")) {
            given().auth().oauth2(auditor).queryParam("cursor", cursor).get("/audit/events").then().statusCode(400)
                    .body("rule", equalTo("CURSOR_INVALID")).body("field", equalTo("/cursor"));
        }
        given().auth().oauth2(auditor).queryParam("cursor", "djE6MA").queryParam("after", 3).get("/audit/events").then()
                .statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED")).body("field", equalTo("/cursor"));
    }

    private static Set<Long> committedAfter(long from) throws Exception {
        Set<Long> positions = new HashSet<>();
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select global_index from domain_event_entry where global_index > ?")) {
            s.setLong(1, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                }
            }
        }
        return positions;
    }
}
