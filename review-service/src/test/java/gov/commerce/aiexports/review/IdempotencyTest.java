package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.designate;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.testsupport.IdempotencyChecks;
import gov.commerce.aiexports.testsupport.IdempotencyChecks.Answer;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on designations (POST /reviews/{id}/determination): one determination and one number per key. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static IdempotencyChecks checks() {
        return new IdempotencyChecks(URI.create("http://localhost:" + RestAssured.port),
                java.util.Map.of("If-Match", "*"));
    }

    private static long determinations(String reviewId) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("review");
             PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ? "
                     + "and payload_type like '%ReviewEvent$Determined'")) {
            s.setString(1, reviewId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String assessedReview() throws Exception {
        String review = openReview();
        for (String agency : List.of("STATE", "DEFENSE")) {
            as(agency, "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                    .then().statusCode(201);
        }
        return review;
    }

    @Test
    void a_designation_is_determined_once_per_key_and_its_number_issued_once() throws Exception {
        String officer = TestInfrastructure.get().tokens().mint("officer-idem@commerce", "COMMERCE", "commerce-officer");
        String body = JSON.writeValueAsString(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1000000.00"));
        String otherBody = JSON.writeValueAsString(designate(List.of("TARGET_COUNTRY_GROUP_D"), "2000000.00"));

        String review = assessedReview();
        Answer first = checks().sameKeyTwice("POST /reviews/{id}/determination", officer, "/reviews/" + review + "/determination",
                body, otherBody, () -> determinations(review));
        String number = JsonPath.from(first.body()).getString("determination.designationNumber");
        assertNotNull(number);

        String together = assessedReview();
        List<Answer> answers = checks().concurrently("POST /reviews/{id}/determination", officer,
                "/reviews/" + together + "/determination", body, () -> determinations(together));
        String second = JsonPath.from(answers.get(0).body()).getString("determination.designationNumber");
        // numbers are gapless: the replayed request took no number of its own
        assertEquals(Integer.parseInt(number.substring(10)) + 1, Integer.parseInt(second.substring(10)), number + " then " + second);
        System.out.printf("[idempotency] designations: %s, then %s for two concurrent requests with one key%n", number, second);
    }
}
