package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static gov.commerce.aiexports.incentives.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.testsupport.IdempotencyChecks;
import gov.commerce.aiexports.testsupport.IdempotencyChecks.Answer;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on every money-moving POST of incentives-service, on the real stack: budgets,
 * adjustments, approvals, de-obligations and disbursements, each repeated with the same key, with
 * another body, and twice at the same moment.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class IdempotencyTest {

    private IdempotencyChecks checks;
    @jakarta.inject.Inject
    IncentivesClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    private IdempotencyChecks checks() {
        if (checks == null) {
            checks = new IdempotencyChecks(URI.create("http://localhost:" + RestAssured.port),
                java.util.Map.of("If-Match", "*"));
        }
        return checks;
    }

    private static long events(String aggregateId, String type) throws Exception {
        return eventTypes(aggregateId).stream().filter(t -> t.endsWith("$" + type)).count();
    }

    private static BigDecimal figure(String budgetId, String field) throws Exception {
        return new BigDecimal(given().auth().oauth2(auditor()).get("/budgets/" + budgetId).then().statusCode(200).extract()
                .jsonPath().getString(field));
    }

    private static long storedKeys() throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("incentives");
             PreparedStatement s = c.prepareStatement("select count(*) from idempotency_key");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String appropriation(int year, String amount) {
        return "{\"fiscalYear\":" + year + ",\"instrument\":\"DIRECT_LOAN\",\"amountUsd\":" + amount
                + ",\"appropriationReference\":\"P.L. 119-" + year + "\"}";
    }

    /** Lines of a designation of 1,000,000.00 each, routed to DFC at 5 %. */
    private static List<String> routedLines(int count) throws Exception {
        List<IncentiveLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 10));
        }
        List<String> ids = Fixtures.awaitLines(Fixtures.designate("IDEM00000001", lines), count);
        for (String id : ids) {
            given().auth().oauth2(edag()).contentType(ContentType.JSON)
                    .body(Map.of("agency", "DFC", "terms", "10 years", "creditSubsidyRatePercent", new BigDecimal("5"))).post("/incentive-requests/" + id
                            + "/routing").then().statusCode(200);
        }
        return ids;
    }

    private static void approve(String line, int fiscalYear) throws Exception {
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + line + "/approval").then().statusCode(200);
    }

    @Test
    void budgets_and_adjustments_are_recorded_once_per_key() throws Exception {
        String budget = "budget-FY2050-DIRECT_LOAN";
        String dfc = officer("DFC");
        Answer first = checks().sameKeyTwice("POST /budgets", dfc, "/budgets", appropriation(2050, "1000000.00"),
                appropriation(2050, "2000000.00"), () -> events(budget, "AppropriationRecorded"));
        assertEquals(201, first.status());
        assertTrue(first.location().endsWith("/budgets/" + budget), first.location());
        checks().concurrently("POST /budgets", dfc, "/budgets", appropriation(2050, "500000.00"),
                () -> events(budget, "AppropriationRecorded"));
        assertEquals(0, new BigDecimal("1500000.00").compareTo(figure(budget, "authorityUsd")), "1,000,000 + 500,000, once each");

        String path = "/budgets/" + budget + "/adjustments";
        checks().sameKeyTwice("POST /budgets/{id}/adjustments", dfc, path,
                "{\"kind\":\"SUPPLEMENTAL\",\"amountUsd\":250000.00,\"reference\":\"P.L. 119-77\",\"reason\":\"supplemental\"}",
                "{\"kind\":\"RESCISSION\",\"amountUsd\":250000.00,\"reference\":\"P.L. 119-77\",\"reason\":\"supplemental\"}",
                () -> events(budget, "Adjusted"));
        checks().concurrently("POST /budgets/{id}/adjustments", dfc, path,
                "{\"kind\":\"RESCISSION\",\"amountUsd\":100000.00,\"reference\":\"P.L. 119-78\",\"reason\":\"rescinded\"}",
                () -> events(budget, "Adjusted"));
        assertEquals(0, new BigDecimal("1650000.00").compareTo(figure(budget, "authorityUsd")), "+250,000 − 100,000, once each");
    }

    @Test
    void keys_are_per_caller_malformed_keys_are_refused_and_refusals_are_not_kept() throws Exception {
        String budget = "budget-FY2052-DIRECT_LOAN";
        String key = IdempotencyChecks.newKey();
        String body = appropriation(2052, "100.00");
        long keysBefore = storedKeys();
        Answer dfc = checks().post(officer("DFC"), "/budgets", key, body);
        // another caller with the same key and body: its own request, not the first caller's answer
        Answer operator = checks().post(token("OPS", "operator"), "/budgets", key, body);
        assertEquals(201, dfc.status());
        assertEquals(201, operator.status());
        assertFalse(operator.replayed(), "a key is scoped to its caller");
        assertEquals(2, events(budget, "AppropriationRecorded"));
        assertEquals(keysBefore + 2, storedKeys());

        // (RestAssured, whose client sends any header value; java.net.http refuses some itself)
        for (String bad : List.of("", "\"\"", "x".repeat(256), "key\twith-tab", "caf\u00e9")) {
            given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).header("Idempotency-Key", bad)
                    .body(appropriation(2052, "7.00")).post("/budgets").then().statusCode(400)
                    .body("rule", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_INVALID"))
                    .body("field", org.hamcrest.Matchers.equalTo("/Idempotency-Key"));
        }
        // a key on another path is another request: refused
        Answer otherPath = checks().post(officer("DFC"), "/budgets/" + budget + "/adjustments", key,
                "{\"kind\":\"SUPPLEMENTAL\",\"amountUsd\":1.00,\"reference\":\"x\"}");
        assertEquals(422, otherPath.status(), otherPath.toString());
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherPath.rule());
        // refusals store nothing: neither an invalid body, nor a forbidden caller, nor an unknown budget
        Answer invalid = checks().post(officer("DFC"), "/budgets", IdempotencyChecks.newKey(), "{\"fiscalYear\":2052}");
        Answer forbidden = checks().post(edag(), "/budgets", IdempotencyChecks.newKey(), body);
        Answer unknown = checks().post(officer("DFC"), "/budgets/budget-FY2099-EQUITY_INVESTMENT/adjustments",
                IdempotencyChecks.newKey(), "{\"kind\":\"SUPPLEMENTAL\",\"amountUsd\":1.00,\"reference\":\"x\"}");
        // a path far longer than any identifier: refused by the resource, never a 500 of the key store
        Answer longPath = checks().post(officer("DFC"), "/budgets/" + "x".repeat(5000) + "/adjustments",
                IdempotencyChecks.newKey(), "{\"kind\":\"SUPPLEMENTAL\",\"amountUsd\":1.00,\"reference\":\"x\"}");
        assertEquals(List.of(400, 403, 404, 404), List.of(invalid.status(), forbidden.status(), unknown.status(), longPath.status()));
        assertEquals(2, events(budget, "AppropriationRecorded"));
        assertEquals(keysBefore + 2, storedKeys(), "no key kept for a refused request");
        System.out.printf("[idempotency] per caller: 2 callers, 1 key → 2 appropriations; 5 malformed keys → 400; "
                + "refusals (400, 403, 404, 404) kept no key: %d keys stored%n", storedKeys() - keysBefore);
    }

    @Test
    void approvals_obligate_once_per_key_and_a_refused_approval_may_be_retried_with_its_key() throws Exception {
        String budget = "budget-FY2051-DIRECT_LOAN";
        clock.inFiscalYear(2051);
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).body(appropriation(2051, "60000.00")).post("/budgets")
                .then().statusCode(201);
        List<String> lines = routedLines(3);
        String dfc = officer("DFC");
        // each line costs 1,000,000.00 × 5 % = 50,000.00
        checks().sameKeyTwice("POST /incentive-requests/{id}/approval", dfc, "/incentive-requests/" + lines.get(0) + "/approval",
                "{\"fiscalYear\":2051}", "{\"fiscalYear\":2052}", () -> events(lines.get(0), "Approved"));
        assertEquals(0, new BigDecimal("50000.00").compareTo(figure(budget, "obligatedUsd")), "obligated once");
        assertEquals(1, events(budget, "Obligated"));

        // the second line does not fit (10,000.00 left): refused, and the refusal is not kept
        String key = IdempotencyChecks.newKey();
        String approval = "/incentive-requests/" + lines.get(1) + "/approval";
        Answer refused = checks().post(dfc, approval, key, "{\"fiscalYear\":2051}");
        assertEquals(422, refused.status());
        assertEquals("INSUFFICIENT_BUDGET_AUTHORITY", refused.rule());
        given().auth().oauth2(dfc).contentType(ContentType.JSON).body("{\"kind\":\"SUPPLEMENTAL\",\"amountUsd\":100000.00,"
                + "\"reference\":\"P.L. 119-99\"}").header("If-Match", "*").post("/budgets/" + budget + "/adjustments").then().statusCode(200);
        Answer retried = checks().post(dfc, approval, key, "{\"fiscalYear\":2051}");
        assertEquals(200, retried.status(), "judged again on the current budget: " + retried);
        assertFalse(retried.replayed());
        assertEquals(1, events(lines.get(1), "Approved"));

        checks().concurrently("POST /incentive-requests/{id}/approval", dfc, "/incentive-requests/" + lines.get(2) + "/approval",
                "{\"fiscalYear\":2051}", () -> events(budget, "Obligated"));
        assertEquals(1, events(lines.get(2), "Approved"));
        assertEquals(0, new BigDecimal("150000.00").compareTo(figure(budget, "obligatedUsd")), "three lines, obligated once each");
        System.out.printf("[idempotency] approvals: 3 lines → %d Obligated events, obligated %s%n", events(budget, "Obligated"),
                figure(budget, "obligatedUsd"));
    }

    @Test
    void deobligations_and_disbursements_count_once_per_key() throws Exception {
        String budget = "budget-FY2053-DIRECT_LOAN";
        clock.inFiscalYear(2053);
        given().auth().oauth2(officer("DFC")).contentType(ContentType.JSON).body(appropriation(2053, "200000.00")).post("/budgets")
                .then().statusCode(201);
        List<String> lines = routedLines(1);
        String line = lines.get(0);
        approve(line, 2053);
        String dfc = officer("DFC");
        BigDecimal obligated = figure(budget, "obligatedUsd");

        String deobligations = "/incentive-requests/" + line + "/deobligations";
        checks().sameKeyTwice("POST /incentive-requests/{id}/deobligations", dfc, deobligations,
                "{\"amountUsd\":100000.00,\"reason\":\"loan reduced\"}", "{\"amountUsd\":200000.00,\"reason\":\"loan reduced\"}",
                () -> events(line, "Deobligated"));
        checks().concurrently("POST /incentive-requests/{id}/deobligations", dfc, deobligations,
                "{\"amountUsd\":100000.00,\"reason\":\"loan reduced again\"}", () -> events(budget, "Deobligated"));
        // 2 × 100,000.00 × 5 % = 10,000.00 returned, once each
        assertEquals(0, obligated.subtract(new BigDecimal("10000.00")).compareTo(figure(budget, "obligatedUsd")));
        assertEquals(2, events(line, "Deobligated"));

        String disbursements = "/incentive-requests/" + line + "/disbursements";
        Answer first = checks().sameKeyTwice("POST /incentive-requests/{id}/disbursements", dfc, disbursements,
                "{\"amountUsd\":300000.00,\"reference\":\"W-1\"}", "{\"amountUsd\":300000.00,\"reference\":\"W-2\"}",
                () -> events(line, "Disbursed"));
        checks().concurrently("POST /incentive-requests/{id}/disbursements", dfc, disbursements,
                "{\"amountUsd\":200000.00,\"reference\":\"W-3\"}", () -> events(line, "Disbursed"));
        String disbursed = given().auth().oauth2(auditor()).get("/incentive-requests/" + line).then().statusCode(200).extract()
                .jsonPath().getString("obligation.disbursedUsd");
        assertEquals(0, new BigDecimal("500000.00").compareTo(new BigDecimal(disbursed)), "300,000 + 200,000, once each");
        assertTrue(first.body().contains(line));
        System.out.printf("[idempotency] de-obligations and disbursements: %d Deobligated, %d Disbursed, disbursed %s%n",
                events(line, "Deobligated"), events(line, "Disbursed"), disbursed);
    }
}
