package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.designate;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static gov.commerce.aiexports.incentives.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.incentives.budget.BudgetEvent;
import gov.commerce.aiexports.incentives.budget.BudgetId;
import gov.commerce.aiexports.incentives.budget.BudgetLedger;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Budgets, routing, board approval, approval, decline, de-obligation and disbursement over HTTP with tokens. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class IncentiveAllocationTest {

    @Inject
    AxonRuntime axon;
    @Inject
    IncentivesClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @org.junit.jupiter.api.BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    /** Money is compared as exact decimals (Fixtures makes JSON numbers BigDecimal). */
    static org.hamcrest.Matcher<BigDecimal> usd(String amount) {
        return org.hamcrest.Matchers.comparesEqualTo(new BigDecimal(amount));
    }

    static IncentiveLine line(Instrument instrument, String amount) {
        return new IncentiveLine(instrument, new BigDecimal(amount), instrument.isCredit() ? 12 : null);
    }

    static ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static void budget(int fiscalYear, Instrument instrument, String amount) throws Exception {
        post(officer("DFC"), "/budgets", Map.of("fiscalYear", fiscalYear, "instrument", instrument.name(), "amountUsd",
                new BigDecimal(amount), "appropriationReference", "P.L. 119-" + fiscalYear + " Program Account"))
                .statusCode(201);
    }

    static Map<String, Object> routing(String agency, String rate) {
        Map<String, Object> body = new HashMap<>(Map.of("agency", agency, "terms", "12-year tenor, semi-annual repayment"));
        if (rate != null) {
            body.put("creditSubsidyRatePercent", new BigDecimal(rate));
        }
        return body;
    }

    static String uei() {
        return ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    @Test
    void edag_routes_a_line_to_an_agency_valid_for_its_instrument_with_the_subsidy_rate_of_credit_lines() throws Exception {
        String applicantOrg = uei();
        String designation = designate(applicantOrg, List.of(line(Instrument.DIRECT_LOAN, "20000000.00"),
                line(Instrument.FEASIBILITY_STUDY, "750000.00")));
        List<String> ids = Fixtures.awaitLines(designation, 2);
        String loan = ids.get(0);
        String study = ids.get(1);

        post(edag(), "/incentive-requests/" + loan + "/routing", routing("USTDA", "4.5")).statusCode(422)
                .body("rule", equalTo("AGENCY_NOT_VALID_FOR_INSTRUMENT")).body("field", equalTo("/agency"));
        post(edag(), "/incentive-requests/" + loan + "/routing", routing("EXIM", null)).statusCode(400)
                .body("rule", equalTo("CREDIT_SUBSIDY_RATE_REQUIRED")).body("field", equalTo("/creditSubsidyRatePercent"));
        post(edag(), "/incentive-requests/" + study + "/routing", routing("USTDA", "1")).statusCode(400)
                .body("rule", equalTo("CREDIT_SUBSIDY_RATE_NOT_APPLICABLE")).body("field", equalTo("/creditSubsidyRatePercent"));
        post(officer("EXIM"), "/incentive-requests/" + loan + "/routing", routing("EXIM", "4.5")).statusCode(403);
        post(token(applicantOrg, "applicant"), "/incentive-requests/" + loan + "/routing", routing("EXIM", "4.5")).statusCode(403);
        given().contentType(ContentType.JSON).body(routing("EXIM", "4.5")).post("/incentive-requests/" + loan + "/routing")
                .then().statusCode(401);
        post(edag(), "/incentive-requests/nope/routing", routing("EXIM", "4.5")).statusCode(404);
        assertEquals(List.of("IncentiveRequestEvent$Opened"), eventTypes(loan), "refused routings write nothing");

        post(edag(), "/incentive-requests/" + loan + "/routing", routing("EXIM", "4.5")).statusCode(200)
                .body("status", equalTo("ROUTED")).body("agency", equalTo("EXIM"))
                .body("routing.creditSubsidyRatePercent", usd("4.5")).body("routing.routedBy", equalTo("user-EDAG-edag-coordinator"));
        post(edag(), "/incentive-requests/" + study + "/routing", routing("USTDA", null)).statusCode(200)
                .body("agency", equalTo("USTDA"));

        given().auth().oauth2(auditor()).queryParam("designation", designation).queryParam("agency", "exim")
                .get("/incentive-requests").then().statusCode(200).body("id", equalTo(List.of(loan)));
        given().auth().oauth2(token("STATE", "agency-reviewer")).queryParam("designation", designation)
                .queryParam("status", "ROUTED").get("/incentive-requests").then().body("$", hasSize(2));
        // the applicant sees its lines, not the government's subsidy rate; another applicant sees nothing
        given().auth().oauth2(token(applicantOrg, "applicant")).get("/incentive-requests/" + loan).then().statusCode(200)
                .body("agency", equalTo("EXIM")).body("routing.terms", equalTo("12-year tenor, semi-annual repayment"))
                .body("routing.creditSubsidyRatePercent", nullValue());
        given().auth().oauth2(token(applicantOrg, "applicant")).get("/incentive-requests").then().body("$", hasSize(2));
        String other = token(uei(), "applicant");
        given().auth().oauth2(other).get("/incentive-requests/" + loan).then().statusCode(404);
        given().auth().oauth2(other).queryParam("designation", designation).get("/incentive-requests").then().body("$", hasSize(0));

        IntegrationEvent routed = awaitPublished(routedProposal(loan), "IncentiveRequestRouted");
        assertEquals("EXIM", routed.payload().get("agency").asText());
        assertEquals("EDAG", routed.actor().organisation());
    }

    @Test
    void exim_lines_above_ten_million_need_a_board_approval_and_only_the_routed_agency_approves() throws Exception {
        // each test has its own fiscal year's budgets (one-year): the approvals are made in that year
        clock.inFiscalYear(2041);
        budget(2041, Instrument.DIRECT_LOAN, "5000000.00");
        post(token(uei(), "applicant"), "/budgets", Map.of("fiscalYear", 2041, "instrument", "DIRECT_LOAN", "amountUsd", 1,
                "appropriationReference", "x")).statusCode(403);
        post(edag(), "/budgets", Map.of("fiscalYear", 2041, "instrument", "DIRECT_LOAN", "amountUsd", 1,
                "appropriationReference", "x")).statusCode(403);
        post(officer("DFC"), "/budgets", Map.of("fiscalYear", 2041, "instrument", "DIRECT_LOAN", "amountUsd", 1.001,
                "appropriationReference", "x")).statusCode(400).body("rule", equalTo("AMOUNT_INVALID")).body("field", equalTo("/amountUsd"));

        String designation = designate(uei(), List.of(line(Instrument.DIRECT_LOAN, "20000000.00"),
                line(Instrument.DIRECT_LOAN, "10000000.00")));
        List<String> ids = Fixtures.awaitLines(designation, 2);
        String big = ids.get(0);
        String atThreshold = ids.get(1);
        post(edag(), "/incentive-requests/" + big + "/routing", routing("EXIM", "4.5")).statusCode(200);
        post(edag(), "/incentive-requests/" + atThreshold + "/routing", routing("EXIM", "1")).statusCode(200);
        List<String> routedOnly = eventTypes(big);

        // the wrong agency's officer: 403 (the line is visible to every government role, so no 404)
        post(officer("DFC"), "/incentive-requests/" + big + "/approval", Map.of("fiscalYear", 2041)).statusCode(403)
                .body("rule", equalTo("FORBIDDEN"));
        post(officer("DFC"), "/incentive-requests/" + big + "/board-approval", Map.of("reference", "BD-1")).statusCode(403);
        post(edag(), "/incentive-requests/" + big + "/approval", Map.of("fiscalYear", 2041)).statusCode(403);
        post(officer("EXIM"), "/incentive-requests/" + big + "/approval", Map.of("fiscalYear", 2041)).statusCode(422)
                .body("rule", equalTo("BOARD_APPROVAL_REQUIRED")).body("field", equalTo("/boardApproval"));
        assertEquals(routedOnly, eventTypes(big), "refused approvals write nothing");
        assertEquals(List.of("BudgetEvent$AppropriationRecorded"), eventTypes(BudgetId.of(2041, Instrument.DIRECT_LOAN)));

        post(officer("EXIM"), "/incentive-requests/" + big + "/board-approval", Map.of("notes", "n")).statusCode(400)
                .body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/reference"));
        post(officer("EXIM"), "/incentive-requests/" + big + "/board-approval", Map.of("reference", "EXIM-BD-2026-114",
                "notes", "approved at the board meeting")).statusCode(200).body("status", equalTo("BOARD_APPROVED"))
                .body("boardApproval.reference", equalTo("EXIM-BD-2026-114"));
        post(officer("EXIM"), "/incentive-requests/" + big + "/approval", Map.of("fiscalYear", 2041)).statusCode(200)
                .body("status", equalTo("OBLIGATED")).body("obligation.budgetCostUsd", usd("900000.00"))
                .body("obligation.budgetId", equalTo("budget-FY2041-DIRECT_LOAN"));
        post(officer("EXIM"), "/incentive-requests/" + big + "/approval", Map.of("fiscalYear", 2041)).statusCode(409)
                .body("rule", equalTo("LINE_NOT_DECIDABLE"));
        // exactly 10,000,000.00 is not above the threshold
        post(officer("EXIM"), "/incentive-requests/" + atThreshold + "/approval", Map.of("fiscalYear", 2041)).statusCode(200)
                .body("obligation.budgetCostUsd", usd("100000.00"));

        given().auth().oauth2(auditor()).queryParam("fiscalYear", 2041).get("/budgets").then().statusCode(200)
                .body("[0].authorityUsd", usd("5000000.00")).body("[0].obligatedUsd", usd("1000000.00"))
                .body("[0].availableUsd", usd("4000000.00")).body("[0].obligations", hasSize(2))
                .body("[0].obligations.incentiveRequestId", equalTo(List.of(big, atThreshold)));
        given().auth().oauth2(token(uei(), "applicant")).queryParam("fiscalYear", 2041).get("/budgets").then().statusCode(403);

        IntegrationEvent approved = awaitPublished(routedProposal(big), "IncentiveRequestApproved");
        assertEquals(0, new BigDecimal("900000.00").compareTo(approved.payload().get("obligatedBudgetCostUsd").decimalValue()));
        assertEquals(2041, approved.payload().get("fiscalYear").asInt());
        assertEquals("EXIM", approved.actor().organisation());
    }

    @Test
    void an_obligation_beyond_the_available_authority_is_refused_and_leaves_only_the_refusal_record() throws Exception {
        clock.inFiscalYear(2042);
        budget(2042, Instrument.FEASIBILITY_STUDY, "1000.00");
        String designation = designate(uei(), List.of(line(Instrument.FEASIBILITY_STUDY, "1000.01")));
        String id = Fixtures.awaitLines(designation, 1).get(0);
        post(edag(), "/incentive-requests/" + id + "/routing", routing("USTDA", null)).statusCode(200);

        post(officer("USTDA"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", 2042)).statusCode(422)
                .body("rule", equalTo("INSUFFICIENT_BUDGET_AUTHORITY")).body("field", equalTo("/fiscalYear"));
        // no budget at all for that fiscal year: no authority either
        post(officer("USTDA"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", 2043)).statusCode(422)
                .body("rule", equalTo("INSUFFICIENT_BUDGET_AUTHORITY")).body("field", equalTo("/fiscalYear"));
        post(officer("USTDA"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", 1999)).statusCode(400)
                .body("rule", equalTo("FISCAL_YEAR_INVALID")).body("field", equalTo("/fiscalYear"));

        assertEquals(List.of("IncentiveRequestEvent$Opened", "IncentiveRequestEvent$Routed",
                "IncentiveRequestEvent$ApprovalRefused", "IncentiveRequestEvent$ApprovalRefused"), eventTypes(id));
        assertEquals(List.of("BudgetEvent$AppropriationRecorded"), eventTypes(BudgetId.of(2042, Instrument.FEASIBILITY_STUDY)));
        assertEquals(List.of(), eventTypes(BudgetId.of(2043, Instrument.FEASIBILITY_STUDY)));
        given().auth().oauth2(auditor()).get("/incentive-requests/" + id).then().body("status", equalTo("ROUTED"))
                .body("lastRefusal.rule", equalTo("INSUFFICIENT_BUDGET_AUTHORITY"))
                .body("lastRefusal.availableUsd", usd("0.00"));
        given().auth().oauth2(auditor()).queryParam("fiscalYear", 2042).get("/budgets").then()
                .body("[0].obligatedUsd", usd("0.00")).body("[0].obligations", hasSize(0));

        // a supplemental appropriation of one cent makes it fit exactly
        // an adjustment is made on the figures read: If-Match carries the budget's ETag
        String read = given().auth().oauth2(auditor()).get("/budgets/budget-FY2042-FEASIBILITY_STUDY").then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(officer("USTDA")).contentType(ContentType.JSON).header("If-Match", read)
                .body(Map.of("kind", "RESCISSION", "amountUsd", 1000.01, "reference", "P.L. 119-77"))
                .post("/budgets/budget-FY2042-FEASIBILITY_STUDY/adjustments").then().statusCode(422)
                .body("rule", equalTo("RESCISSION_EXCEEDS_AVAILABLE")).body("field", equalTo("/amountUsd"));
        given().auth().oauth2(officer("USTDA")).contentType(ContentType.JSON).header("If-Match", read)
                .body(Map.of("kind", "SUPPLEMENTAL", "amountUsd", 0.01, "reference", "P.L. 119-78"))
                .post("/budgets/budget-FY2042-FEASIBILITY_STUDY/adjustments").then().statusCode(200)
                .body("authorityUsd", usd("1000.01"));
        post(officer("USTDA"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", 2042)).statusCode(200)
                .body("status", equalTo("OBLIGATED"));
        given().auth().oauth2(auditor()).get("/budgets/budget-FY2042-FEASIBILITY_STUDY").then()
                .body("availableUsd", usd("0.00")).body("obligatedUsd", usd("1000.01"))
                .body("authorityChanges.kind", equalTo(List.of("APPROPRIATION", "SUPPLEMENTAL")));
    }

    @Test
    void disbursements_never_exceed_the_obligation_and_deobligations_return_the_subsidy_cost() throws Exception {
        clock.inFiscalYear(2044);
        budget(2044, Instrument.DIRECT_LOAN, "1000000.00");
        String designation = designate(uei(), List.of(line(Instrument.DIRECT_LOAN, "1000000.01"),
                line(Instrument.TECHNICAL_ASSISTANCE, "5000.00")));
        List<String> ids = Fixtures.awaitLines(designation, 2);
        String loan = ids.get(0);
        String assistance = ids.get(1);
        post(edag(), "/incentive-requests/" + loan + "/routing", routing("DFC", "3.3333")).statusCode(200);
        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 1, "reference", "W-0"))
                .statusCode(409).body("rule", equalTo("LINE_NOT_OBLIGATED"));
        post(officer("DFC"), "/incentive-requests/" + loan + "/approval", Map.of("fiscalYear", 2044)).statusCode(200)
                .body("obligation.budgetCostUsd", usd("33333.01")).body("obligation.undisbursedUsd", usd("1000000.01"));

        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 400000.00, "reference", "W-1"))
                .statusCode(200).body("obligation.disbursedUsd", usd("400000.00"));
        List<String> before = eventTypes(loan);
        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 600000.02, "reference", "W-2"))
                .statusCode(422).body("rule", equalTo("DISBURSEMENT_EXCEEDS_OBLIGATION")).body("field", equalTo("/amountUsd"));
        post(officer("EXIM"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 1, "reference", "W-3"))
                .statusCode(403);
        post(officer("DFC"), "/incentive-requests/" + loan + "/deobligations", Map.of("amountUsd", 600000.02, "reason", "x"))
                .statusCode(422).body("rule", equalTo("DEOBLIGATION_EXCEEDS_OBLIGATION")).body("field", equalTo("/amountUsd"));
        assertEquals(before, eventTypes(loan), "refused disbursements and de-obligations write nothing");

        // 100,000.00 × 3.3333% = 3,333.30 goes back to the budget
        post(officer("DFC"), "/incentive-requests/" + loan + "/deobligations", Map.of("amountUsd", 100000.00, "reason",
                "loan reduced")).statusCode(200).body("deobligations[0].budgetCostReturnedUsd", usd("3333.30"))
                .body("obligation.budgetCostUsd", usd("29999.71")).body("obligation.undisbursedUsd", usd("500000.01"));
        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 500000.01, "reference", "W-4"))
                .statusCode(200).body("status", equalTo("CLOSED")).body("obligation.undisbursedUsd", usd("0.00"));
        given().auth().oauth2(auditor()).queryParam("fiscalYear", 2044).get("/budgets").then()
                .body("[0].obligatedUsd", usd("29999.71")).body("[0].availableUsd", usd("970000.29"))
                .body("[0].obligations[0].returnedUsd", usd("3333.30"));

        // a decline needs a reason, and closes the line
        post(edag(), "/incentive-requests/" + assistance + "/routing", routing("USTDA", null)).statusCode(200);
        post(officer("USTDA"), "/incentive-requests/" + assistance + "/decline", Map.of()).statusCode(400)
                .body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/reason"));
        post(officer("USTDA"), "/incentive-requests/" + assistance + "/decline", Map.of("reason", "covered by another grant"))
                .statusCode(200).body("status", equalTo("DECLINED")).body("decline.reason", equalTo("covered by another grant"));
        post(officer("USTDA"), "/incentive-requests/" + assistance + "/approval", Map.of("fiscalYear", 2044)).statusCode(409)
                .body("rule", equalTo("LINE_NOT_DECIDABLE"));

        assertReplayMatchesReadModel(BudgetId.of(2044, Instrument.DIRECT_LOAN));
        awaitPublished(routedProposal(loan), "IncentiveRequestDeobligated");
        awaitPublished(routedProposal(loan), "IncentiveDisbursementRecorded");
        awaitPublished(routedProposal(assistance), "IncentiveRequestDeclined");
    }

    /** Replays the budget's stored events through the aggregate's own fold and compares with GET /budgets/{id}. */
    void assertReplayMatchesReadModel(String budgetId) throws Exception {
        List<BudgetEvent> events = new ArrayList<>();
        axon.configuration().eventStore().readEvents(budgetId).asStream().forEach(m -> events.add((BudgetEvent) m.getPayload()));
        BudgetLedger replayed = BudgetLedger.replay(events);
        Map<String, Object> view = given().auth().oauth2(auditor()).get("/budgets/" + budgetId).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals(0, replayed.authorityUsd().compareTo(new BigDecimal(view.get("authorityUsd").toString())), "authority");
        assertEquals(0, replayed.obligatedUsd().compareTo(new BigDecimal(view.get("obligatedUsd").toString())), "obligated");
        assertEquals(0, replayed.availableUsd().compareTo(new BigDecimal(view.get("availableUsd").toString())), "available");
    }

    static String routedProposal(String incentiveRequestId) throws Exception {
        return given().auth().oauth2(auditor()).get("/incentive-requests/" + incentiveRequestId).then().extract().path("proposalId");
    }

    static IntegrationEvent awaitPublished(String proposalId, String type) throws Exception {
        return gov.commerce.aiexports.testsupport.TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(),
                Topics.INCENTIVES, proposalId, type);
    }
}
