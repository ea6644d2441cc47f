package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.designate;
import static gov.commerce.aiexports.review.InteragencyReviewTest.events;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.review.oversight.OverdueScan;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After designation: Commerce suspends, reinstates and revokes; the conditions become tracked
 * obligations with due dates, evidence and decisions; milestones and a reporting schedule; overdue
 * items flagged once however many scans run.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class OversightTest {

    private static final String APPLICANT = "APPL00000001";

    @Inject
    ReviewClock clock;
    @Inject
    OverdueScan scan;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A designation whose two agencies each set a condition; returns its number. */
    static String designated() throws Exception {
        String review = openReview();
        as("STATE", "agency-reviewer").body(assessment("CONCUR_WITH_CONDITIONS", List.of("annual security audit")))
                .post("/reviews/" + review + "/assessments").then().statusCode(201);
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR_WITH_CONDITIONS", List.of("local data residency")))
                .post("/reviews/" + review + "/assessments").then().statusCode(201);
        return as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(200)
                .extract().path("determination.designationNumber");
    }

    private static String today() {
        return FederalTime.today(java.time.Clock.systemUTC()).toString();
    }

    private static Map<String, Object> standing(String reason, String date) {
        return reason == null ? Map.of("effectiveDate", date) : Map.of("reason", reason, "effectiveDate", date);
    }

    @Test
    void commerce_suspends_reinstates_and_revokes_with_reason_and_date_and_refusals_change_nothing() throws Exception {
        String number = designated();
        String review = as("COMMERCE", "commerce-officer").get("/oversight/" + number).then().statusCode(200)
                .body("status", equalTo("DESIGNATED")).extract().path("reviewId");
        String proposal = as("COMMERCE", "commerce-officer").get("/oversight/" + number).then().extract().path("proposalId");
        long before = events(review);

        as("COMMERCE", "commerce-officer").body(standing(null, today())).post("/oversight/" + number + "/suspension")
                .then().statusCode(400).body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/reason"));
        as("COMMERCE", "commerce-officer").body(Map.of("reason", "audit missed")).post("/oversight/" + number + "/suspension")
                .then().statusCode(400).body("rule", equalTo("EFFECTIVE_DATE_REQUIRED")).body("field", equalTo("/effectiveDate"));
        as("COMMERCE", "commerce-officer").body(standing("audit missed", LocalDate.parse(today()).plusDays(2).toString()))
                .post("/oversight/" + number + "/suspension").then().statusCode(422)
                .body("rule", equalTo("EFFECTIVE_DATE_IN_FUTURE")).body("field", equalTo("/effectiveDate"));
        as("COMMERCE", "commerce-officer").body(standing("nothing to lift", today())).post("/oversight/" + number + "/reinstatement")
                .then().statusCode(409).body("rule", equalTo("DESIGNATION_NOT_SUSPENDED"));
        as(APPLICANT, "applicant").body(standing("self", today())).post("/oversight/" + number + "/suspension").then().statusCode(403);
        as("STATE", "agency-reviewer").body(standing("not ours", today())).post("/oversight/" + number + "/revocation")
                .then().statusCode(403);
        as("COMMERCE", "commerce-officer").body(standing("x", today())).post("/oversight/PAEP-2099-9999/suspension")
                .then().statusCode(404);
        assertEquals(before, events(review), "refusals wrote nothing");

        String lastWeek = LocalDate.parse(today()).minusDays(7).toString();
        as("COMMERCE", "commerce-officer").body(standing("security audit not delivered", lastWeek))
                .post("/oversight/" + number + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspension.reason", equalTo("security audit not delivered"))
                .body("suspension.effectiveDate", equalTo(lastWeek)).body("suspension.by", equalTo("commerce-officer@COMMERCE"));
        as("OTHER0000001", "applicant").get("/designations/" + number).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspension.effectiveDate", equalTo(lastWeek))
                .body("suspension", not(hasKey("reason")));
        as("COMMERCE", "commerce-officer").body(standing("again", today())).post("/oversight/" + number + "/suspension")
                .then().statusCode(409).body("rule", equalTo("DESIGNATION_NOT_ACTIVE"));
        IntegrationEvent suspended = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposal, "DesignationSuspended");
        DesignationSuspended s = suspended.payloadAs(DesignationSuspended.class);
        assertEquals(LocalDate.parse(lastWeek), s.effectiveDate());
        assertEquals(1, s.endorsedLineCount());
        assertEquals("commerce-officer@COMMERCE", suspended.actor().subject());

        as("COMMERCE", "commerce-officer").body(standing("audit delivered", today())).post("/oversight/" + number + "/reinstatement")
                .then().statusCode(200).body("status", equalTo("DESIGNATED")).body("suspension", nullValue());
        as("OTHER0000001", "applicant").get("/designations/" + number).then().body("status", equalTo("ACTIVE"));
        TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, proposal, "DesignationReinstated");

        as("COMMERCE", "commerce-officer").body(standing("export control breach", today())).post("/oversight/" + number + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED"))
                .body("revocation.cause", equalTo("REVOKED_BY_COMMERCE")).body("revocation.reason", equalTo("export control breach"))
                .body("standingChanges.change", contains("SUSPENDED", "REINSTATED", "REVOKED"));
        as("OTHER0000001", "applicant").get("/designations/" + number).then().body("status", equalTo("REVOKED"))
                .body("revocation.cause", equalTo("REVOKED_BY_COMMERCE")).body("revocation.effectiveDate", equalTo(today()))
                .body("revocation", not(hasKey("reason")));
        DesignationRevoked revoked = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposal, "DesignationRevoked").payloadAs(DesignationRevoked.class);
        assertEquals(DesignationRevoked.REVOKED_BY_COMMERCE, revoked.cause());
        assertEquals(LocalDate.parse(today()), revoked.effectiveDate());
        // Commerce's reason stays in review-service (v2 carries no free-text reason on Kafka)
        assertTrue(TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, proposal,
                "DesignationRevoked").payload().path("reason").isMissingNode());

        long after = events(review);
        as("COMMERCE", "commerce-officer").body(standing("twice", today())).post("/oversight/" + number + "/revocation")
                .then().statusCode(409).body("rule", equalTo("DESIGNATION_REVOKED"));
        as("COMMERCE", "commerce-officer").body(Map.of("dueDate", today())).post("/oversight/" + number + "/conditions/C1/due-date")
                .then().statusCode(409).body("rule", equalTo("DESIGNATION_REVOKED"));
        assertEquals(after, events(review));

        // the review's audit history names each step and its actor
        as("GAO", "auditor").get("/audit/aggregates/" + review + "/events").then().statusCode(200)
                .body(containsString("DesignationSuspended")).body(containsString("DesignationReinstated"))
                .body(containsString("DesignationRevoked"));
    }

    @Test
    void conditions_milestones_reports_and_overdue_items_flagged_once() throws Exception {
        String number = designated();
        as(APPLICANT, "applicant").get("/oversight/" + number).then().statusCode(200)
                .body("conditions.id", contains("C1", "C2"))
                .body("conditions.text", contains("annual security audit", "local data residency"));
        as("OTHER0000001", "applicant").get("/oversight/" + number).then().statusCode(404);
        as("OPS", "operator").get("/oversight/" + number).then().statusCode(403);

        String inTen = LocalDate.parse(today()).plusDays(10).toString();
        as("COMMERCE", "commerce-officer").body(Map.of("dueDate", LocalDate.parse(today()).minusDays(1).toString()))
                .post("/oversight/" + number + "/conditions/C1/due-date").then().statusCode(422).body("rule", equalTo("DUE_DATE_IN_PAST")).body("field", equalTo("/dueDate"));
        as("COMMERCE", "commerce-officer").body(Map.of("dueDate", inTen)).post("/oversight/" + number + "/conditions/C9/due-date")
                .then().statusCode(404);
        for (String c : List.of("C1", "C2")) {
            as("COMMERCE", "commerce-officer").body(Map.of("dueDate", inTen)).post("/oversight/" + number + "/conditions/" + c + "/due-date")
                    .then().statusCode(200);
        }
        as("COMMERCE", "commerce-officer").body(Map.of("kind", "DEPLOYMENT", "description", "Cluster live in Hanoi", "dueDate", inTen))
                .post("/oversight/" + number + "/milestones").then().statusCode(422).body("rule", equalTo("COUNTRY_REQUIRED")).body("field", equalTo("/country"));
        as("COMMERCE", "commerce-officer").body(Map.of("kind", "FINANCING_CLOSE", "description", "Loan closes", "lineNumber", 2,
                "dueDate", inTen)).post("/oversight/" + number + "/milestones").then().statusCode(422)
                .body("rule", equalTo("LINE_NUMBER_INVALID")).body("field", equalTo("/lineNumber"));
        as("COMMERCE", "commerce-officer").body(Map.of("kind", "DEPLOYMENT", "description", "Cluster live in Hanoi", "country", "VN",
                "lineNumber", 1, "dueDate", inTen)).post("/oversight/" + number + "/milestones").then().statusCode(201)
                .body("milestones.id", contains("M1"));
        as("COMMERCE", "commerce-officer").body(Map.of("kind", "FIRST_REVENUE", "description", "First invoice", "dueDate", inTen))
                .post("/oversight/" + number + "/milestones").then().statusCode(201);
        as("COMMERCE", "commerce-officer").body(Map.of("kind", "OTHER", "description", "Training centre", "dueDate", inTen))
                .post("/oversight/" + number + "/milestones").then().statusCode(201).body("milestones.id", contains("M1", "M2", "M3"));
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "early")).post("/oversight/" + number + "/reports")
                .then().statusCode(409).body("rule", equalTo("NO_REPORTING_SCHEDULE"));
        String start = LocalDate.parse(today()).minusMonths(1).toString();
        as("COMMERCE", "commerce-officer").body(Map.of("frequency", "QUARTERLY", "firstPeriodStart", start, "reportDueDays", 15))
                .post("/oversight/" + number + "/reporting-schedule").then().statusCode(200)
                .body("reportingSchedule.frequency", equalTo("QUARTERLY"));

        // evidence, a rejection with its reason, new evidence, an acceptance
        as(APPLICANT, "applicant").body(Map.of("text", "Audit report by KPMG", "documentIds", List.of("doc-1")))
                .post("/oversight/" + number + "/conditions/C1/evidence").then().statusCode(422)
                .body("rule", equalTo("DOCUMENT_UNKNOWN")).body("field", equalTo("/documentIds/0"));
        as("COMMERCE", "commerce-officer").body(Map.of("reason", "nothing yet")).post("/oversight/" + number + "/conditions/C1/rejection")
                .then().statusCode(409).body("rule", equalTo("NO_EVIDENCE_SUBMITTED"));
        as(APPLICANT, "applicant").body(Map.of("text", "Audit report by KPMG, 2027")).post("/oversight/" + number + "/conditions/C1/evidence")
                .then().statusCode(201).body("conditions[0].status", equalTo("EVIDENCE_SUBMITTED"));
        as(APPLICANT, "applicant").body(Map.of("text", "Data stays in VN")).post("/oversight/" + number + "/conditions/C2/evidence")
                .then().statusCode(201);
        as("COMMERCE", "commerce-officer").body(Map.of()).post("/oversight/" + number + "/conditions/C2/rejection")
                .then().statusCode(400).body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/reason"));
        as("COMMERCE", "commerce-officer").body(Map.of("reason", "no residency certificate"))
                .post("/oversight/" + number + "/conditions/C2/rejection").then().statusCode(200)
                .body("conditions[1].status", equalTo("REJECTED"))
                .body("conditions[1].decisions[0].reason", equalTo("no residency certificate"));
        as("COMMERCE", "commerce-officer").body(Map.of("reason", "complete")).post("/oversight/" + number + "/conditions/C1/acceptance")
                .then().statusCode(200).body("conditions[0].status", equalTo("ACCEPTED"));
        as(APPLICANT, "applicant").body(Map.of("text", "more")).post("/oversight/" + number + "/conditions/C1/evidence")
                .then().statusCode(409).body("rule", equalTo("ALREADY_ACCEPTED"));
        as(APPLICANT, "applicant").body(Map.of("text", "Racks powered on 3 March")).post("/oversight/" + number + "/milestones/M1/evidence")
                .then().statusCode(201);
        as("COMMERCE", "commerce-officer").body(Map.of()).post("/oversight/" + number + "/milestones/M1/acceptance")
                .then().statusCode(200).body("milestones[0].status", equalTo("ACCEPTED"));
        String proposal = as("COMMERCE", "commerce-officer").get("/oversight/" + number).then().extract().path("proposalId");
        ObligationAccepted accepted = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposal, "ObligationAccepted").payloadAs(ObligationAccepted.class);
        assertEquals(number, accepted.designationNumber());

        // a progress report of period 1 (started a month ago)
        as(APPLICANT, "applicant").body(Map.of("period", 2, "narrative", "future")).post("/oversight/" + number + "/reports")
                .then().statusCode(422).body("rule", equalTo("PERIOD_NOT_STARTED")).body("field", equalTo("/period"));
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "Deployment on track",
                "milestoneStatuses", List.of(Map.of("milestoneId", "M9", "status", "ON_TRACK")))).post("/oversight/" + number + "/reports")
                .then().statusCode(422).body("rule", equalTo("MILESTONE_UNKNOWN")).body("field", equalTo("/milestoneStatuses/0/milestoneId"));
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "Deployment on track",
                "figures", List.of(Map.of("name", "jobs", "value", "many")))).post("/oversight/" + number + "/reports")
                .then().statusCode(400).body("rule", equalTo("FIGURE_VALUE_INVALID"))
                .body("field", equalTo("/figures/0/value"));
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "Deployment on track",
                "milestoneStatuses", List.of(Map.of("milestoneId", "M1", "status", "ACHIEVED"), Map.of("milestoneId", "M2",
                        "status", "ON_TRACK", "note", "pilot customer signed")),
                "figures", List.of(Map.of("name", "revenue", "value", "1250000.00", "unit", "USD"))))
                .post("/oversight/" + number + "/reports").then().statusCode(201)
                .body("reports[0].period", equalTo(1)).body("reports[0].late", equalTo(false))
                .body("reports[0].filedBy", equalTo("applicant@" + APPLICANT));
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "again")).post("/oversight/" + number + "/reports")
                .then().statusCode(409).body("rule", equalTo("REPORT_ALREADY_FILED"));

        // 200 days on: C2 (not accepted) and the report of period 2 are overdue; C1 (accepted) and period 1 (filed) are not
        long before = events(number);
        scan.runOnce();
        assertEquals(before, events(number), "nothing is overdue yet");
        clock.moveBy(Duration.ofDays(200));
        scan.runOnce();
        scan.runOnce();
        scan.runOnce();
        as("COMMERCE", "commerce-officer").get("/oversight/" + number).then()
                .body("overdue.size()", equalTo(2))
                .body("overdue.itemId", contains("C2", "2"))
                .body("overdue.itemType", contains("CONDITION", "PROGRESS_REPORT"));
        assertEquals(before + 2, events(number), "each overdue item flagged once, however many scans");
        TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, proposal, "ObligationOverdue");

        // the aggregate's audit history and its state as of before the first report
        as("GAO", "auditor").get("/audit/aggregates/" + number + "/events").then().statusCode(200)
                .body(containsString("Opened")).body(containsString("EvidenceRejected"))
                .body(containsString("ProgressReportFiled")).body(containsString("OverdueFlagged"));
        as("GAO", "auditor").get("/audit/aggregates/" + number + "/state?asOf=" + Instant.now().minusSeconds(3600)).then()
                .statusCode(404);
        as("GAO", "auditor").get("/audit/aggregates/" + number + "/state?asOf=" + Instant.now().plusSeconds(5)).then()
                .statusCode(200).body("state.filedPeriods", contains(1)).body("state.frequency", equalTo("QUARTERLY"))
                .body("state.items.C1.status", equalTo("ACCEPTED")).body("state", notNullValue());
    }
}
