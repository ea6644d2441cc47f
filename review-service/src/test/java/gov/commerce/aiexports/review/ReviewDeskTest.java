package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.events;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import gov.commerce.aiexports.review.oversight.OverdueScan;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review desk over HTTP with the real stack: Commerce or the agency's lead assigns named
 * reviewers with a due date; an unassigned reviewer is refused once someone is assigned; a
 * recusal asks for reassignment; the worklist and the workload; an overdue assessment flagged
 * once however many scans race (ReviewDeskAfterRestartTest continues after a restart).
 */
@QuarkusTest
@org.junit.jupiter.api.Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewDeskTest {

    @Inject
    ReviewClock clock;
    @Inject
    OverdueScan scan;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The lead of an agency's review desk: an agency-reviewer holding agency-lead (API.md). */
    static RequestSpecification lead(String agency, String subject) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint(subject, agency, "agency-reviewer", "agency-lead"))
                .contentType(ContentType.JSON);
    }

    static Map<String, Object> assignment(String agency, List<String> reviewers, LocalDate due) {
        return Map.of("agency", agency, "reviewers", reviewers, "dueDate", due.toString());
    }

    private LocalDate today() {
        return FederalTime.today(clock);
    }

    private static String proposalOf(String review) throws Exception {
        return as("COMMERCE", "commerce-officer").get("/reviews/" + review).then().extract().path("proposalId");
    }

    @Test
    void commerce_or_the_agency_lead_assigns_and_an_unassigned_reviewer_is_refused() throws Exception {
        String review = openReview();
        LocalDate due = today().plusDays(14);
        long before = events(review);
        as("STATE", "agency-reviewer").body(assignment("STATE", List.of("alice@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(403).body("rule", equalTo("FORBIDDEN"));
        lead("STATE", "lead@state").body(assignment("DEFENSE", List.of("dora@defense"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(403);
        as("APPL00000001", "applicant").body(assignment("STATE", List.of("alice@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(403);
        as("COMMERCE", "commerce-officer").body(assignment("ENERGY", List.of("erin@energy"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(422)
                .body("rule", equalTo("AGENCY_NOT_REQUIRED")).body("field", equalTo("/agency"));
        as("COMMERCE", "commerce-officer").body(assignment("STATE", List.of("alice@state"), today().minusDays(1)))
                .post("/reviews/" + review + "/assignments").then().statusCode(422)
                .body("rule", equalTo("DUE_DATE_IN_PAST")).body("field", equalTo("/dueDate"));
        as("COMMERCE", "commerce-officer").body(assignment("STATE", List.of(), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(400)
                .body("rule", equalTo("REVIEWERS_REQUIRED")).body("field", equalTo("/reviewers"));
        as("COMMERCE", "commerce-officer").body(Map.of("agency", "STATE", "reviewers", List.of("alice@state")))
                .post("/reviews/" + review + "/assignments").then().statusCode(400)
                .body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/dueDate"));
        assertEquals(before, events(review), "refusals wrote nothing");

        as("COMMERCE", "commerce-officer").body(assignment("STATE", List.of("alice@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(200)
                .body("assignments.find { it.agency == 'STATE' }.reviewers", equalTo(List.of("alice@state")))
                .body("assignments.find { it.agency == 'STATE' }.dueDate", equalTo(due.toString()))
                .body("assignmentHistory[0].by", equalTo("commerce-officer@COMMERCE"))
                .body("assignmentHistory[0].byLead", equalTo(false));
        lead("STATE", "lead@state").body(assignment("STATE", List.of("bob@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(200)
                .body("assignments.find { it.agency == 'STATE' }.reviewers", equalTo(List.of("alice@state", "bob@state")))
                .body("assignmentHistory[1].byLead", equalTo(true));
        ReviewersAssigned published = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposalOf(review), "ReviewersAssigned").payloadAs(ReviewersAssigned.class);
        assertEquals(List.of("alice@state"), published.added());

        // an unassigned reviewer of STATE is refused, and so is its recusal; DEFENSE has no assignment: any of its reviewers assesses
        before = events(review);
        as("STATE", "agency-reviewer", "mallory@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(409).body("rule", equalTo("REVIEWER_NOT_ASSIGNED"));
        as("STATE", "agency-reviewer", "mallory@state").body(Map.of("conflictOfInterest", Map.of("declared", true, "description", "x")))
                .post("/reviews/" + review + "/assessments").then().statusCode(409).body("rule", equalTo("REVIEWER_NOT_ASSIGNED"));
        assertEquals(before, events(review), "the unassigned reviewer's attempts wrote nothing");
        as("DEFENSE", "agency-reviewer", "anyone@defense").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(201);
        as("STATE", "agency-reviewer", "bob@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(201)
                .body("review.assessments.find { it.reviewer == 'bob@state' }.capacity", equalTo("ASSIGNED_REVIEWER"))
                .body("review.assessments.find { it.reviewer == 'anyone@defense' }.capacity", org.hamcrest.Matchers.nullValue());

        // the worklist: bob's own; mallory has none of it; only "me" is a value
        as("STATE", "agency-reviewer", "bob@state").get("/reviews?assignedTo=me").then().statusCode(200)
                .body("id", hasItem(review));
        as("STATE", "agency-reviewer", "mallory@state").get("/reviews?assignedTo=me").then().statusCode(200)
                .body("id", not(hasItem(review)));
        as("STATE", "agency-reviewer", "bob@state").get("/reviews?assignedTo=alice").then().statusCode(400)
                .body("rule", equalTo("VALUE_NOT_ALLOWED")).body("field", equalTo("/assignedTo"));

        // the workload: Commerce and STATE's lead; not a plain reviewer, not another agency's lead
        as("COMMERCE", "commerce-officer").get("/reviews/workload?agency=STATE").then().statusCode(200)
                .body("agency", equalTo("STATE"))
                .body("reviewers.find { it.reviewer == 'alice@state' }.assigned", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("reviewers.find { it.reviewer == 'bob@state' }", notNullValue());
        lead("STATE", "lead@state").get("/reviews/workload?agency=STATE").then().statusCode(200);
        as("STATE", "agency-reviewer", "bob@state").get("/reviews/workload?agency=STATE").then().statusCode(403);
        lead("DEFENSE", "lead@defense").get("/reviews/workload?agency=STATE").then().statusCode(403);
        as("COMMERCE", "commerce-officer").get("/reviews/workload").then().statusCode(400).body("field", equalTo("/agency"));
        as("COMMERCE", "commerce-officer").get("/reviews/workload?agency=NASA").then().statusCode(400)
                .body("rule", equalTo("VALUE_NOT_ALLOWED"));
    }

    @Test
    void a_recusal_asks_for_reassignment_and_the_successor_or_the_lead_assesses() throws Exception {
        String review = openReview();
        LocalDate due = today().plusDays(10);
        as("COMMERCE", "commerce-officer").body(assignment("STATE", List.of("carol@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(200);
        as("STATE", "agency-reviewer", "carol@state").body(Map.of("conflictOfInterest",
                        Map.of("declared", true, "description", "former employee of the anchor member")))
                .post("/reviews/" + review + "/assessments").then().statusCode(200).body("recused", equalTo(true))
                .body("review.assignments.find { it.agency == 'STATE' }.reviewers", equalTo(List.of()))
                .body("review.assignments.find { it.agency == 'STATE' }.awaitingReassignment", equalTo(List.of("carol@state")));
        ReviewerReassignmentRequested asked = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(),
                Topics.REVIEW, proposalOf(review), "ReviewerReassignmentRequested").payloadAs(ReviewerReassignmentRequested.class);
        assertEquals("STATE", asked.agency());
        assertEquals("carol@state", asked.recusedReviewer());
        as("STATE", "agency-reviewer", "carol@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(422).body("rule", equalTo("REVIEWER_RECUSED"));

        long before = events(review);
        lead("STATE", "lead@state").body(Map.of("agency", "STATE", "from", "nobody@state", "to", "dan@state"))
                .post("/reviews/" + review + "/reassignments").then().statusCode(422)
                .body("rule", equalTo("ASSIGNEE_UNKNOWN")).body("field", equalTo("/from"));
        lead("STATE", "lead@state").body(Map.of("agency", "STATE", "from", "carol@state", "to", "carol@state"))
                .post("/reviews/" + review + "/reassignments").then().statusCode(422)
                .body("rule", equalTo("REVIEWER_RECUSED")).body("field", equalTo("/to"));
        as("STATE", "agency-reviewer", "dan@state").body(Map.of("agency", "STATE", "from", "carol@state", "to", "dan@state"))
                .post("/reviews/" + review + "/reassignments").then().statusCode(403);
        assertEquals(before, events(review), "refused reassignments wrote nothing");
        lead("STATE", "lead@state").body(Map.of("agency", "STATE", "from", "carol@state", "to", "dan@state", "reason", "recusal"))
                .post("/reviews/" + review + "/reassignments").then().statusCode(200)
                .body("assignments.find { it.agency == 'STATE' }.reviewers", equalTo(List.of("dan@state")))
                .body("assignments.find { it.agency == 'STATE' }.awaitingReassignment", equalTo(List.of()))
                .body("assignmentHistory.change", equalTo(List.of("ASSIGNED", "REASSIGNMENT_REQUESTED", "REASSIGNED")));
        as("STATE", "agency-reviewer", "dan@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(201)
                .body("review.assessments.find { it.current && it.agency == 'STATE' }.reviewer", equalTo("dan@state"));
        // the lead assesses without being assigned, recorded as the lead; its assessment supersedes dan's
        lead("STATE", "lead@state").body(assessment("CONCUR_WITH_CONDITIONS", List.of("annual audit")))
                .post("/reviews/" + review + "/assessments").then().statusCode(201)
                .body("review.assessments.find { it.current && it.agency == 'STATE' }.capacity", equalTo("AGENCY_LEAD"));
    }

    /** The review of the overdue test, for ReviewDeskAfterRestartTest. */
    static final String HANDED_OVER_REVIEW = "aiexports.test.review.desk.overdue-review";

    @Test
    void an_overdue_assessment_is_flagged_once_however_many_scans_race() throws Exception {
        String review = openReview();
        LocalDate due = today().plusDays(2);
        as("COMMERCE", "commerce-officer").body(assignment("STATE", List.of("erin@state"), due))
                .post("/reviews/" + review + "/assignments").then().statusCode(200);
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        long before = events(review);
        scan.runOnce();
        assertEquals(before, events(review), "not overdue on its due date's eve");

        clock.moveBy(Duration.ofDays(4));
        racingScans(scan, 4);
        scan.runOnce();
        assertEquals(before + 1, events(review), "STATE's assessment flagged once; DEFENSE assessed, nothing to flag");
        as("COMMERCE", "commerce-officer").get("/reviews/" + review).then()
                .body("assignments.find { it.agency == 'STATE' }.overdueFlaggedAt", notNullValue());
        as("COMMERCE", "commerce-officer").get("/reviews/workload?agency=STATE").then()
                .body("reviewers.find { it.reviewer == 'erin@state' }.overdue", equalTo(1));
        AssessmentOverdue overdue = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposalOf(review), "AssessmentOverdue").payloadAs(AssessmentOverdue.class);
        assertEquals(List.of("erin@state"), overdue.reviewers());
        assertEquals(due, overdue.dueDate());
        ReviewDeskAfterRestartTest.handOver(review);
    }

    /** Scans at once on several threads, as several instances would. */
    static void racingScans(OverdueScan scan, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(scan::runOnce);
        }
        for (var f : pool.invokeAll(runs)) {
            f.get();
        }
        pool.shutdown();
    }
}
