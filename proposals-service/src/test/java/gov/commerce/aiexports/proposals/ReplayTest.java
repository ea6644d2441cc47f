package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A replay rebuilds exactly what live processing built, also while commands keep coming. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class ReplayTest {

    static List<String> rows(String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select * from " + table + " order by id");
             ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** Whether the table is logged, and its indexes with their definitions: what a replay must leave as it found. */
    static List<String> schema(String table) throws Exception {
        List<String> schema = new ArrayList<>();
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select relpersistence::text from pg_class where oid = (?)::regclass"
                     + " union all (select pg_get_indexdef(indexrelid) from pg_index where indrelid = (?)::regclass order by 1)")) {
            s.setString(1, table);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    schema.add(rs.getString(1));
                }
            }
        }
        return schema;
    }

    static void replay(String projection) throws Exception {
        String operator = token("OPS", "operator");
        String started = given().auth().oauth2(operator).post("/admin/projections/" + projection + "/replay").then()
                .statusCode(202).body("status", equalTo("REPLAYING")).extract().path("startedAt");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(operator).get("/admin/projections/" + projection).then()
                        .body("startedAt", equalTo(started)).body("status", equalTo("LIVE")).body("lag", equalTo(0)));
    }

    static String submitted(String applicant, String callId, String consortiumId, String uei) {
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal(callId, consortiumId, uei, "DE"))
                .post("/proposals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(applicant).post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** An applicant of its own with a consortium, under a published call: what each test submits proposals as. */
    record Applicant(String uei, String bearer, String callId, String consortiumId) {
        static Applicant withConsortium() throws Exception {
            String uei = newUei();
            String applicant = token(uei, "applicant");
            return new Applicant(uei, applicant, publishedCall(), consortium(applicant, uei));
        }

        String submitted() {
            return ReplayTest.submitted(bearer, callId, consortiumId, uei);
        }

        List<String> submitted(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(submitted());
            }
            return ids;
        }
    }

    @Test
    void a_full_replay_of_each_read_model_equals_the_live_one_row_by_row() throws Exception {
        Applicant.withConsortium().submitted(5);
        given().auth().oauth2(token("OPS", "operator")).get("/admin/projections").then().statusCode(200)
                .body("name", hasItems("call-projection", "consortium-projection", "proposal-projection"));
        for (String[] p : List.of(new String[] {"proposal-projection", "proposal_view"}, new String[] {"call-projection", "call_view"},
                new String[] {"consortium-projection", "consortium_view"})) {
            List<String> live = rows(p[1]);
            List<String> schema = schema(p[1]);
            replay(p[0]);
            assertEquals(live, rows(p[1]), p[0] + " rebuilt differently");
            assertEquals(schema, schema(p[1]), p[0] + " left its table with other indexes, or unlogged");
        }
    }

    /** A read model gone wrong (a row changed, one lost, one that should not be there) is mended by a replay. */
    @Test
    void a_replay_mends_rows_that_differ_are_missing_or_should_not_be_there() throws Exception {
        List<String> ids = Applicant.withConsortium().submitted(3);
        List<String> live = rows("proposal_view");
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals"); java.sql.Statement s = c.createStatement()) {
            s.execute("update proposal_view set status = 'DRAFT', doc = doc || '{\"title\": \"tampered\"}' where id = '" + ids.get(0) + "'");
            s.execute("delete from proposal_view where id = '" + ids.get(1) + "'");
            s.execute("create temporary table stray as select * from proposal_view where id = '" + ids.get(2) + "'");
            s.execute("update stray set id = 'stray-" + ids.get(2) + "'");
            s.execute("insert into proposal_view select * from stray");
        }
        assertTrue(!live.equals(rows("proposal_view")));
        replay("proposal-projection");
        assertEquals(live, rows("proposal_view"), "the replay left the read model as it was before it went wrong");

        // and one lost altogether is built again
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals"); java.sql.Statement s = c.createStatement()) {
            s.execute("delete from proposal_view");
        }
        replay("proposal-projection");
        assertEquals(live, rows("proposal_view"), "the replay built the emptied read model again");
    }

    /**
     * Indexes taken by appends that rolled back leave runs of unused global indexes; one longer than a
     * read's window (1,000) must not end the replay's read of the store there, or what lies beyond is lost.
     */
    @Test
    void a_replay_reads_past_a_run_of_unused_indexes_longer_than_a_read() throws Exception {
        Applicant applicant = Applicant.withConsortium();
        applicant.submitted();
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals"); java.sql.Statement s = c.createStatement()) {
            s.execute("select count(nextval('domain_event_entry_global_index_seq')) from generate_series(1, 2500)");
        }
        String beyond = applicant.submitted();
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("proposal_view").stream().anyMatch(r -> r.contains("id=" + beyond + ";")
                && r.contains("status=SUBMITTED;")));
        List<String> live = rows("proposal_view");
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals"); java.sql.Statement s = c.createStatement()) {
            s.execute("delete from proposal_view where id = '" + beyond + "'");
        }
        replay("proposal-projection");
        assertEquals(live, rows("proposal_view"), "the replay stopped at the unused indexes");
    }

    @Test
    void a_replay_under_concurrent_traffic_loses_nothing() throws Exception {
        Applicant applicant = Applicant.withConsortium();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService traffic = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            writers.add(traffic.submit(() -> {
                while (running.get() && created.size() < 150) {
                    created.add(applicant.submitted());
                }
                return null;
            }));
        }
        Thread.sleep(300);
        replay("proposal-projection");
        running.set(false);
        for (Future<?> w : writers) {
            w.get();
        }
        traffic.shutdown();

        assertTrue(created.size() > 0);
        for (String id : created) {
            given().auth().oauth2(applicant.bearer()).get("/proposals/" + id).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        }
        List<String> afterTraffic = rows("proposal_view");
        replay("proposal-projection");
        assertEquals(afterTraffic, rows("proposal_view"), "a quiet replay reproduces what the replay under traffic left");
    }

    /**
     * Another instance of the service (here: a connection of the test's own, as that instance's
     * would) holds the replay guard and has written its progress: this instance refuses to start
     * one, naming the running replay, reports that replay's progress, and starts once it is over.
     */
    @Test
    void a_replay_running_on_another_instance_refuses_a_second_one_here_naming_it() throws Exception {
        String operator = token("OPS", "operator");
        try (Connection other = TestInfrastructure.get().postgres().connect("proposals")) {
            try (PreparedStatement lock = other.prepareStatement("select pg_try_advisory_lock(1095325776, 1)");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
                assertTrue(rs.getBoolean(1), "no replay runs here now");
            }
            try (PreparedStatement progress = other.prepareStatement("insert into projection_replay (name, tables, status, instance,"
                    + " position, total, events_applied, events_per_second, started_at) values ('call-projection', 'call_view',"
                    + " 'REPLAYING', '4242@other-host', 10, 100, 10, 5.0, now()) on conflict (name) do update set status = 'REPLAYING',"
                    + " instance = '4242@other-host', finished_at = null, error = null, position = 10, total = 100")) {
                progress.executeUpdate();
            }
            given().auth().oauth2(operator).post("/admin/projections/proposal-projection/replay").then().statusCode(409)
                    .contentType("application/problem+json").body("rule", equalTo("REPLAY_RUNNING"))
                    .body("detail", org.hamcrest.Matchers.containsString("call-projection"))
                    .body("detail", org.hamcrest.Matchers.containsString("4242@other-host"));
            given().auth().oauth2(operator).get("/admin/projections/call-projection").then().statusCode(200)
                    .body("status", equalTo("REPLAYING")).body("instance", equalTo("4242@other-host"));
        }
        // that instance is gone (its connection closed, the server released its lock): its replay reads as failed, a new one starts
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(operator)
                .get("/admin/projections/call-projection").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("error", org.hamcrest.Matchers.containsString("4242@other-host")));
        replay("call-projection");
    }

    @Test
    void two_replays_started_at_once_one_runs_the_other_is_refused() throws Exception {
        String operator = token("OPS", "operator");
        Applicant.withConsortium().submitted(10);
        List<String> live = rows("proposal_view");
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (String projection : List.of("proposal-projection", "proposal-projection")) {
                answers.add(both.submit(() -> {
                    go.await();
                    return given().auth().oauth2(operator).post("/admin/projections/" + projection + "/replay");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<io.restassured.response.Response> a : answers) {
                io.restassured.response.Response r = a.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertEquals("REPLAY_RUNNING", r.jsonPath().getString("rule"));
                    assertTrue(r.jsonPath().getString("detail").contains("proposal-projection"), r.asString());
                }
            }
            Collections.sort(statuses);
            assertEquals(List.of(202, 409), statuses);
        } finally {
            both.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(operator).get("/admin/projections/proposal-projection").then().body("status", equalTo("LIVE")));
        assertEquals(live, rows("proposal_view"), "the replay that ran rebuilt the live model");
    }

    @Test
    void only_operators_replay() throws Exception {
        given().auth().oauth2(token("GAO", "auditor")).post("/admin/projections/proposal-projection/replay").then().statusCode(403);
        given().auth().oauth2(token("OPS", "operator")).post("/admin/projections/nonsense/replay").then().statusCode(404);
    }
}
