package gov.commerce.aiexports.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The review desk's events as review-service publishes them: the assigned reviewer is told in its
 * own inbox, a recusal asks its agency, an overdue assessment reminds the reviewer and escalates to
 * the agency and Commerce, once each even when Kafka delivers the event twice.
 */
@QuarkusTest
@Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class ReviewDeskNotificationsTest {

    private static String person(String subject, String org) throws Exception {
        return TestInfrastructure.get().tokens().mint(subject, org, "agency-reviewer");
    }

    private static long count(String token, String reviewId, String rule) {
        return given().auth().oauth2(token).get("/inbox?size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.rule == '" + rule + "' && it.body.contains('" + reviewId + "') }").size();
    }

    @Test
    void reviewers_agencies_and_commerce_are_told_once_each() throws Exception {
        String proposal = UUID.randomUUID().toString();
        String review = "r-" + proposal;
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@state";
        String dave = "dave-" + UUID.randomUUID().toString().substring(0, 8) + "@state";
        LocalDate due = LocalDate.now().plusDays(10);

        Bus.publish(new ReviewersAssigned(review, proposal, "STATE", "ASSIGNED", List.of(alice), List.of(alice), List.of(), due, null,
                "officer@commerce", false, Instant.now()));
        await().atMost(NotificationsTest.PATIENCE).untilAsserted(() -> given().auth().oauth2(person(alice, "STATE")).get("/inbox")
                .then().body("items.rule", hasItem("REVIEW_ASSIGNED")));
        // another reviewer of the agency does not see alice's own notice
        org.junit.jupiter.api.Assertions.assertEquals(0, count(person(dave, "STATE"), review, "REVIEW_ASSIGNED"));

        Bus.publish(new ReviewerReassignmentRequested(review, proposal, "STATE", alice, List.of(), due));
        await().atMost(NotificationsTest.PATIENCE).until(() -> count(person(dave, "STATE"), review, "REASSIGNMENT_REQUESTED") == 1);

        IntegrationEvent overdue = Bus.event(new AssessmentOverdue(review, proposal, "STATE", List.of(dave), due, 1, Instant.now()));
        Bus.publish(overdue);
        Bus.publish(overdue); // delivered twice: told once
        // a later event of the same proposal (same partition): once it is told, the duplicate has been consumed
        Bus.publish(new ReviewersAssigned(review, proposal, "STATE", "ASSIGNED", List.of(dave, "marker@state"),
                List.of("marker@state"), List.of(), due, null, "officer@commerce", false, Instant.now()));
        await().atMost(NotificationsTest.PATIENCE).until(() -> count(person("marker@state", "STATE"), review, "REVIEW_ASSIGNED") == 1);
        org.junit.jupiter.api.Assertions.assertEquals(1, count(person(dave, "STATE"), review, "ASSESSMENT_OVERDUE_REMINDER"));
        // dave's token reads its agency's inbox too: the escalation to STATE, once
        org.junit.jupiter.api.Assertions.assertEquals(1, count(person(dave, "STATE"), review, "ASSESSMENT_OVERDUE_ESCALATION"));
        String commerce = TestInfrastructure.get().tokens().mint("officer@commerce", "COMMERCE", "commerce-officer");
        org.junit.jupiter.api.Assertions.assertEquals(1, count(commerce, review, "ASSESSMENT_OVERDUE_ESCALATION"));
        given().auth().oauth2(person(alice, "DEFENSE")).get("/inbox?size=200").then()
                .body("items.findAll { it.body.contains('" + review + "') && it.rule == 'ASSESSMENT_OVERDUE_ESCALATION' }.size()",
                        equalTo(0));
    }
}
