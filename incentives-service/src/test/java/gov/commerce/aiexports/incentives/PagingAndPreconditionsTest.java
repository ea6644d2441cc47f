package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.testsupport.LinkPages;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One way to page on the incentive requests (cut at 1,000 before) and the budgets, and the
 * conditional changes of a line and of a budget (ETag; If-Match: 412, and 428 for an adjustment).
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class PagingAndPreconditionsTest {

    @Inject
    Commands commands;
    @Inject
    Documents documents;

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    /** Lines opened by the aggregate's own command, as a designation opens them: 100 per designation, a designation per transaction. */
    private List<String> seed(int designations, int lines) {
        List<String> numbers = new ArrayList<>();
        for (int d = 0; d < designations; d++) {
            String number = Fixtures.nextDesignationNumber();
            String proposalId = UUID.randomUUID().toString();
            numbers.add(number);
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 1; i <= lines; i++) {
                    commands.sendAsService(new IncentiveRequestCommand.OpenIncentiveRequest(Designations.lineId(number, i), proposalId,
                            number, i, "cons-paging", "APPL00000077", Instrument.FEASIBILITY_STUDY, new BigDecimal("1000.00"), null),
                            "paging-seed");
                }
            });
        }
        return numbers;
    }

    @Test
    void twelve_hundred_incentive_requests_are_listed_completely_by_following_link_headers() throws Exception {
        List<String> numbers = seed(12, 100);
        Set<String> seeded = new HashSet<>();
        numbers.forEach(n -> {
            for (int i = 1; i <= 100; i++) {
                seeded.add(Designations.lineId(n, i));
            }
        });
        long inTable = documents.count("select count(*) from incentive_request_view");
        String base = "http://localhost:" + RestAssured.port;

        LinkPages.Result all = LinkPages.follow(base, "/incentive-requests?limit=250", auditor(), null);
        Set<String> listed = new HashSet<>();
        all.items().forEach(r -> listed.add(r.path("id").asText()));
        assertEquals(all.items().size(), listed.size(), "no line is listed twice");
        assertTrue(listed.containsAll(seeded), "every seeded line is listed");
        assertTrue(listed.size() >= inTable, "every line in the read model is listed: " + listed.size() + " of " + inTable);
        assertTrue(all.pages() >= 5, all.pages() + " pages");

        // one designation's lines by line number, the number compared as a number (line 100 after line 99), across pages of 7
        LinkPages.Result one = LinkPages.follow(base, "/incentive-requests?designation=" + numbers.get(0) + "&limit=7", auditor(), null);
        assertEquals(15, one.pages());
        List<Integer> lineNumbers = one.items().stream().map(r -> r.path("lineNumber").asInt()).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList(), lineNumbers);
        one.links().forEach(l -> assertTrue(l.contains("designation=" + numbers.get(0)) && l.contains("limit=7"), l));

        // an applicant follows only its own lines
        LinkPages.Result own = LinkPages.follow(base, "/incentive-requests?limit=500", Fixtures.token("APPL00000077", "applicant"), null);
        Set<String> ownIds = new HashSet<>(documents.query("select to_jsonb(id) from incentive_request_view where organisation = ?",
                String.class, "APPL00000077"));
        Set<String> ownListed = new HashSet<>();
        for (JsonNode r : own.items()) {
            ownListed.add(r.path("id").asText());
        }
        assertEquals(ownIds, ownListed, "the applicant's own lines, all of them and only them");
        assertTrue(ownListed.containsAll(seeded));

        given().auth().oauth2(auditor()).get("/incentive-requests?cursor=AAAA").then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID"));
        given().auth().oauth2(auditor()).get("/incentive-requests?limit=5000").then().statusCode(400)
                .body("rule", equalTo("LIMIT_INVALID"));
    }

    @Test
    void a_budget_adjustment_needs_if_match_and_a_stale_one_changes_nothing() throws Exception {
        IncentiveAllocationTest.budget(2077, Instrument.EQUITY_INVESTMENT, "1000000.00");
        String budget = "budget-FY2077-EQUITY_INVESTMENT";
        String etag = given().auth().oauth2(auditor()).get("/budgets/" + budget).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);
        Map<String, Object> supplemental = Map.of("kind", "SUPPLEMENTAL", "amountUsd", 500.00, "reference", "P.L. 119-177");

        // no If-Match: 428; another version: 412; not a version: 400. None writes.
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).body(supplemental).post("/budgets/" + budget + "/adjustments")
                .then().statusCode(428).body("rule", equalTo("IF_MATCH_REQUIRED")).body("field", equalTo("/If-Match"));
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(supplemental)
                .post("/budgets/" + budget + "/adjustments").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).header("If-Match", "three").body(supplemental)
                .post("/budgets/" + budget + "/adjustments").then().statusCode(400).body("rule", equalTo("IF_MATCH_INVALID"));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded"), eventTypes(budget));

        // the version read: applied, answered with the new version
        String after = given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).header("If-Match", etag).body(supplemental)
                .post("/budgets/" + budget + "/adjustments").then().statusCode(200)
                .body("authorityUsd", IncentiveAllocationTest.usd("1000500.00")).extract().header("ETag");
        assertEquals("\"1\"", after);
        // the same If-Match again is now stale: the second officer's adjustment on old figures is refused, not added
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).header("If-Match", etag).body(supplemental)
                .post("/budgets/" + budget + "/adjustments").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded", "BudgetEvent$Adjusted"), eventTypes(budget));
        given().auth().oauth2(auditor()).get("/budgets/" + budget).then().header("ETag", "\"1\"");
        // the list of the year, paged like every list
        given().auth().oauth2(auditor()).get("/budgets?fiscalYear=2077&limit=1").then().statusCode(200)
                .body("size()", equalTo(1));
        // an unreadable cursor is refused for itself, even when fiscalYear is missing too
        given().auth().oauth2(auditor()).queryParam("cursor", "' OR '1'='1").get("/budgets").then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID")).body("field", equalTo("/cursor"));
        given().auth().oauth2(auditor()).get("/budgets?fiscalYear=2077&cursor=AAAA").then().statusCode(400)
                .body("rule", equalTo("CURSOR_INVALID")).body("field", equalTo("/cursor"));
    }

    @Test
    void a_change_of_a_line_honours_if_match() throws Exception {
        String number = seed(1, 1).get(0);
        String line = Designations.lineId(number, 1);
        String etag = given().auth().oauth2(auditor()).get("/incentive-requests/" + line).then().statusCode(200).extract().header("ETag");
        Map<String, Object> routing = Map.of("agency", "USTDA", "terms", "grant");
        given().auth().oauth2(edag()).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(routing)
                .post("/incentive-requests/" + line + "/routing").then().statusCode(412).body("rule", equalTo("STALE_VERSION"));
        given().auth().oauth2(auditor()).get("/incentive-requests/" + line).then().body("status", equalTo("AWAITING_ROUTING"));
        String routed = given().auth().oauth2(edag()).contentType(ContentType.JSON).header("If-Match", etag).body(routing)
                .post("/incentive-requests/" + line + "/routing").then().statusCode(200).body("status", equalTo("ROUTED"))
                .extract().header("ETag");
        assertNotEquals(etag, routed);
        assertEquals(routed, given().auth().oauth2(auditor()).get("/incentive-requests/" + line).then().extract().header("ETag"));
        // without If-Match a decline is unconditional (only edits, determinations and adjustments must be conditional)
        given().auth().oauth2(officer("USTDA")).contentType(ContentType.JSON).body(Map.of("reason", "out of scope"))
                .post("/incentive-requests/" + line + "/decline").then().statusCode(200);
    }
}
