package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.applicant;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.draft;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.proposals.report.ProgramReportProjection;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The program report's figures against the flow that made them: two proposals of one call
 * submitted (Vietnam, Kenya), one of them designated, a third only drafted; the counts, the
 * requested financing, the draft stage's p50/p90 from the stored events' own times, as of now and
 * as of an instant between the two submissions; CSV; the same figures after an operator's replay.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class ProgramReportTest {

    @Test
    void the_reports_figures_are_those_of_the_flow_and_survive_a_replay() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String vn = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "VN"));
        String ke = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "KE"));
        draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        given().auth().oauth2(a.token()).post("/proposals/" + vn + "/submit").then().statusCode(200);
        given().auth().oauth2(a.token()).post("/proposals/" + ke + "/submit").then().statusCode(200);
        String number = gov.commerce.aiexports.events.DesignationNumber.of(2027, 1000 + (int) (Math.random() * 8000));
        RelinquishmentTest.publish(Topics.REVIEW, RelinquishmentTest.designated(vn, a.uei(), number));
        String auditor = token("GAO", "auditor");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(auditor).get("/proposals/" + vn)
                .then().body("status", equalTo("DESIGNATED")));

        // the first submission's own time, from the stored event: as of then, the second was not submitted yet
        Instant between = Instant.parse(given().auth().oauth2(auditor).get("/audit/aggregates/" + vn + "/events").then().statusCode(200)
                .extract().jsonPath().getString("find { it.eventType.endsWith('Submitted') }.payload.submittedAt"));
        String call = a.callId();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath r = given().auth().oauth2(auditor).get("/reports/program").then().statusCode(200).extract().jsonPath();
            Map<String, Object> group = r.getMap("byCall.find { it.key == '" + call + "' }");
            assertEquals(2, group.get("submitted"));
            assertEquals(1, group.get("designated"));
            assertEquals(0, new BigDecimal("50000000.00").compareTo(new BigDecimal(group.get("requestedUsd").toString())));
            assertEquals(0, new BigDecimal("25000000.00").compareTo(new BigDecimal(group.get("designatedRequestedUsd").toString())));
        });
        // as of between the submissions: one submitted, none designated
        JsonPath early = given().auth().oauth2(auditor).get("/reports/program?asOf=" + between).then().statusCode(200).extract().jsonPath();
        assertEquals(1, (int) early.get("byCall.find { it.key == '" + call + "' }.submitted"));
        assertEquals(0, (int) early.get("byCall.find { it.key == '" + call + "' }.designated"));

        // both stays in the draft stage ended: the stage's percentiles are there (their arithmetic: ProgramReportFiguresTest)
        JsonPath now = given().auth().oauth2(auditor).get("/reports/program").then().statusCode(200).extract().jsonPath();
        assertTrue(now.getInt("stages.find { it.stage == 'DRAFT' }.completed") >= 2);
        assertTrue(now.getDouble("stages.find { it.stage == 'DRAFT' }.p90Hours") >= now.getDouble("stages.find { it.stage == 'DRAFT' }.p50Hours"));

        // CSV, and the refusals
        given().auth().oauth2(token("COMMERCE", "commerce-officer")).accept("text/csv").get("/reports/program").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString(",call," + call + ",2,1,0,50000000.00,25000000.00,,,"));
        given().auth().oauth2(a.token()).get("/reports/program").then().statusCode(403);
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/reports/program").then().statusCode(403);
        given().get("/reports/program").then().statusCode(401);
        given().auth().oauth2(auditor).get("/reports/program?asOf=yesterday").then().statusCode(400)
                .body("rule", equalTo("INSTANT_INVALID")).body("field", equalTo("/asOf"));

        // rebuilt by a replay like the other read models: the same figures
        String asOf = Instant.now().minusSeconds(1).toString();
        String before = given().auth().oauth2(auditor).accept("text/csv").get("/reports/program?asOf=" + asOf).then().statusCode(200)
                .extract().asString();
        ReplayTest.replay(ProgramReportProjection.NAME);
        String after = given().auth().oauth2(auditor).accept("text/csv").get("/reports/program?asOf=" + asOf).then().statusCode(200)
                .extract().asString();
        assertEquals(before, after);
    }
}
