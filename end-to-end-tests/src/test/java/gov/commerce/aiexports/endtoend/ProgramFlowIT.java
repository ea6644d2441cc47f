package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.localstack.Services;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The thin flow of the foundation, through the four packaged services on real PostgreSQL and Kafka. */
class ProgramFlowIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void a_proposal_travels_from_call_to_incentive_requests_and_inbox() throws Exception {
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        String proposalId = Program.submittedProposal(callId, consortiumId, uei);

        // 2. review-service consumed the submission and opened a review with the intake flags
        JsonPath review = await().atMost(PROPAGATION).until(
                () -> as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + proposalId)
                        .then().statusCode(200).extract().jsonPath(),
                json -> json.getList("$").size() == 1);
        String reviewId = review.getString("[0].id");
        assertEquals("OPEN", review.getString("[0].status"));
        assertTrue(review.getList("[0].flags.code").contains("TARGET_COUNTRY_GROUP_D"));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                .then().body("status", equalTo("UNDER_REVIEW")));

        // the required agencies assess; until both concur, no designation
        Program.assess(reviewId, "STATE", Program.assessment("CONCUR", List.of(), "Strong partner", "Ambassador supports"));
        as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "DESIGNATE", "justification", "Strategic", "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(), "effectiveDate", LocalDate.now().plusDays(7).toString()))
                .header("If-Match", "*").post("/reviews/" + reviewId + "/determination").then().statusCode(422)
                .body("rule", equalTo("AGENCY_NOT_CONCURRED"));
        Program.assess(reviewId, "DEFENSE", Program.assessment("CONCUR_WITH_CONDITIONS", List.of("annual security audit"),
                "Audit required", "Classified annex reviewed"));

        // a designation that does not acknowledge the flag is refused and changes nothing
        as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "DESIGNATE", "justification", "Strategic", "acknowledgedFlags", List.of(),
                        "endorsedIncentives", List.of(), "effectiveDate", LocalDate.now().plusDays(7).toString()))
                .header("If-Match", "*").post("/reviews/" + reviewId + "/determination").then().statusCode(422)
                .body("rule", equalTo("FLAG_NOT_ACKNOWLEDGED"));

        // 3. Commerce designates on the review it read (If-Match: its ETag; without one 428); a number is issued
        String reviewTag = as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews/" + reviewId).then().statusCode(200)
                .extract().header("ETag");
        String number = as(Services.REVIEW, "COMMERCE", "commerce-officer").header("If-Match", reviewTag)
                .body(Map.of("decision", "DESIGNATE", "justification", "Strategic partner, complete stack",
                        "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 20000000.00, "tenorYears", 12),
                                Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                        "effectiveDate", LocalDate.now().plusDays(7).toString()))
                .post("/reviews/" + reviewId + "/determination").then().statusCode(200)
                .body("status", equalTo("DESIGNATED"))
                .body("determination.designationNumber", matchesPattern("PAEP-\\d{4}-\\d{4}"))
                .body("determination.conditions", equalTo(List.of("annual security audit")))
                .extract().path("determination.designationNumber");
        as(Services.REVIEW, uei, "applicant").get("/designations/" + number).then().statusCode(200)
                .body("proposalId", equalTo(proposalId));

        // 4. incentives-service opened one request per endorsed line
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                .get("/incentive-requests?designation=" + number).then().statusCode(200)
                .body("$", hasSize(2))
                .body("instrument", hasItem("DIRECT_LOAN"))
                .body("status", hasItem("AWAITING_ROUTING")));
        // the applicant sees its own lines, another applicant none
        as(Services.INCENTIVES, uei, "applicant").get("/incentive-requests").then().body("$", hasSize(2));
        as(Services.INCENTIVES, Program.newUei(), "applicant").get("/incentive-requests?designation=" + number)
                .then().body("$", hasSize(0));

        // EDAG routes the loan to EXIM; EXIM's board approves (above 10M); EXIM approves, obligating the subsidy cost
        // the fiscal year of now in Washington: a one-year budget of it is available for obligation
        int fiscalYear = gov.commerce.aiexports.events.FiscalYear.of(java.time.Instant.now());
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "instrument", "DIRECT_LOAN",
                "amountUsd", 5000000.00, "appropriationReference", "Pub. L. 119-4, title VI")).post("/budgets").then().statusCode(201);
        String loan = as(Services.INCENTIVES, "EDAG", "edag-coordinator").get("/incentive-requests?designation=" + number)
                .then().extract().jsonPath().getString("find { it.instrument == 'DIRECT_LOAN' }.id");
        as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "EXIM", "terms", "12 years, semi-annual",
                "creditSubsidyRatePercent", 2.5)).post("/incentive-requests/" + loan + "/routing").then().statusCode(200);
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + loan + "/approval").then().statusCode(422);
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("reference", "EXIM board resolution 2027-14"))
                .post("/incentive-requests/" + loan + "/board-approval").then().statusCode(200);
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + loan + "/approval").then().statusCode(200);
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("amountUsd", 1000000.00, "reference", "wire 0001"))
                .post("/incentive-requests/" + loan + "/disbursements").then().statusCode(200);
        as(Services.INCENTIVES, "EXIM", "auditor").get("/budgets?fiscalYear=" + fiscalYear).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("500000.00"));

        // one timeline across the services: the auditor sees every step, the applicant only its own entries
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, "GAO", "auditor")
                .get("/proposals/" + proposalId + "/timeline").then().statusCode(200)
                .body("eventType", hasItem("ProposalSubmitted"))
                .body("eventType", hasItem("ReviewOpened"))
                .body("eventType", hasItem("AssessmentRecorded"))
                .body("eventType", hasItem("ProposalDesignated"))
                .body("eventType", hasItem("IncentiveRequestOpened"))
                .body("eventType", hasItem("IncentiveRequestRouted"))
                .body("eventType", hasItem("IncentiveRequestBoardApproved"))
                .body("eventType", hasItem("IncentiveRequestApproved"))
                .body("eventType", hasItem("IncentiveDisbursementRecorded"))
                .body("eventType", hasItem("NotificationRecorded")));
        List<String> times = as(Services.PROPOSALS, "GAO", "auditor").get("/proposals/" + proposalId + "/timeline").then()
                .extract().path("occurredAt");
        // compared as instants: an instant on a whole second is written without fraction ("...:11Z")
        List<java.time.Instant> instants = times.stream().map(java.time.Instant::parse).toList();
        assertEquals(instants.stream().sorted().toList(), instants, "ordered by time");
        as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId + "/timeline").then().statusCode(200)
                .body("eventType", hasItem("ProposalDesignated"))
                .body("eventType", org.hamcrest.Matchers.not(hasItem("AssessmentRecorded")));
        as(Services.PROPOSALS, Program.newUei(), "applicant").get("/proposals/" + proposalId + "/timeline").then().statusCode(404);

        // 5. the consortium's inbox has the receipt and the designation; the agencies were told too
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox")
                .then().statusCode(200)
                .body("items.subject", hasItem(org.hamcrest.Matchers.startsWith("Submission received: AIEP-")))
                .body("items.subject", hasItem("Designated priority AI export package " + number)));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.NOTIFICATIONS, "STATE", "agency-reviewer").get("/inbox")
                .then().body("items.proposalId", hasItem(proposalId)));
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId)
                .then().body("status", equalTo("DESIGNATED")).body("designationNumber", equalTo(number)));
    }

    @Test
    void every_service_refuses_missing_tokens_wrong_roles_and_other_organisations() throws Exception {
        for (Services.Service s : Services.ALL) {
            given().baseUri(RunningStack.url(s)).get(s == Services.NOTIFICATIONS ? "/inbox"
                            : s == Services.INCENTIVES ? "/incentive-requests" : s == Services.REVIEW ? "/reviews" : "/calls")
                    .then().statusCode(401).contentType("application/problem+json");
            given().baseUri(RunningStack.url(s)).get("/q/health/ready").then().statusCode(200);
        }
        as(Services.REVIEW, Program.newUei(), "applicant").get("/reviews").then().statusCode(403)
                .contentType("application/problem+json");
        as(Services.REVIEW, "STATE", "agency-reviewer").body(Map.of("decision", "REJECT", "justification", "no"))
                .post("/reviews/any/determination").then().statusCode(403);
    }
}
