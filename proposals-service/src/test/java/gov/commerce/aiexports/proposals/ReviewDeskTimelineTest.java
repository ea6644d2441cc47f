package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.RelinquishmentTest.publish;
import static gov.commerce.aiexports.proposals.RelinquishmentTest.submitted;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.applicant;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review desk's steps are on the proposal's timeline for government readers; the consortium does not see who reviews it. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class ReviewDeskTimelineTest {

    @Test
    void assignment_recusal_and_overdue_are_on_the_governments_timeline_only() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String id = submitted(a);
        LocalDate due = LocalDate.parse("2027-03-15");
        publish(Topics.REVIEW, new ReviewersAssigned("r", id, "STATE", "ASSIGNED", List.of("alice@state"), List.of("alice@state"),
                List.of(), due, null, "officer@commerce", false, Instant.now()));
        publish(Topics.REVIEW, new ReviewerReassignmentRequested("r", id, "STATE", "alice@state", List.of(), due));
        publish(Topics.REVIEW, new AssessmentOverdue("r", id, "STATE", List.of(), due, 1, Instant.now()));
        String officer = ProposalIntakeTest.token("COMMERCE", "commerce-officer");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/proposals/" + id + "/timeline").then().statusCode(200)
                .body("summary", hasItem("STATE reviewers assigned: [\"alice@state\"], due 2027-03-15"))
                .body("summary", hasItem("alice@state recused; STATE asked to reassign"))
                .body("summary", hasItem("STATE assessment overdue since 2027-03-15")));
        given().auth().oauth2(a.token()).get("/proposals/" + id + "/timeline").then().statusCode(200)
                .body("eventType", not(hasItem("ReviewersAssigned"))).body("eventType", not(hasItem("AssessmentOverdue")));
    }
}
