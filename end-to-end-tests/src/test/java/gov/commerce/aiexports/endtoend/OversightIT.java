package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.localstack.Services;
import io.restassured.path.json.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 over the packaged services: a designation with two conditions and three milestones, a
 * progress report, a condition's evidence accepted and another's rejected, an overdue report
 * flagged and notified once across restarts of notifications-service, a disbursement refused
 * without its accepted milestone and recorded with it, a suspension blocking an approval, the
 * reinstatement, and Commerce's revocation cancelling the open line and flagging the obligated one.
 */
class OversightIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    /** review-service scans for overdue items every minute (OVERSIGHT_SCAN_EVERY). */
    private static final Duration SCAN = Duration.ofSeconds(150);

    @Test
    void after_designation_conditions_milestones_reports_overdue_items_suspension_and_revocation() throws Exception {
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        String proposalId = Program.submittedProposal(callId, consortiumId, uei);
        String review = await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .get("/reviews?proposalId=" + proposalId).then().statusCode(200).extract().jsonPath().getString("[0].id"),
                id -> id != null);
        Program.assess(review, "STATE", Program.assessment("CONCUR_WITH_CONDITIONS", List.of("annual security audit"), "ok", "-"));
        Program.assess(review, "DEFENSE", Program.assessment("CONCUR_WITH_CONDITIONS", List.of("local data residency"), "ok", "-"));
        String number = as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "DESIGNATE", "justification", "Complete stack", "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 5000000.00, "tenorYears", 12),
                                Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                        "effectiveDate", LocalDate.now().toString()))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(200).extract().path("determination.designationNumber");
        String base = "/oversight/" + number;
        LocalDate today = FederalTime.today(Clock.systemUTC());

        // Commerce sets what the consortium owes: due dates of the two conditions, three milestones, a quarterly schedule
        for (String c : List.of("C1", "C2")) {
            as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("dueDate", today.plusDays(60).toString()))
                    .post(base + "/conditions/" + c + "/due-date").then().statusCode(200);
        }
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("kind", "OTHER", "description", "Feasibility study delivered",
                "lineNumber", 2, "dueDate", today.plusDays(90).toString())).post(base + "/milestones").then().statusCode(201);
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("kind", "DEPLOYMENT", "description", "Cluster live in Hanoi",
                "country", "VN", "dueDate", today.plusDays(365).toString())).post(base + "/milestones").then().statusCode(201);
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("kind", "FIRST_REVENUE", "description", "First invoice",
                "dueDate", today.plusDays(500).toString())).post(base + "/milestones").then().statusCode(201)
                .body("milestones.id", contains("M1", "M2", "M3")).body("conditions.id", contains("C1", "C2"));

        // notifications-service is down when the schedule makes period 1's report overdue: it learns of it when back
        RunningStack.get().service(Services.NOTIFICATIONS).stop();
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("frequency", "QUARTERLY",
                "firstPeriodStart", today.minusMonths(5).toString(), "reportDueDays", 0))
                .post(base + "/reporting-schedule").then().statusCode(200);
        await().atMost(SCAN).untilAsserted(() -> as(Services.REVIEW, uei, "applicant").get(base).then().statusCode(200)
                .body("overdue.itemId", contains("1")).body("overdue.itemType", contains("PROGRESS_REPORT")));
        RunningStack.get().service(Services.NOTIFICATIONS).start().awaitReady(Duration.ofSeconds(120));

        // the report of the current period (2), on time
        as(Services.REVIEW, uei, "applicant").body(Map.of("period", 2, "narrative", "Site works started",
                "milestoneStatuses", List.of(Map.of("milestoneId", "M1", "status", "ON_TRACK"),
                        Map.of("milestoneId", "M2", "status", "AT_RISK", "note", "grid connection late")),
                "figures", List.of(Map.of("name", "local hires", "value", "42", "unit", "people"))))
                .post(base + "/reports").then().statusCode(201).body("reports[0].late", equalTo(false));

        // evidence of both conditions: C1 accepted, C2 rejected with its reason
        as(Services.REVIEW, uei, "applicant").body(Map.of("text", "Audit report by an accredited auditor"))
                .post(base + "/conditions/C1/evidence").then().statusCode(201);
        as(Services.REVIEW, uei, "applicant").body(Map.of("text", "Data centre lease in Hanoi"))
                .post(base + "/conditions/C2/evidence").then().statusCode(201);
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("reason", "complete"))
                .post(base + "/conditions/C1/acceptance").then().statusCode(200);
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("reason", "a lease is no residency certificate"))
                .post(base + "/conditions/C2/rejection").then().statusCode(200)
                .body("conditions.status", contains("ACCEPTED", "REJECTED"));

        // the overdue report: one reminder to the consortium, one escalation to Commerce, across another restart
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertEquals(1, subjects(uei, "applicant", "Overdue: progress report of period 1", number));
            assertEquals(1, subjects("COMMERCE", "commerce-officer", "Escalation: " + number, ""));
        });
        RunningStack.get().service(Services.NOTIFICATIONS).stop();
        RunningStack.get().service(Services.NOTIFICATIONS).start().awaitReady(Duration.ofSeconds(120));
        // a later step's notice arrives, and a scan has passed: still one of each
        as(Services.REVIEW, uei, "applicant").body(Map.of("text", "Study report delivered to the ministry"))
                .post(base + "/milestones/M1/evidence").then().statusCode(201);
        await().atMost(PROPAGATION).untilAsserted(() -> assertEquals(1, subjects("COMMERCE", "commerce-officer",
                "Evidence for M1 of " + number, "")));
        assertEquals(1, subjects(uei, "applicant", "Overdue: progress report of period 1", number));
        assertEquals(1, subjects("COMMERCE", "commerce-officer", "Escalation: " + number, ""));

        // the study line: routed, approved requiring M1; its disbursement refused until Commerce accepts M1
        int fiscalYear = gov.commerce.aiexports.events.FiscalYear.of(Instant.now());
        as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "instrument", "FEASIBILITY_STUDY",
                "amountUsd", 1000000.00, "appropriationReference", "Pub. L. 119-4, USTDA")).post("/budgets").then().statusCode(201);
        JsonPath lines = await().atMost(PROPAGATION).until(() -> as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                .get("/incentive-requests?designation=" + number).then().statusCode(200).extract().jsonPath(),
                json -> json.getList("$").size() == 2);
        String study = lines.getString("find { it.instrument == 'FEASIBILITY_STUDY' }.id");
        String loan = lines.getString("find { it.instrument == 'DIRECT_LOAN' }.id");
        as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "USTDA", "terms", "Grant, 18 months"))
                .post("/incentive-requests/" + study + "/routing").then().statusCode(200);
        as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "EXIM", "terms", "12 years",
                "creditSubsidyRatePercent", 2.0)).post("/incentive-requests/" + loan + "/routing").then().statusCode(200);
        as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "requiredMilestoneId", "M1"))
                .post("/incentive-requests/" + study + "/approval").then().statusCode(200)
                .body("status", equalTo("OBLIGATED")).body("oversight.requiredMilestoneId", equalTo("M1"));
        as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("amountUsd", 250000.00, "reference", "wire 7"))
                .post("/incentive-requests/" + study + "/disbursements").then().statusCode(409)
                .body("rule", equalTo("MILESTONE_NOT_ACCEPTED"));
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of())
                .post(base + "/milestones/M1/acceptance").then().statusCode(200);
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.INCENTIVES, "USTDA", "financing-officer")
                .get("/incentive-requests/" + study).then().body("oversight.acceptedMilestones", hasItem("M1")));
        as(Services.INCENTIVES, "USTDA", "financing-officer").body(Map.of("amountUsd", 250000.00, "reference", "wire 7"))
                .post("/incentive-requests/" + study + "/disbursements").then().statusCode(200)
                .body("disbursements[0].reference", equalTo("wire 7"));

        // suspension blocks the loan's approval; reinstatement lifts it
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("reason", "residency condition not met",
                "effectiveDate", today.toString())).post(base + "/suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        as(Services.REVIEW, Program.newUei(), "applicant").get("/designations/" + number).then().body("status", equalTo("SUSPENDED"));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.INCENTIVES, "EXIM", "financing-officer")
                .get("/incentive-requests/" + loan).then().body("oversight.suspension.reason", equalTo("residency condition not met")));
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + loan + "/approval").then().statusCode(409).body("rule", equalTo("DESIGNATION_SUSPENDED"));
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("reason", "certificate delivered", "effectiveDate",
                today.toString())).post(base + "/reinstatement").then().statusCode(200).body("status", equalTo("DESIGNATED"));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.INCENTIVES, "EXIM", "financing-officer")
                .get("/incentive-requests/" + loan).then().body("oversight.suspension", org.hamcrest.Matchers.nullValue()));

        // Commerce revokes: the open loan is cancelled, the obligated study flagged for de-obligation
        as(Services.REVIEW, "COMMERCE", "commerce-officer").body(Map.of("reason", "export control breach", "effectiveDate",
                today.toString())).post(base + "/revocation").then().statusCode(200).body("status", equalTo("REVOKED"));
        await().atMost(PROPAGATION).untilAsserted(() -> {
            as(Services.INCENTIVES, "EDAG", "edag-coordinator").get("/incentive-requests/" + loan).then()
                    .body("status", equalTo("CANCELLED")).body("cancellation.cause", equalTo("REVOKED_BY_COMMERCE"));
            JsonPath flagged = as(Services.INCENTIVES, "USTDA", "financing-officer").get("/incentive-requests/" + study).then()
                    .body("deobligationFlag.cause", equalTo("REVOKED_BY_COMMERCE")).extract().jsonPath();
            assertEquals(500000.00, flagged.getDouble("deobligationFlag.undisbursedUsd"), 0.001);
        });
        as(Services.REVIEW, Program.newUei(), "applicant").get("/designations/" + number).then().body("status", equalTo("REVOKED"))
                .body("revocation.cause", equalTo("REVOKED_BY_COMMERCE"));

        // the audit history and as-of state of the oversight, and the timeline, show each step
        as(Services.REVIEW, "GAO", "auditor").get("/audit/aggregates/" + number + "/events").then().statusCode(200)
                .body(containsString("MilestoneAdded")).body(containsString("ReportingScheduleSet"))
                .body(containsString("OverdueFlagged")).body(containsString("ProgressReportFiled"))
                .body(containsString("EvidenceAccepted")).body(containsString("EvidenceRejected"));
        as(Services.REVIEW, "GAO", "auditor").get("/audit/aggregates/" + number + "/state?asOf=" + Instant.now()).then().statusCode(200)
                .body("state.filedPeriods", contains(2)).body("state.items.C2.status", equalTo("REJECTED"));
        as(Services.REVIEW, "GAO", "auditor").get("/audit/aggregates/" + review + "/events").then().statusCode(200)
                .body(containsString("DesignationSuspended")).body(containsString("DesignationReinstated"))
                .body(containsString("DesignationRevoked"));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant")
                .get("/proposals/" + proposalId + "/timeline").then().statusCode(200)
                .body("eventType", hasItem("OversightPlanSet")).body("eventType", hasItem("ProgressReportFiled"))
                .body("eventType", hasItem("ObligationAccepted")).body("eventType", hasItem("ObligationRejected"))
                .body("eventType", hasItem("ObligationOverdue")).body("eventType", hasItem("DesignationSuspended"))
                .body("eventType", hasItem("DesignationReinstated")).body("eventType", hasItem("DesignationRevoked"))
                .body("eventType", hasItem("IncentiveRequestCancelled"))
                .body("eventType", hasItem("IncentiveRequestFlaggedForDeobligation")));
        System.out.printf("oversight of %s: 2 conditions (accepted, rejected), 3 milestones, a report, an overdue report told once "
                + "across two restarts of notifications-service, disbursement gated by M1, suspension, reinstatement, revocation%n", number);
    }

    /** How many inbox entries of that organisation have a subject starting with prefix and containing mark. */
    private static long subjects(String org, String role, String prefix, String mark) throws Exception {
        List<String> subjects = as(Services.NOTIFICATIONS, org, role).get("/inbox?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.subject", String.class);
        return subjects.stream().filter(s -> s.startsWith(prefix) && s.contains(mark)).count();
    }
}
