package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.designate;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static gov.commerce.aiexports.incentives.Fixtures.token;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.budget;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.line;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.post;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.routing;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.uei;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incentive lines are the proposal's incentives section: where the consortium marked it, a reader
 * the disclosure rule withholds it from (a financing officer of an agency no line is routed to, a
 * reviewer of an agency the call did not require, an operator reading budgets) finds the line's
 * identity and status with the marker in place of its instrument, amounts, terms and figures; the
 * budget's obligations the same. Each amount is a canary.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class IncentivesDisclosureTest {

    private static final String LOAN = "1357911.00";

    @Inject
    IncentivesClock clock;

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String read(String token, String id) {
        return given().auth().oauth2(token).get("/incentive-requests/" + id).then().statusCode(200).extract().asString();
    }

    static void shown(String body) {
        JsonPath json = JsonPath.from(body);
        assertEquals("DIRECT_LOAN", json.getString("instrument"), body);
        assertTrue(body.contains("1357911"), body);
    }

    static void withheld(String body, String because) {
        JsonPath json = JsonPath.from(body);
        assertEquals("BUSINESS_CONFIDENTIAL", json.getString("instrument.withheld"), body);
        assertEquals(because, json.getString("amountUsd.because"), body);
        assertFalse(body.contains("1357911") || body.contains("DIRECT_LOAN") || body.contains("12-year tenor"), body);
    }

    @Test
    void a_marked_incentives_section_is_shown_as_the_rule_allows_in_lines_lists_and_budgets() throws Exception {
        clock.inFiscalYear(2064);
        budget(2064, Instrument.DIRECT_LOAN, "5000000.00");
        String owner = uei();
        String designation = designate(UUID.randomUUID().toString(), Fixtures.nextDesignationNumber(), owner,
                List.of(line(Instrument.DIRECT_LOAN, LOAN)), List.of("incentives", "targets"));
        String id = Fixtures.awaitLines(designation, 1).get(0);

        // awaiting routing: EDAG (designated) and Commerce, reviewers of required agencies, auditors and the owner see it
        shown(read(edag(), id));
        shown(read(token("COMMERCE", "commerce-officer"), id));
        shown(read(token("STATE", "agency-reviewer"), id));
        shown(read(auditor(), id));
        shown(read(token(owner, "applicant"), id));
        withheld(read(officer("EXIM"), id), "NO_FINANCING_NEED");
        withheld(read(token("ENERGY", "agency-reviewer"), id), "AGENCY_NOT_REQUIRED");
        given().auth().oauth2(token(uei(), "applicant")).get("/incentive-requests/" + id).then().statusCode(404);
        String list = given().auth().oauth2(officer("DFC")).queryParam("designation", designation).get("/incentive-requests").then()
                .statusCode(200).extract().asString();
        assertEquals("BUSINESS_CONFIDENTIAL", JsonPath.from(list).getString("[0].amountUsd.withheld"), list);
        assertFalse(list.contains("1357911"), list);

        // routed to EXIM: its officers see the line (and act on it); DFC's still do not
        post(edag(), "/incentive-requests/" + id + "/routing", routing("EXIM", "4.5")).statusCode(200);
        shown(read(officer("EXIM"), id));
        withheld(read(officer("DFC"), id), "NO_FINANCING_NEED");
        String approved = post(officer("EXIM"), "/incentive-requests/" + id + "/approval", Map.of("fiscalYear", 2064))
                .statusCode(200).extract().asString();
        shown(approved);

        // the budget's obligation is the line's amount: shown to EXIM, withheld from DFC and from operators
        String exim = given().auth().oauth2(officer("EXIM")).get("/budgets/budget-FY2064-DIRECT_LOAN").then().statusCode(200)
                .extract().asString();
        assertTrue(exim.contains("1357911"), exim);
        for (String reader : List.of(officer("DFC"), token("OPS", "operator"))) {
            String budget = given().auth().oauth2(reader).get("/budgets/budget-FY2064-DIRECT_LOAN").then().statusCode(200)
                    .extract().asString();
            JsonPath json = JsonPath.from(budget);
            assertEquals("BUSINESS_CONFIDENTIAL", json.getString("obligations[0].faceAmountUsd.withheld"), budget);
            assertFalse(budget.contains("1357911"), budget);
            assertEquals(0, new java.math.BigDecimal(json.getString("authorityUsd")).compareTo(new java.math.BigDecimal("5000000.00")),
                    "the budget's own figures stay: " + budget);
        }
        String operators = given().auth().oauth2(token("OPS", "operator")).queryParam("fiscalYear", 2064).get("/budgets").then()
                .statusCode(200).extract().asString();
        assertEquals("OPERATOR", JsonPath.from(operators).getString("[0].obligations[0].budgetCostUsd.because"), operators);
    }

    @Test
    void an_unmarked_incentives_section_is_shown_to_every_reader_of_the_line() throws Exception {
        String designation = designate(UUID.randomUUID().toString(), Fixtures.nextDesignationNumber(), uei(),
                List.of(line(Instrument.DIRECT_LOAN, LOAN)), List.of("targets", "businessModel"));
        String id = Fixtures.awaitLines(designation, 1).get(0);
        shown(read(officer("DFC"), id));
        shown(read(token("ENERGY", "agency-reviewer"), id));
    }
}
