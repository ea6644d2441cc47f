package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Query parameters over HTTP (QueryParameterGuard of service-runtime): a non-numeric value of a
 * numeric parameter and an unknown parameter are 400 problems naming the parameter, here and on
 * the audit endpoints every service shares.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class QueryParametersTest {

    @BeforeAll
    static void init() {
        Fixtures.init();
    }

    @Test
    void a_non_numeric_fiscal_year_is_a_400_naming_it() throws Exception {
        given().auth().oauth2(auditor()).queryParam("fiscalYear", "abc").get("/budgets").then().statusCode(400)
                .contentType("application/problem+json").body("rule", equalTo("WRONG_TYPE")).body("field", equalTo("/fiscalYear"));
        given().auth().oauth2(auditor()).queryParam("after", "abc").get("/audit/events").then().statusCode(400)
                .body("rule", equalTo("WRONG_TYPE")).body("field", equalTo("/after"));
        given().auth().oauth2(auditor()).queryParam("fiscalYear", "2041").get("/budgets").then().statusCode(200);
    }

    @Test
    void an_unknown_parameter_is_a_400_naming_it() throws Exception {
        given().auth().oauth2(auditor()).queryParam("fiscalYear", "2041").queryParam("fiscalYaer", "2042").get("/budgets").then()
                .statusCode(400).body("rule", equalTo("UNKNOWN_PARAMETER")).body("field", equalTo("/fiscalYaer"));
        given().auth().oauth2(auditor()).queryParam("stauts", "OPEN").get("/incentive-requests").then()
                .statusCode(400).body("rule", equalTo("UNKNOWN_PARAMETER")).body("field", equalTo("/stauts"));
    }

    /** Tokens are checked for their audience (mp.jwt.verify.audiences, default aiexports). */
    @Test
    void a_token_meant_for_another_audience_is_refused() throws Exception {
        var tokens = gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure.get().tokens();
        String elsewhere = tokens.mint("auditor-1", "GAO", java.util.List.of("auditor"), 600, "another-system");
        given().auth().oauth2(elsewhere).queryParam("fiscalYear", "2041").get("/budgets").then().statusCode(401)
                .body("rule", equalTo("UNAUTHENTICATED"));
        String meant = tokens.mint("auditor-1", "GAO", java.util.List.of("auditor"), 600, "aiexports");
        given().auth().oauth2(meant).queryParam("fiscalYear", "2041").get("/budgets").then().statusCode(200);
    }
}
