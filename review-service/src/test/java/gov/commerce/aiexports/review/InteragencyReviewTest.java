package gov.commerce.aiexports.review;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class InteragencyReviewTest {

    private static final List<String> REQUIRED = List.of("STATE", "DEFENSE");
    private static final String APPLICANT = "APPL00000001";

    @Inject
    ReviewClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Sets the service's clock to that instant (the past included); time then runs on from it. */
    private void at(Instant instant) {
        clock.reset();
        clock.moveBy(Duration.between(clock.instant(), instant));
    }

    static RequestSpecification as(String org, String role, String subject) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint(subject, org, role)).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String org, String role) throws Exception {
        return as(org, role, role + "@" + org);
    }

    static void publish(IntegrationPayload payload, String type, String proposalId) throws Exception {
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), type,
                gov.commerce.aiexports.events.EventCatalog.contractOf(payload.getClass()).version(), "Proposal", proposalId, 1, Instant.now(),
                "proposals-service", "corr-" + proposalId, UUID.randomUUID().toString(),
                new Actor("applicant@x", APPLICANT, List.of("applicant")), EventCodec.mapper().valueToTree(payload));
        gov.commerce.aiexports.testsupport.TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.PROPOSALS,
                proposalId, event);
    }

    /** A submitted proposal to Vietnam (a D:1 flag) asking for a 25M loan; returns the review's id once it is open. */
    static String openReview() throws Exception {
        return openReview(List.of());
    }

    /** The same, with these sections marked confidential by the consortium. */
    static String openReview(List<String> confidentialSections) throws Exception {
        String proposalId = UUID.randomUUID().toString();
        publish(new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 8), "call-1", 2027, "cons-1", "Acme",
                APPLICANT, "Sovereign AI", List.of("VN"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("25000000.00"), 12)), REQUIRED,
                List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", "VN is in D:1")), "EAR-TEST", Instant.now(),
                confidentialSections),
                "ProposalSubmitted", proposalId);
        String reviewId = SubmittedProposals.reviewIdFor(proposalId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + reviewId)
                .then().statusCode(200).body("status", equalTo("OPEN")));
        return reviewId;
    }

    static Map<String, Object> assessment(String recommendation, List<String> conditions) {
        Map<String, Object> body = new HashMap<>();
        body.put("conflictOfInterest", Map.of("declared", false));
        body.put("scores", Map.of("strategicValue", 4, "nationalSecurityRisk", 2, "commercialViability", 5, "stackCompleteness", 4,
                "partnerReadiness", 3));
        body.put("recommendation", recommendation);
        body.put("conditions", conditions);
        body.put("comments", List.of(Map.of("text", "shared remark", "visibility", "SHARED"),
                Map.of("text", "internal remark", "visibility", "INTERNAL")));
        return body;
    }

    static Map<String, Object> designate(List<String> acknowledged, String amount) {
        return Map.of("decision", "DESIGNATE", "justification", "In the national interest", "acknowledgedFlags", acknowledged,
                "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", new BigDecimal(amount), "tenorYears", 12)),
                "effectiveDate", LocalDate.now().plusDays(10).toString());
    }

    static long events(String aggregateId) throws Exception {
        return TestInfrastructure.get().postgres().eventCount("review", aggregateId);
    }

    @Test
    void only_the_required_agencies_assess_each_for_itself() throws Exception {
        String review = openReview();
        as("COMMERCE", "commerce-officer").get("/reviews?agency=STATE").then().body("id", hasItem(review));
        long before = events(review);
        as("ENERGY", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(422).body("rule", equalTo("AGENCY_NOT_REQUIRED")).body("field", equalTo("/agency"));
        Map<String, Object> asDefense = assessment("CONCUR", List.of());
        asDefense.put("agency", "DEFENSE");
        as("STATE", "agency-reviewer").body(asDefense).post("/reviews/" + review + "/assessments").then().statusCode(403);
        as(APPLICANT, "applicant").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(403);
        Map<String, Object> badScore = assessment("CONCUR", List.of());
        badScore.put("scores", Map.of("strategicValue", 6, "nationalSecurityRisk", 2, "commercialViability", 5,
                "stackCompleteness", 4, "partnerReadiness", 3));
        as("STATE", "agency-reviewer").body(badScore).post("/reviews/" + review + "/assessments").then().statusCode(400)
                .body("rule", equalTo("SCORE_OUT_OF_RANGE")).body("field", equalTo("/scores/strategicValue"));
        assertEquals(before, events(review), "refusals wrote no event");

        as("STATE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        as("COMMERCE", "commerce-officer").get("/reviews?agency=STATE").then().body("id", not(hasItem(review)));
        as("COMMERCE", "commerce-officer").get("/reviews?agency=DEFENSE").then().body("id", hasItem(review));
    }

    @Test
    void a_refusal_names_the_missing_part_and_no_body_is_refused_as_everywhere() throws Exception {
        String review = openReview();
        long before = events(review);
        // no scores at all: the scores are named, not each criterion they would hold
        Map<String, Object> noScores = assessment("CONCUR", List.of());
        noScores.remove("scores");
        as("STATE", "agency-reviewer").body(noScores).post("/reviews/" + review + "/assessments").then().statusCode(400)
                .body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/scores"))
                .body("violations.field", not(hasItem("/scores/strategicValue")));
        // an information request without a body, with a JSON null or broken JSON: the common refusals, not a rule of questions
        for (String none : List.of("", "null")) {
            as("COMMERCE", "commerce-officer").body(none).post("/reviews/" + review + "/information-requests").then().statusCode(400)
                    .contentType("application/problem+json").body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo(""));
        }
        as("COMMERCE", "commerce-officer").body("{\"questions\": ").post("/reviews/" + review + "/information-requests").then()
                .statusCode(400).body("rule", equalTo("MALFORMED_JSON"));
        // a body without questions is refused by the rule of questions, naming them
        as("COMMERCE", "commerce-officer").body(Map.of("questions", List.of())).post("/reviews/" + review + "/information-requests")
                .then().statusCode(400).body("rule", equalTo("QUESTIONS_REQUIRED")).body("field", equalTo("/questions"));
        assertEquals(before, events(review), "refusals wrote no event");
    }

    @Test
    void a_recused_reviewer_cannot_assess_and_another_of_the_agency_must() throws Exception {
        String review = openReview();
        as("STATE", "agency-reviewer", "alice@state").body(Map.of("conflictOfInterest",
                        Map.of("declared", true, "description", "former employee of the anchor member")))
                .post("/reviews/" + review + "/assessments").then().statusCode(200).body("recused", equalTo(true));
        as("STATE", "agency-reviewer", "alice@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(422).body("rule", equalTo("REVIEWER_RECUSED")).body("field", equalTo("/conflictOfInterest"));
        as("STATE", "agency-reviewer", "bob@state").body(assessment("CONCUR", List.of()))
                .post("/reviews/" + review + "/assessments").then().statusCode(201);
        as("COMMERCE", "auditor").get("/reviews/" + review).then()
                .body("recusals.reviewer", hasItem("alice@state"))
                .body("assessments.reviewer", equalTo(List.of("bob@state")));
    }

    @Test
    void an_assessment_stops_counting_when_its_reviewer_recuses_afterwards() throws Exception {
        String review = openReview();
        as("STATE", "agency-reviewer", "carol@state").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        as("STATE", "agency-reviewer", "carol@state").body(Map.of("conflictOfInterest",
                        Map.of("declared", true, "description", "learned of a family tie to the anchor member")))
                .post("/reviews/" + review + "/assessments").then().statusCode(200);
        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(422).body("rule", equalTo("AGENCY_NOT_CONCURRED")).body("field", equalTo("/decision"));
        as("COMMERCE", "commerce-officer").get("/reviews?agency=STATE").then().body("id", hasItem(review));
    }

    @Test
    void designation_waits_for_every_concurrence_and_flag_and_stays_within_the_request() throws Exception {
        String review = openReview();
        as("STATE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        as("DEFENSE", "agency-reviewer").body(assessment("NON_CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        long before = events(review);
        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(422).body("rule", equalTo("AGENCY_NOT_CONCURRED")).body("field", equalTo("/decision"));

        // DEFENSE changes its mind: the later assessment supersedes the earlier, which stays in the history
        as("DEFENSE", "agency-reviewer").body(assessment("CONCUR_WITH_CONDITIONS", List.of("annual security audit")))
                .post("/reviews/" + review + "/assessments").then().statusCode(201);
        before = events(review);
        as("COMMERCE", "commerce-officer").body(designate(List.of(), "25000000.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(422).body("rule", equalTo("FLAG_NOT_ACKNOWLEDGED")).body("field", equalTo("/acknowledgedFlags"));
        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "25000000.01"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(422)
                .body("rule", equalTo("ENDORSEMENT_EXCEEDS_REQUEST")).body("field", equalTo("/endorsedIncentives"));
        as("DEFENSE", "agency-reviewer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(403);
        assertEquals(before, events(review), "refused determinations wrote no event");

        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "20000000.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(200)
                .body("status", equalTo("DESIGNATED"))
                .body("determination.conditions", equalTo(List.of("annual security audit")))
                .body("assessments", hasSize(3))
                .body("assessments.findAll { it.current }.agency", equalTo(List.of("STATE", "DEFENSE")))
                .body("scoreSummary.commercialViability.mean", equalTo(5.0f));
        String proposal = as("COMMERCE", "commerce-officer").get("/reviews/" + review).then().extract().path("proposalId");
        // the applicant sees shared comments only
        as(APPLICANT, "applicant").get("/feedback/" + proposal).then().statusCode(200)
                .body("[0].assessments.comments.flatten()", not(hasItem("internal remark")))
                .body("[0].assessments.comments.flatten()", hasItem("shared remark"))
                .body("[0].designationConditions", equalTo(List.of("annual security audit")))
                .body("[0].assessments.findAll { it.recommendation != null }", hasSize(0));
        as("COMMERCE", "auditor").get("/feedback/" + proposal).then().body("[0].assessments.recommendation", hasItem("CONCUR"));
        as("OTHER0000001", "applicant").get("/feedback/" + proposal).then().statusCode(404); // another organisation learns nothing, not even that it exists
    }

    @Test
    void a_resubmission_voids_the_earlier_assessments() throws Exception {
        String review = openReview();
        String proposal = as("COMMERCE", "commerce-officer").get("/reviews/" + review).then().extract().path("proposalId");
        as("STATE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(201);
        as("DEFENSE", "agency-reviewer").body(assessment("REQUIRES_MODIFICATION", List.of("remove the Russian data centre")))
                .post("/reviews/" + review + "/assessments").then().statusCode(201)
                .body("review.status", equalTo("INFORMATION_REQUESTED"))
                .body("review.informationRequests[0].questions", hasItem("remove the Russian data centre"));
        as("STATE", "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                .then().statusCode(409).body("rule", equalTo("REVIEW_NOT_OPEN"));

        publish(new ProposalResubmitted(proposal, "AIEP", APPLICANT, "ir", "Removed it", "Sovereign AI", List.of("VN"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("25000000.00"), 12)),
                List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", "VN")), "EAR-TEST", Instant.now(), List.of()),
                "ProposalResubmitted", proposal);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + review)
                .then().body("status", equalTo("OPEN")).body("round", equalTo(2))
                .body("awaitingAgencies", equalTo(REQUIRED))
                .body("informationRequests[0].response", equalTo("Removed it")));
        as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(422)
                .body("rule", equalTo("AGENCY_NOT_CONCURRED")).body("field", equalTo("/decision"));
    }

    @Test
    void two_officers_deciding_at_once_record_exactly_one_determination() throws Exception {
        String review = openReview();
        for (String agency : REQUIRED) {
            as(agency, "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                    .then().statusCode(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> decisions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String officer = "officer" + i + "@commerce";
            decisions.add(() -> as("COMMERCE", "commerce-officer", officer).body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                    .header("If-Match", "*").post("/reviews/" + review + "/determination").statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(decisions)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertFalse(codes.stream().anyMatch(c -> c != 200 && c != 409), codes.toString());
        String number = as("COMMERCE", "commerce-officer").get("/reviews/" + review).then().extract()
                .path("determination.designationNumber");
        // numbers stay gapless: the refused attempts gave theirs back with their transactions
        String next = designateAnother();
        assertEquals(Integer.parseInt(number.substring(10)) + 1, Integer.parseInt(next.substring(10)), number + " then " + next);
    }

    @Test
    void a_designation_number_takes_the_fiscal_year_of_washington_not_of_utc() throws Exception {
        // 02:00Z on 1 October 2026 is 22:00 on 30 September in Washington: still FY2026
        at(Instant.parse("2026-10-01T02:00:00Z"));
        String lateSeptember = designateAnother();
        assertTrue(lateSeptember.startsWith("PAEP-2026-"), lateSeptember);
        // 04:00Z is midnight EDT: FY2027 has begun
        at(Instant.parse("2026-10-01T04:00:01Z"));
        String firstOfOctober = designateAnother();
        assertTrue(firstOfOctober.startsWith("PAEP-2027-"), firstOfOctober);
        // New Year's Eve in Washington at 03:00Z on 1 January: the calendar year differs, the fiscal year does not
        at(Instant.parse("2027-01-01T03:00:00Z"));
        String newYearsEve = designateAnother();
        assertTrue(newYearsEve.startsWith("PAEP-2027-"), newYearsEve);
        assertEquals(java.time.LocalDate.of(2026, 12, 31), gov.commerce.aiexports.events.FederalTime.today(clock));
    }

    @Test
    void the_public_catalogue_never_shows_a_section_marked_confidential() throws Exception {
        String marked = designateAnother(List.of("targets", "incentives", "businessModel"));
        String open = designateAnother(List.of("businessModel"));
        // any token reads the catalogue, and it is the public to the disclosure rule, a commerce officer's included
        for (String[] reader : new String[][] {{"OTHR00000002", "applicant"}, {"COMMERCE", "commerce-officer"}}) {
            String body = as(reader[0], reader[1]).get("/designations/" + marked).then().statusCode(200)
                    .body("targetCountries", equalTo(Map.of("withheld", "BUSINESS_CONFIDENTIAL", "because", "NO_NEED_TO_KNOW")))
                    .body("endorsedIncentives.withheld", equalTo("BUSINESS_CONFIDENTIAL"))
                    .body("title", equalTo("Sovereign AI"))
                    .extract().asString();
            assertFalse(body.contains("VN") || body.contains("DIRECT_LOAN"), body);
            as(reader[0], reader[1]).get("/designations/" + open).then().statusCode(200)
                    .body("targetCountries", equalTo(List.of("VN")))
                    .body("endorsedIncentives[0].instrument", equalTo("DIRECT_LOAN"));
            as(reader[0], reader[1]).get("/designations").then().statusCode(200)
                    .body("find { it.number == '" + marked + "' }.targetCountries.withheld", equalTo("BUSINESS_CONFIDENTIAL"))
                    .body("find { it.number == '" + open + "' }.targetCountries", equalTo(List.of("VN")));
        }
    }

    private static String designateAnother() throws Exception {
        return designateAnother(List.of());
    }

    private static String designateAnother(List<String> confidentialSections) throws Exception {
        String review = openReview(confidentialSections);
        for (String agency : REQUIRED) {
            as(agency, "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                    .then().statusCode(201);
        }
        return as("COMMERCE", "commerce-officer").body(designate(List.of("TARGET_COUNTRY_GROUP_D"), "1.00"))
                .header("If-Match", "*").post("/reviews/" + review + "/determination").then().statusCode(200).extract().path("determination.designationNumber");
    }
}
