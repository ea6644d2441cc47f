package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit stream read page by page while a transaction of another instance (here: the test's
 * own connection, as that instance's would) has drawn a position and commits only after later
 * events: the cursor reads every event once, the late one included; a bare position skips it.
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

        long late;
        try (Connection other = TestInfrastructure.get().postgres().connect("proposals")) {
            other.setAutoCommit(false);
            // a call's first event again, for an aggregate of its own, appended in a transaction left open
            try (PreparedStatement insert = other.prepareStatement("insert into domain_event_entry (event_identifier, meta_data, payload,"
                    + " payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type) select ?, meta_data,"
                    + " payload, payload_revision, payload_type, ?, ?, 0, type from domain_event_entry where payload_type like"
                    + " '%CallEvent$Drafted' order by global_index limit 1 returning global_index")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, Instant.now().toString());
                insert.setString(3, UUID.randomUUID().toString());
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    late = rs.getLong(1);
                }
            }
            // later events commit first
            publishedCall();
            publishedCall();
            Read whileOpen = readToTheEnd(before.cursor(), before.next());
            assertFalse(whileOpen.positions().isEmpty());
            assertFalse(whileOpen.positions().contains(late), "not committed yet");
            assertTrue(whileOpen.positions().stream().anyMatch(p -> p > late), "events after it were read");

            other.commit();

            Read after = readToTheEnd(whileOpen.cursor(), whileOpen.next());
            assertEquals(List.of(late), after.positions(), "the late event, on the next page, and only it");

            List<Long> all = new ArrayList<>(whileOpen.positions());
            all.addAll(after.positions());
            Set<Long> once = new HashSet<>(all);
            assertEquals(all.size(), once.size(), "none read twice: " + all);
            assertEquals(committedAfter(from), once, "every event after the start read");

            // a reader of the bare position passed the late event for good
            given().auth().oauth2(auditor).queryParam("after", whileOpen.next()).get("/audit/events").then().statusCode(200)
                    .body("items.globalIndex", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) late)));
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
