package gov.commerce.aiexports.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.client.incentives.api.BudgetResourceApi;
import gov.commerce.aiexports.client.incentives.api.IncentiveRequestResourceApi;
import gov.commerce.aiexports.client.incentives.model.AdjustmentRequest;
import gov.commerce.aiexports.client.incentives.model.AppropriationRequest;
import gov.commerce.aiexports.client.notifications.api.InboxResourceApi;
import gov.commerce.aiexports.client.proposals.api.CallResourceApi;
import gov.commerce.aiexports.client.proposals.api.ConsortiumResourceApi;
import gov.commerce.aiexports.client.proposals.api.ProposalResourceApi;
import gov.commerce.aiexports.client.proposals.model.DraftCallRequest;
import gov.commerce.aiexports.client.proposals.model.ProposalRequest;
import gov.commerce.aiexports.client.proposals.model.RegisterRequest;
import gov.commerce.aiexports.client.review.api.DesignationResourceApi;
import gov.commerce.aiexports.client.review.api.ReviewResourceApi;
import gov.commerce.aiexports.client.review.model.AssessmentRequest;
import gov.commerce.aiexports.client.review.model.DeterminationRequest;
import gov.commerce.aiexports.localstack.Services;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * The README's walkthrough ("from a call to incentive requests"), step by step, through the Java
 * clients generated at build time from docs/openapi/*.yaml (openapi-generator, library native: see
 * this module's pom), against the packaged services: what an agency integrator would write.
 * The request bodies are the README's, read into the generated models with unknown fields refused,
 * so a field the README sends and the document lacks fails here. Each step is one numbered block,
 * as in the README, so a change of the API (paging, If-Match) changes one block.
 */
class GeneratedClientsIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    @Test
    void the_readme_walkthrough_through_generated_clients() throws Exception {
        String applicantOrg = Program.newUei();
        String memberOrg = Program.newUei();
        String officer = Program.token("COMMERCE", "commerce-officer");
        String applicant = Program.token(applicantOrg, "applicant");

        // 1. Commerce drafts and publishes a call
        var calls = new CallResourceApi(client(Services.PROPOSALS, officer, gov.commerce.aiexports.client.proposals.ApiClient::new));
        var drafted = calls.postCalls(CallResourceApi.APIPostCallsRequest.newBuilder().draftCallRequest(body(DraftCallRequest.class, """
                {"title":"FY2027 full-stack AI export packages","fiscalYear":2027,"description":"EO 14320 call",
                 "opensAt":"%s","closesAt":"%s","gracePeriodHours":24,
                 "instruments":["DIRECT_LOAN","FEASIBILITY_STUDY"],"requiredAgencies":["STATE","DEFENSE","ENERGY","OSTP"]}"""
                .formatted(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(180, ChronoUnit.DAYS)))).build());
        String call = drafted.getId();
        assertEquals("DRAFT", String.valueOf(drafted.getStatus()));
        var published = calls.postCallsByIdPublish(CallResourceApi.APIPostCallsByIdPublishRequest.newBuilder().id(call).build());
        assertEquals("PUBLISHED", String.valueOf(published.getStatus()));

        // 2. The applicant registers its consortium (its token's org is the anchor member's UEI)
        var consortia = new ConsortiumResourceApi(client(Services.PROPOSALS, applicant, gov.commerce.aiexports.client.proposals.ApiClient::new));
        String consortium = consortia.postConsortia(ConsortiumResourceApi.APIPostConsortiaRequest.newBuilder()
                .registerRequest(body(RegisterRequest.class, """
                        {"name":"Acme AI Stack",
                         "anchorMember":{"legalName":"Acme Compute Inc.","uei":"%1$s","countryOfIncorporation":"US","controlledFrom":"US","layers":["hardware","models"]},
                         "members":[{"legalName":"Shield Security LLC","uei":"%2$s","countryOfIncorporation":"US","controlledFrom":"US","layers":["security"]}]}"""
                        .formatted(applicantOrg, memberOrg))).build()).getId();

        // 3. ... drafts a proposal and submits it
        var proposals = new ProposalResourceApi(client(Services.PROPOSALS, applicant, gov.commerce.aiexports.client.proposals.ApiClient::new));
        String proposal = proposals.postProposals(ProposalResourceApi.APIPostProposalsRequest.newBuilder()
                .proposalRequest(body(ProposalRequest.class, """
                        {"callId":"%1$s","consortiumId":"%2$s","title":"Sovereign AI cloud for Vietnam","summary":"Full stack",
                         "stack":{"hardware":{"description":"GPU clusters","suppliers":["%3$s"],"usOriginSharePercent":64.0,"domesticManufacturing":"US fabs"},
                                  "dataPipelines":{"description":"Labelling","suppliers":["%3$s"]},
                                  "models":{"description":"Frontier models","suppliers":["%3$s"]},
                                  "security":{"description":"Zero trust","suppliers":["%4$s"]},
                                  "applications":{"description":"Health triage","suppliers":["%3$s"]}},
                         "targets":[{"country":"VN"}],"businessModel":"Acme builds and operates",
                         "incentives":[{"instrument":"DIRECT_LOAN","amountUsd":25000000.00,"tenorYears":12},{"instrument":"FEASIBILITY_STUDY","amountUsd":750000.00}],
                         "exportControlAttestation":true,"confidentialSections":[{"section":"summary","justification":"unreleased roadmap"},
                         {"section":"stack","justification":"supplier pricing"}]}""".formatted(call, consortium, applicantOrg, memberOrg))).build()).getId();
        var submitted = proposals.postProposalsByIdSubmit(ProposalResourceApi.APIPostProposalsByIdSubmitRequest.newBuilder().id(proposal).build());
        assertEquals("SUBMITTED", String.valueOf(submitted.getStatus()));
        assertTrue(submitted.getTrackingNumber().startsWith("AIEP-"), submitted.getTrackingNumber());
        assertTrue(submitted.getFlags().stream().anyMatch(f -> "TARGET_COUNTRY_GROUP_D".equals(String.valueOf(f.getCode()))));

        // 4. review-service opened a review (Vietnam is in Country Group D:1, so it carries a flag)
        var reviews = new ReviewResourceApi(client(Services.REVIEW, officer, gov.commerce.aiexports.client.review.ApiClient::new));
        var opened = await().atMost(PROPAGATION).until(
                () -> reviews.getReviews(ReviewResourceApi.APIGetReviewsRequest.newBuilder().proposalId(proposal).build()),
                list -> list.size() == 1);
        String review = opened.get(0).getId();
        assertEquals("OPEN", opened.get(0).getStatus());
        assertEquals(proposal, opened.get(0).getProposalId());

        // 5. Each required agency of the call assesses (the reviewer's token org is its agency)
        String assess = """
                {"conflictOfInterest":{"declared":false},
                 "scores":{"strategicValue":4,"nationalSecurityRisk":3,"commercialViability":4,"stackCompleteness":5,"partnerReadiness":3},
                 "recommendation":"CONCUR_WITH_CONDITIONS","conditions":["annual security audit"],
                 "comments":[{"text":"Strong partner","visibility":"SHARED"},{"text":"Embassy supports","visibility":"INTERNAL"}]}""";
        for (String agency : List.of("STATE", "DEFENSE", "ENERGY", "OSTP")) {
            var reviewer = new ReviewResourceApi(client(Services.REVIEW, Program.token(agency, "agency-reviewer"),
                    gov.commerce.aiexports.client.review.ApiClient::new));
            var recorded = reviewer.postReviewsByIdAssessments(ReviewResourceApi.APIPostReviewsByIdAssessmentsRequest.newBuilder()
                    .id(review).assessmentRequest(body(AssessmentRequest.class, assess)).build());
            assertFalse(recorded.getRecused());
            assertFalse(recorded.getAssessmentId().isEmpty());
            // the review as it now stands, a typed model: this agency's assessment is current
            assertTrue(recorded.getReview().getAssessments().stream().anyMatch(a -> agency.equals(a.getAgency()) && a.getCurrent()));
        }

        // 6. Commerce designates it; a designation number is issued (a refusal is a problem document the client reads)
        String determination = """
                {"decision":"DESIGNATE","justification":"Strategic partner; complete stack","acknowledgedFlags":[%s],
                 "endorsedIncentives":[{"instrument":"DIRECT_LOAN","amountUsd":20000000.00,"tenorYears":12},{"instrument":"FEASIBILITY_STUDY","amountUsd":750000.00}],
                 "effectiveDate":"%s"}""";
        String effective = LocalDate.now().plusDays(7).toString();
        // a determination is made on the review as read: If-Match carries its ETag (428 without one)
        var read = reviews.getReviewsByIdWithHttpInfo(ReviewResourceApi.APIGetReviewsByIdRequest.newBuilder().id(review).build());
        String etag = read.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("GET /reviews/{id} answers an ETag"));
        var refused = assertThrows(gov.commerce.aiexports.client.review.ApiException.class,
                () -> reviews.postReviewsByIdDetermination(ReviewResourceApi.APIPostReviewsByIdDeterminationRequest.newBuilder().id(review).ifMatch(etag)
                        .determinationRequest(body(DeterminationRequest.class, determination.formatted("", effective))).build()));
        assertEquals(422, refused.getCode());
        JsonNode problem = new ObjectMapper().readTree(refused.getResponseBody());
        assertEquals("FLAG_NOT_ACKNOWLEDGED", problem.path("rule").asText(), refused.getResponseBody());
        var designated = reviews.postReviewsByIdDetermination(ReviewResourceApi.APIPostReviewsByIdDeterminationRequest.newBuilder().id(review).ifMatch(etag)
                .determinationRequest(body(DeterminationRequest.class, determination.formatted("\"TARGET_COUNTRY_GROUP_D\"", effective))).build());
        assertEquals("DESIGNATED", designated.getStatus());
        String number = designated.getDetermination().getDesignationNumber();
        assertTrue(number.matches("PAEP-\\d{4}-\\d{4}"), number);

        // 6b. The designation is in the catalogue (any token), with its ETag: the If-Match of its standing
        var catalogue = new DesignationResourceApi(client(Services.REVIEW, applicant, gov.commerce.aiexports.client.review.ApiClient::new));
        var listed = await().atMost(PROPAGATION).ignoreExceptions().until(() -> catalogue.getDesignationsByNumberWithHttpInfo(
                DesignationResourceApi.APIGetDesignationsByNumberRequest.newBuilder().number(number).build()),
                r -> r.getStatusCode() == 200);
        assertEquals(number, listed.getData().getNumber());
        assertEquals(proposal, listed.getData().getProposalId());
        assertEquals("ACTIVE", listed.getData().getStatus());
        assertTrue(listed.getHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("ETag")), "the designation's ETag");

        // 7. incentives-service opened one request per endorsed line; the applicant's inbox has the news
        var requests = new IncentiveRequestResourceApi(client(Services.INCENTIVES, applicant,
                gov.commerce.aiexports.client.incentives.ApiClient::new));
        var lines = await().atMost(PROPAGATION).until(
                () -> requests.getIncentiveRequests(IncentiveRequestResourceApi.APIGetIncentiveRequestsRequest.newBuilder().build()),
                list -> list.size() == 2);
        assertEquals(Map.of("DIRECT_LOAN", number, "FEASIBILITY_STUDY", number), Map.of(
                tree(lines.get(0)).path("instrument").asText(), lines.get(0).getDesignationNumber(),
                tree(lines.get(1)).path("instrument").asText(), lines.get(1).getDesignationNumber()));
        lines.forEach(line -> assertEquals("AWAITING_ROUTING", line.getStatus()));
        lines.forEach(line -> assertEquals(proposal, line.getProposalId()));
        var one = requests.getIncentiveRequestsByIdWithHttpInfo(
                IncentiveRequestResourceApi.APIGetIncentiveRequestsByIdRequest.newBuilder().id(lines.get(0).getId()).build());
        assertEquals(lines.get(0).getId(), one.getData().getId());
        assertTrue(one.getHeaders().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("ETag")), "the request's ETag");
        var inbox = new InboxResourceApi(client(Services.NOTIFICATIONS, applicant, gov.commerce.aiexports.client.notifications.ApiClient::new));
        await().atMost(PROPAGATION).until(
                () -> inbox.getInbox(InboxResourceApi.APIGetInboxRequest.newBuilder().build()).getItems().stream()
                        .map(entry -> entry.getSubject()).toList(),
                subjects -> subjects.contains("Designated priority AI export package " + number));
        var shown = await().atMost(PROPAGATION).until(
                () -> proposals.getProposalsById(ProposalResourceApi.APIGetProposalsByIdRequest.newBuilder().id(proposal).build()),
                p -> "DESIGNATED".equals(String.valueOf(p.getStatus())));
        assertEquals(number, shown.getDesignationNumber());
        assertNotNull(shown.getTrackingNumber());
        // ... and EDAG, whom the disclosure rule shows the financing sections of a designated proposal and not the others,
        // reads the typed view with Prefer: withheld=null: a withheld section is null and named, with the reason
        var edag = new ProposalResourceApi(client(Services.PROPOSALS, Program.token("EDAG", "edag-coordinator"),
                gov.commerce.aiexports.client.proposals.ApiClient::new));
        var financing = edag.getProposalsByIdWithHttpInfo(ProposalResourceApi.APIGetProposalsByIdRequest.newBuilder().id(proposal)
                .prefer("withheld=null").build());
        assertTrue(financing.getHeaders().entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Preference-Applied")
                && h.getValue().contains("withheld=null")), "the preference was applied: " + financing.getHeaders());
        var content = financing.getData().getContent();
        assertNull(content.getSummary());
        assertNotNull(content.getWithheldFields(), "the withheld sections are named");
        assertEquals("NO_FINANCING_NEED", String.valueOf(content.getWithheldFields().get("summary")));
        assertEquals(2, content.getIncentives().size(), "the financing sections are shown, typed");
        assertFalse(content.getWithheldFields().containsKey("incentives"));

        // 8. A financing officer records budget authority and adjusts it on the version read (If-Match: 428 without it)
        var budgets = new BudgetResourceApi(client(Services.INCENTIVES, Program.token("EXIM", "financing-officer"),
                gov.commerce.aiexports.client.incentives.ApiClient::new));
        var recorded = budgets.postBudgets(BudgetResourceApi.APIPostBudgetsRequest.newBuilder().appropriationRequest(
                body(AppropriationRequest.class, """
                        {"fiscalYear":2099,"instrument":"FEASIBILITY_STUDY","amountUsd":5000000.00,"appropriationReference":"P.L. 119-4"}"""))
                .build());
        String budget = recorded.getId();
        assertEquals(2099, recorded.getFiscalYear());
        var before = budgets.getBudgetsByIdWithHttpInfo(BudgetResourceApi.APIGetBudgetsByIdRequest.newBuilder().id(budget).build());
        String version = before.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag"))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("GET /budgets/{id} answers an ETag"));
        String adjustment = """
                {"kind":"SUPPLEMENTAL","amountUsd":1000000.00,"reference":"P.L. 119-12","reason":"Supplemental appropriation"}""";
        var unconditional = assertThrows(gov.commerce.aiexports.client.incentives.ApiException.class,
                () -> budgets.postBudgetsByIdAdjustments(BudgetResourceApi.APIPostBudgetsByIdAdjustmentsRequest.newBuilder().id(budget)
                        .adjustmentRequest(body(AdjustmentRequest.class, adjustment)).build()));
        assertEquals(428, unconditional.getCode());
        var adjusted = budgets.postBudgetsByIdAdjustments(BudgetResourceApi.APIPostBudgetsByIdAdjustmentsRequest.newBuilder().id(budget)
                .ifMatch(version).adjustmentRequest(body(AdjustmentRequest.class, adjustment)).build());
        assertEquals(0, before.getData().getAuthorityUsd().add(new java.math.BigDecimal("1000000.00")).compareTo(adjusted.getAuthorityUsd()));
        var stale = assertThrows(gov.commerce.aiexports.client.incentives.ApiException.class,
                () -> budgets.postBudgetsByIdAdjustments(BudgetResourceApi.APIPostBudgetsByIdAdjustmentsRequest.newBuilder().id(budget)
                        .ifMatch(version).adjustmentRequest(body(AdjustmentRequest.class, adjustment)).build()));
        assertEquals(412, stale.getCode());
        assertTrue(budgets.getBudgets(BudgetResourceApi.APIGetBudgetsRequest.newBuilder().fiscalYear(2099).build()).stream()
                .anyMatch(b -> budget.equals(b.getId())));
    }

    /** A generated client of one service, sending the caller's token with every request. */
    private static <C> C client(Services.Service service, String token, java.util.function.Supplier<C> make) throws Exception {
        C client = make.get();
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization", "Bearer " + token);
        client.getClass().getMethod("updateBaseUri", String.class).invoke(client, RunningStack.url(service));
        client.getClass().getMethod("setRequestInterceptor", Consumer.class).invoke(client, bearer);
        return client;
    }

    /**
     * A property the disclosure rule may withhold (the document types its value; withheld, it holds
     * the marker instead), read as a tree.
     */
    private static JsonNode tree(Object answer) {
        return STRICT.valueToTree(answer);
    }

    /** A README body as the generated model: a field the model does not know fails here, not on the wire. */
    private static <T> T body(Class<T> type, String json) throws Exception {
        return STRICT.readValue(json, type);
    }

    private static final ObjectMapper STRICT = new gov.commerce.aiexports.client.proposals.ApiClient().getObjectMapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
}
