package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.testsupport.CommonGrantsSchemas;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /public/opportunities over HTTP: no token, CommonGrants' shape, no draft, paged, ETag and 304, cacheable. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class PublicFeedTest {

    @Test
    void open_calls_are_served_without_a_token_in_the_commongrants_shape_and_drafts_never() throws Exception {
        String open = publishedCall();
        String officer = token("COMMERCE", "commerce-officer");
        String draft = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("title", "Draft call, not public", "fiscalYear", 2026, "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE")))
                .post("/calls").then().statusCode(201).extract().path("id");

        // every page (other tests' calls are listed too): the open call is on one, the draft on none
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode p = new ObjectMapper().readTree(given().get("/public/opportunities?pageSize=100&page=" + page).then().statusCode(200)
                    .contentType("application/json").header("Cache-Control", "public, max-age=60").extract().asString());
            assertEquals(List.of(), CommonGrantsSchemas.violations("PaginatedOpportunities.json", p), p.toPrettyString());
            p.path("items").forEach(i -> ids.add(i.path("id").asText()));
            org.junit.jupiter.api.Assertions.assertFalse(p.toString().contains("Draft call, not public"));
            if (page >= p.path("paginationInfo").path("totalPages").asInt()) {
                break;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(ids.contains(open), "the open call is listed");
        org.junit.jupiter.api.Assertions.assertFalse(ids.contains(draft), "a draft is never listed");
        var answer = given().get("/public/opportunities?pageSize=100").then().statusCode(200).extract();
        JsonNode body = new ObjectMapper().readTree(answer.asString());
        String etag = answer.header("ETag");
        // the same page again: 304 to a client that has it, no body
        given().header("If-None-Match", etag).get("/public/opportunities?pageSize=100").then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, max-age=60");
        // paged: one a page, the total said
        int total = body.path("paginationInfo").path("totalItems").asInt();
        given().get("/public/opportunities?page=1&pageSize=1").then().statusCode(200).body("items.size()", equalTo(1))
                .body("paginationInfo.totalPages", equalTo(total));
        assertEquals(ids.size(), total);
        // a new call changes the page, so its tag
        publishedCall();
        String changed = given().header("If-None-Match", etag).get("/public/opportunities?pageSize=100").then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(etag, changed);
        // malformed paging is refused, naming the parameter
        given().get("/public/opportunities?page=0").then().statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED"))
                .body("field", equalTo("/page"));
        given().get("/public/opportunities?pageSize=101").then().statusCode(400).body("field", equalTo("/pageSize"));
        given().get("/public/opportunities?status=open").then().statusCode(400).body("rule", equalTo("UNKNOWN_PARAMETER"));
    }
}
