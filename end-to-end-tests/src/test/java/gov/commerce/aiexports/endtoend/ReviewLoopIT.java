package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import gov.commerce.aiexports.localstack.Services;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The information-request loop across proposals-service and review-service over real Kafka, ending in a rejection. */
class ReviewLoopIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void requires_modification_then_response_then_a_new_round_then_rejection() throws Exception {
        String uei = Program.newUei();
        String proposalId = Program.submittedProposal(Program.publishedCall(), Program.consortium(uei), uei);
        String reviewId = await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .get("/reviews?proposalId=" + proposalId).then().extract().jsonPath().getString("[0].id"), id -> id != null);

        Program.assess(reviewId, "STATE", Program.assessment("CONCUR", List.of(), "Fine", "internal: fine"));
        Program.assess(reviewId, "DEFENSE", Program.assessment("REQUIRES_MODIFICATION", List.of("Move the data centre out of Hanoi"),
                "Please describe the physical security", "internal: site concerns"));

        // proposals-service hears of the request; the applicant sees the questions, not the internal remarks
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                .then().body("status", equalTo("INFORMATION_REQUESTED"))
                .body("informationRequests[0].questions", hasItem("Move the data centre out of Hanoi")));
        as(Services.REVIEW, uei, "applicant").get("/feedback/" + proposalId).then().statusCode(200)
                .body("[0].assessments.comments.flatten()", hasItem("Please describe the physical security"))
                .body("[0].assessments.comments.flatten()", not(hasItem("internal: site concerns")));

        // the applicant answers with a change; the proposal is screened again and resubmitted
        String requestId = as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId).then().extract()
                .path("informationRequests[0].informationRequestId");
        // the changes are partial: the one field given replaces the proposal's, the others are kept
        String title = as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId).then().extract().path("content.title");
        as(Services.PROPOSALS, uei, "applicant").body(Map.of("informationRequestId", requestId,
                        "response", "The data centre moves to Da Nang, with a guarded perimeter",
                        "changes", Map.of("businessModel", "Build, operate, transfer after ten years")))
                .post("/proposals/" + proposalId + "/responses").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("content.businessModel", equalTo("Build, operate, transfer after ten years")).body("content.title", equalTo(title));

        // the review reopens in a second round: earlier assessments no longer count
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews/" + reviewId)
                .then().body("status", equalTo("OPEN")).body("round", equalTo(2))
                .body("awaitingAgencies", equalTo(List.of("STATE", "DEFENSE"))));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                .then().body("status", equalTo("UNDER_REVIEW")));

        Program.assess(reviewId, "STATE", Program.assessment("CONCUR", List.of(), "Fine", "internal"));
        Program.assess(reviewId, "DEFENSE", Program.assessment("NON_CONCUR", List.of(), "Security plan insufficient", "internal"));
        as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "REJECT", "justification", "Defense does not concur: security plan insufficient"))
                .header("If-Match", "*").post("/reviews/" + reviewId + "/determination").then().statusCode(200).body("status", equalTo("REJECTED"));

        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                .then().body("status", equalTo("REJECTED"))
                .body("rejectionJustification", equalTo("Defense does not concur: security plan insufficient")));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox").then()
                .body("items.subject", hasItem("Proposal not designated")));
    }
}
