package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.testsupport.CommonGrantsSchemas;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /public/designations over HTTP, without a token: the catalogue in CommonGrants' shape; the
 * endorsed amount of a designation whose consortium marked its incentives confidential (a canary
 * amount) is on no page, while an unmarked one's is; paged, ETag and 304, cacheable.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class PublicDesignationsTest {

    private static final String CANARY = "7351946.83";
    private static final String OPEN_AMOUNT = "4182937.51";

    private static String designate(List<String> confidential, String amount) throws Exception {
        String review = openReview(confidential);
        for (String agency : List.of("STATE", "DEFENSE")) {
            as(agency, "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments").then()
                    .statusCode(201);
        }
        return as("COMMERCE", "commerce-officer").body(Map.of("decision", "DESIGNATE", "justification", "In the national interest",
                        "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", new BigDecimal(amount), "tenorYears", 12)),
                        "effectiveDate", LocalDate.now().plusDays(10).toString()))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(200).extract().path("determination.designationNumber");
    }

    @Test
    void the_catalogue_is_public_in_the_commongrants_shape_and_holds_no_confidential_canary() throws Exception {
        String secret = designate(List.of("incentives", "targets"), CANARY);
        String open = designate(List.of(), OPEN_AMOUNT);

        List<JsonNode> items = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int page = 1; ; page++) {
            String text = given().get("/public/designations?pageSize=50&page=" + page).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=60").extract().asString();
            JsonNode body = new ObjectMapper().readTree(text);
            assertEquals(List.of(), CommonGrantsSchemas.violations("PaginatedProposals.json", body), body.toPrettyString());
            body.path("items").forEach(items::add);
            all.append(text);
            if (page >= body.path("paginationInfo").path("totalPages").asInt()) {
                break;
            }
        }
        assertFalse(all.toString().contains(CANARY), "the marked incentives' amount is on no page");
        assertFalse(all.toString().contains("7351946"), "not even in another form");
        JsonNode secretItem = items.stream().filter(i -> secret.equals(i.path("customFields").path("designationNumber").path("value")
                .asText())).findFirst().orElseThrow();
        assertFalse(secretItem.has("amountRequested"));
        assertFalse(secretItem.path("customFields").has("targetCountries"), "targets marked confidential: left out");
        JsonNode openItem = items.stream().filter(i -> open.equals(i.path("customFields").path("designationNumber").path("value")
                .asText())).findFirst().orElseThrow();
        assertEquals(OPEN_AMOUNT, openItem.path("amountRequested").path("amount").asText());
        assertTrue(openItem.path("customFields").path("targetCountries").path("value").toString().contains("VN"));

        String etag = given().get("/public/designations").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/public/designations").then().statusCode(304).header("ETag", etag);
        given().get("/public/designations?pageSize=0").then().statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED"))
                .body("field", equalTo("/pageSize"));
    }
}
