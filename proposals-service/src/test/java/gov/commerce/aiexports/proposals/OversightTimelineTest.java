package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.RelinquishmentTest.designated;
import static gov.commerce.aiexports.proposals.RelinquishmentTest.publish;
import static gov.commerce.aiexports.proposals.RelinquishmentTest.submitted;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.applicant;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.EvidenceSubmitted;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ObligationOverdue;
import gov.commerce.aiexports.events.review.ObligationRejected;
import gov.commerce.aiexports.events.review.OversightPlanSet;
import gov.commerce.aiexports.events.review.ProgressReportFiled;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each step of the oversight after designation is on the proposal's timeline, for the consortium too. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class OversightTimelineTest {

    @Test
    void suspension_obligations_reports_overdue_items_and_commerce_revocation_are_on_the_timeline() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String id = submitted(a);
        String number = gov.commerce.aiexports.events.DesignationNumber.of(2027, 1000 + (int) (Math.random() * 8000));
        publish(Topics.REVIEW, designated(id, a.uei(), number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token()).get("/proposals/" + id)
                .then().body("status", equalTo("DESIGNATED")));
        LocalDate day = LocalDate.parse("2027-02-01");
        publish(Topics.REVIEW, new OversightPlanSet("r", id, number, a.uei(), "MILESTONE_ADDED M1", List.of(), List.of(), null));
        publish(Topics.REVIEW, new EvidenceSubmitted(id, number, a.uei(), "CONDITION", "C1", "ev-1", "audit", List.of(), Instant.now()));
        publish(Topics.REVIEW, new ObligationRejected(id, number, a.uei(), "CONDITION", "C1", null, "ev-1", "unsigned", Instant.now()));
        publish(Topics.REVIEW, new ObligationAccepted(id, number, a.uei(), "MILESTONE", "M1", 1, "ev-2", null, Instant.now()));
        publish(Topics.REVIEW, new ProgressReportFiled(id, number, a.uei(), "rep-1", 1, day, day.plusMonths(3), day.plusMonths(4),
                true, "on track", List.of(), List.of(), Instant.now()));
        publish(Topics.REVIEW, new ObligationOverdue(id, number, a.uei(), "PROGRESS_REPORT", "2", "progress report of period 2",
                day.plusMonths(7), Instant.now()));
        publish(Topics.REVIEW, new DesignationSuspended("r", id, number, "cons", a.uei(), "audit missed", day, 1, Instant.now()));
        publish(Topics.REVIEW, new DesignationReinstated("r", id, number, "cons", a.uei(), "audit delivered", day.plusDays(9), 1,
                Instant.now()));
        publish(Topics.REVIEW, new DesignationRevoked("r", id, number, "cons", a.uei(), DesignationRevoked.REVOKED_BY_COMMERCE, null,
                1, Instant.now(), day.plusDays(20)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token())
                .get("/proposals/" + id + "/timeline").then().statusCode(200)
                .body("summary", hasItem("Obligations of " + number + " set: MILESTONE_ADDED M1"))
                .body("summary", hasItem("Evidence submitted for C1"))
                .body("summary", hasItem("C1 rejected by Commerce: unsigned"))
                .body("summary", hasItem("M1 accepted by Commerce"))
                .body("summary", hasItem("Progress report of period 1 filed (late)"))
                .body("summary", hasItem("Overdue since 2027-09-01: progress report of period 2"))
                .body("summary", hasItem("Designation " + number + " suspended from 2027-02-01: audit missed"))
                .body("summary", hasItem("Designation " + number + " reinstated from 2027-02-10: audit delivered"))
                .body("summary", hasItem("Designation " + number + " revoked (REVOKED_BY_COMMERCE)")));
    }
}
