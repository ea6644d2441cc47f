package gov.commerce.aiexports.endtoend;

import static org.awaitility.Awaitility.await;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.localstack.Services;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One real instance of every resource the API exposes, made through the API once per JVM: the
 * sweep and the access matrix aim at these, so a request gets past "not found" to the rule it tests.
 */
public final class ApiFixtures {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);
    private static ApiFixtures instance;

    /** The applicant organisation that owns everything below. */
    public final String uei = Program.newUei();
    /** A second member of the consortium, which DELETE /consortia/{id}/members/{uei} aims at. */
    public final String memberUei = Program.newUei();
    /** An applicant organisation with nothing of its own: the "other organisation". */
    public final String otherUei = Program.newUei();
    /** The fiscal year of now in Washington, as the services count it (budgets of it are available for obligation). */
    public final int fiscalYear = FiscalYear.of(java.time.Instant.now());
    public String callId;
    public String consortiumId;
    public String draftProposalId;
    public String submittedProposalId;
    public String reviewId;
    /** A review both required agencies concurred in, not decided: a determination fails only on what the body spoils. */
    public String concurredReviewId;
    /** A proposal awaiting the applicant's answer, and the information request it answers. */
    public String questionedProposalId;
    public String informationRequestId;
    /** An unmarked text file attached to the questioned proposal (its version 1). */
    public String documentId;
    public String designatedProposalId;
    public String designationNumber;
    /** An unmarked file attached to the designation's oversight. */
    public String oversightDocumentId;
    public String routedRequestId;
    public String unroutedRequestId;
    public String budgetId;
    /** The country-group list version in effect when the fixtures were made (the bundled one on a fresh stack). */
    public String countryListVersion;
    public String webhookId;
    public String contactId;
    public String inboxEntryId;
    /** A dead letter of each service's consumer (an unreadable record it gave up on), by service name. */
    public final Map<String, String> deadLetterIds = new java.util.HashMap<>();

    private ApiFixtures() {
    }

    public static synchronized ApiFixtures get() throws Exception {
        if (instance == null) {
            ApiFixtures f = new ApiFixtures();
            f.create();
            instance = f;
        }
        return instance;
    }

    private void create() throws Exception {
        callId = Program.publishedCall();
        consortiumId = Program.consortium(uei);
        Program.as(Services.PROPOSALS, uei, "applicant").body(member(memberUei)).post("/consortia/" + consortiumId + "/members")
                .then().statusCode(200);
        draftProposalId = Program.draftedProposal(callId, consortiumId, uei);
        submittedProposalId = Program.submittedProposal(callId, consortiumId, uei);
        reviewId = reviewOf(submittedProposalId);

        concurredReviewId = reviewOf(Program.submittedProposal(callId, consortiumId, uei));
        Program.assess(concurredReviewId, "STATE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
        Program.assess(concurredReviewId, "DEFENSE", Program.assessment("CONCUR", List.of(), "Sound", "none"));

        questionedProposalId = Program.submittedProposal(callId, consortiumId, uei);
        Program.assess(reviewOf(questionedProposalId), "DEFENSE", Program.assessment("REQUIRES_MODIFICATION",
                List.of("Describe the site's physical security"), "Please describe the site", "none"));
        informationRequestId = await().atMost(PROPAGATION).until(() -> Program.as(Services.PROPOSALS, uei, "applicant")
                        .get("/proposals/" + questionedProposalId).then().statusCode(200).extract().jsonPath(),
                json -> "INFORMATION_REQUESTED".equals(json.getString("status"))).getString("informationRequests[0].informationRequestId");

        // while it answers an information request, the consortium may still attach files
        documentId = io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.PROPOSALS))
                .auth().oauth2(Program.token(uei, "applicant")).contentType("text/plain")
                .body("Annex: physical security of the site\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("name", "annex.txt").queryParam("confidentiality", "NOT_CONFIDENTIAL")
                .post("/proposals/" + questionedProposalId + "/documents").then().statusCode(201).extract().path("documentId");

        designatedProposalId = Program.submittedProposal(callId, consortiumId, uei);
        String designatedReview = reviewOf(designatedProposalId);
        Program.assess(designatedReview, "STATE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
        Program.assess(designatedReview, "DEFENSE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
        designationNumber = Program.as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "DESIGNATE", "justification", "Complete stack",
                        "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 5000000.00, "tenorYears", 10),
                                Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 500000.00)),
                        "effectiveDate", LocalDate.now().plusDays(1).toString()))
                .header("If-Match", "*").post("/reviews/" + designatedReview + "/determination").then().statusCode(200)
                .extract().path("determination.designationNumber");
        oversightDocumentId = io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.REVIEW))
                .auth().oauth2(Program.token(uei, "applicant")).contentType("text/plain")
                .body("Annex: deployment photographs\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .queryParam("name", "annex.txt").queryParam("confidentiality", "NOT_CONFIDENTIAL")
                .post("/oversight/" + designationNumber + "/documents").then().statusCode(201).extract().path("documentId");
        JsonPath requests = await().atMost(PROPAGATION).until(
                () -> Program.as(Services.INCENTIVES, "EDAG", "edag-coordinator").get("/incentive-requests?designation=" + designationNumber)
                        .then().statusCode(200).extract().jsonPath(),
                json -> json.getList("$").size() == 2);
        routedRequestId = requests.getString("find { it.instrument == 'DIRECT_LOAN' }.id");
        unroutedRequestId = requests.getString("find { it.instrument == 'FEASIBILITY_STUDY' }.id");
        Program.as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                .body(Map.of("agency", "EXIM", "terms", "10 years", "creditSubsidyRatePercent", 2.0))
                .post("/incentive-requests/" + routedRequestId + "/routing").then().statusCode(200);
        // a reporting schedule whose first period has begun (yesterday, whatever the time zone), so that a progress report
        // is refused for what it holds, not for a missing schedule
        Program.as(Services.REVIEW, "COMMERCE", "commerce-officer").header("If-Match", "*")
                .body(Map.of("frequency", "QUARTERLY", "firstPeriodStart", LocalDate.now().minusDays(1).toString(), "reportDueDays", 30))
                .post("/oversight/" + designationNumber + "/reporting-schedule").then().statusCode(200);

        countryListVersion = Program.as(Services.PROPOSALS, "COMMERCE", "commerce-officer").get("/country-lists").then()
                .statusCode(200).extract().path("[0].version");
        budgetId = Program.as(Services.INCENTIVES, "EXIM", "financing-officer")
                .body(Map.of("fiscalYear", fiscalYear + 1, "instrument", "EQUITY_INVESTMENT", "amountUsd", 1000000.00,
                        "appropriationReference", "Pub. L. 119-4"))
                .post("/budgets").then().statusCode(201).extract().path("id");
        // subscribed to an event no test produces, so no delivery is ever attempted for it
        webhookId = Program.as(Services.NOTIFICATIONS, "STATE", "agency-reviewer")
                .body(Map.of("url", "https://hooks.state.example/aiexports", "eventTypes", List.of("IncentiveRequestDeclined"),
                        "secret", "0123456789abcdef0123456789abcdef"))
                .post("/webhooks").then().statusCode(201).extract().path("id");
        // a contact of the organisation that receives nothing, for the same reason
        contactId = Program.as(Services.NOTIFICATIONS, otherUei, "applicant")
                .body(Map.of("organisation", otherUei, "email", "grants@" + otherUei.toLowerCase() + ".example", "name", "Grants office"))
                .post("/contacts").then().statusCode(201).extract().path("id");
        inboxEntryId = await().atMost(PROPAGATION).until(
                () -> Program.as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox").then().statusCode(200)
                        .extract().jsonPath().getString("items[0].id"),
                id -> id != null);
        deadLetters();
    }

    /**
     * One unreadable record on proposals.events and one on review.events: every service reads one
     * of them (proposals-service both), gives up on it and keeps it as a dead letter.
     */
    private void deadLetters() throws Exception {
        String key = "fixture-dead-letter-" + java.util.UUID.randomUUID();
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(p)) {
            for (String topic : List.of(gov.commerce.aiexports.events.Topics.PROPOSALS, gov.commerce.aiexports.events.Topics.REVIEW)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key,
                        "{not an envelope".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get();
            }
        }
        for (Services.Service s : Services.ALL) {
            deadLetterIds.put(s.name(), await().atMost(PROPAGATION).until(
                    () -> Program.as(s, "OPS", "operator").get("/admin/dead-letters?status=DEAD_LETTERED&size=200").then().statusCode(200)
                            .extract().jsonPath().getString("items.find { it.key == '" + key + "' }.id"),
                    id -> id != null));
        }
    }

    public static Map<String, Object> member(String uei) {
        return Map.of("legalName", "Member " + uei, "uei", uei, "countryOfIncorporation", "US", "controlledFrom", "US",
                "layers", List.of("security"));
    }

    private static String reviewOf(String proposalId) {
        return await().atMost(PROPAGATION).until(
                () -> Program.as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + proposalId)
                        .then().statusCode(200).extract().jsonPath().getString("[0].id"),
                id -> id != null);
    }
}
