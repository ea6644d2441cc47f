package gov.commerce.aiexports.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.testsupport.LinkPages;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A proposal's feedback is paged like every list (cursor, limit, Link: rel="next"), oldest review
 * first, and only the owning applicant (or a government reader) reads it.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class FeedbackPagedTest {

    @Inject
    Documents documents;

    @Test
    void feedback_longer_than_a_page_is_read_whole_by_its_links() throws Exception {
        String proposalId = UUID.randomUUID().toString();
        String owner = "APPL" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        List<String> expected = new ArrayList<>();
        // five reviews of one proposal (as a store holding reviews of several rounds would), two to an instant
        for (int i = 0; i < 5; i++) {
            ReviewView v = new ReviewView();
            v.id = UUID.randomUUID().toString();
            v.proposalId = proposalId;
            v.applicantOrganisation = owner;
            v.title = "Paged " + i;
            v.fiscalYear = 2027;
            v.status = "OPEN";
            v.round = 1;
            v.requiredAgencies = List.of("STATE");
            v.openedAt = start.plusSeconds(i / 2);
            documents.upsert("review_view", v.id, Map.of("proposal_id", proposalId, "status", v.status), v);
            expected.add(v.id);
        }
        String base = "http://localhost:" + RestAssured.port;
        String applicant = TestInfrastructure.get().tokens().mint("applicant@" + owner, owner, "applicant");
        LinkPages.Result pages = LinkPages.follow(base, "/feedback/" + proposalId + "?limit=2", applicant, null);
        List<String> listed = pages.items().stream().map(f -> f.path("reviewId").asText()).toList();
        assertEquals(3, pages.pages());
        assertEquals(5, listed.size());
        assertEquals(5, listed.stream().distinct().count(), "none twice");
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(listed));
        // oldest first: the first two are the two opened at the start
        assertEquals(new java.util.HashSet<>(expected.subList(0, 2)), new java.util.HashSet<>(listed.subList(0, 2)));

        String officer = TestInfrastructure.get().tokens().mint("officer@COMMERCE", "COMMERCE", "commerce-officer");
        assertEquals(listed, LinkPages.follow(base, "/feedback/" + proposalId + "?limit=4", officer, null).items().stream()
                .map(f -> f.path("reviewId").asText()).toList(), "the same order for every reader and page size");
        // another applicant learns nothing: 404, as for a proposal without a review
        String other = TestInfrastructure.get().tokens().mint("applicant@OTHER0000001", "OTHER0000001", "applicant");
        given().auth().oauth2(other).get("/feedback/" + proposalId).then().statusCode(404);
        given().auth().oauth2(applicant).get("/feedback/" + proposalId + "?limit=0").then().statusCode(400)
                .body("rule", equalTo("LIMIT_INVALID"));
    }
}
