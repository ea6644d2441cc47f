package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every submission rule over HTTP: the refusal names its rule and field, and writes no event. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class SubmissionRulesTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Applicant(String uei, String token, String callId, String consortiumId) {
    }

    static Applicant applicant() throws Exception {
        String uei = newUei();
        String token = token(uei, "applicant");
        return new Applicant(uei, token, publishedCall(), consortium(token, uei));
    }

    static String draft(Applicant a, Map<String, Object> body) {
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).post("/proposals")
                .then().statusCode(201).extract().path("id");
    }

    static long events(String aggregateId) throws Exception {
        return TestInfrastructure.get().postgres().eventCount("proposals", aggregateId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mutable(Map<String, Object> body) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put("stack", new HashMap<>((Map<String, Object>) body.get("stack")));
        return copy;
    }

    void refused(Consumer<Map<String, Object>> change, String rule, String field) throws Exception {
        Applicant a = applicant();
        Map<String, Object> body = mutable(proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        change.accept(body);
        String id = draft(a, body);
        long before = events(id);
        given().auth().oauth2(a.token()).post("/proposals/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem(rule))
                .body("violations.find { it.rule == '" + rule + "' }.field", equalTo(field));
        assertEquals(before, events(id), rule + ": the refusal wrote no event");
        given().auth().oauth2(a.token()).get("/proposals/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_submission_rule_refuses_with_its_code_and_field() throws Exception {
        refused(b -> ((Map<String, Object>) b.get("stack")).remove("models"), "STACK_LAYER_MISSING", "/stack/models");
        refused(b -> b.put("targets", List.of()), "TARGET_REQUIRED", "/targets");
        refused(b -> b.put("targets", List.of(Map.of("bloc", "Caribbean", "countries", List.of("JM", "CU")))), "TARGET_EMBARGOED",
                "/targets/0/countries/1");
        refused(b -> b.put("targets", List.of(Map.of("country", "UA", "region", "UA-43"))), "TARGET_EMBARGOED", "/targets/0/region");
        refused(b -> b.put("exportControlAttestation", false), "ATTESTATION_REQUIRED", "/exportControlAttestation");
        refused(b -> ((Map<String, Object>) b.get("stack")).put("security", Map.of("description", "soc", "suppliers",
                List.of("NOTAMEMBER01"))), "SUPPLIER_NOT_MEMBER", "/stack/security/suppliers/0");
        refused(b -> b.put("incentives", List.of(Map.of("instrument", "EQUITY_INVESTMENT", "amountUsd", 100))),
                "INSTRUMENT_NOT_OFFERED", "/incentives/0/instrument");
        // amounts that make no sense are refused as soon as a draft says them, not only at submission
        refusedAtDraft(b -> b.put("incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 0))),
                "INCENTIVE_AMOUNT_INVALID", "/incentives/0/amountUsd");
        refusedAtDraft(b -> b.put("incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 10.005))),
                "INCENTIVE_AMOUNT_INVALID", "/incentives/0/amountUsd");
        refusedAtDraft(b -> b.put("incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 2e12))),
                "INCENTIVE_AMOUNT_INVALID", "/incentives/0/amountUsd");
        refusedAtDraft(b -> b.put("incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 100, "tenorYears", 99))),
                "TENOR_INVALID", "/incentives/0/tenorYears");
        refusedAtDraft(b -> b.put("confidentialSections", List.of(Map.of("section", "pricing", "justification", "trade secret"))),
                "SECTION_UNKNOWN", "/confidentialSections/0/section");
        refusedAtDraft(b -> b.put("targets", List.of(Map.of("country", "XX"))), "COUNTRY_INVALID", "/targets/0/country");
    }

    void refusedAtDraft(Consumer<Map<String, Object>> change, String rule, String field) throws Exception {
        Applicant a = applicant();
        Map<String, Object> body = mutable(proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        change.accept(body);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).post("/proposals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.rule", hasItem(rule))
                .body("violations.find { it.rule == '" + rule + "' }.field", equalTo(field));
    }

    @Test
    @SuppressWarnings("unchecked")
    void flags_are_recorded_with_the_country_list_version_and_do_not_refuse() throws Exception {
        Applicant a = applicant();
        Map<String, Object> body = mutable(proposal(a.callId(), a.consortiumId(), a.uei(), "BY"));
        Map<String, Object> hardware = new HashMap<>((Map<String, Object>) ((Map<String, Object>) body.get("stack")).get("hardware"));
        hardware.put("usOriginSharePercent", 40);
        ((Map<String, Object>) body.get("stack")).put("hardware", hardware);
        String id = draft(a, body);
        given().auth().oauth2(a.token()).post("/proposals/" + id + "/submit").then().statusCode(200)
                .body("flags.code", equalTo(List.of("TARGET_COUNTRY_GROUP_D", "US_CONTENT_BELOW_51")))
                .body("flags[0].detail", org.hamcrest.Matchers.containsString("D:1 and D:5"))
                .body("countryListVersion", equalTo("EAR-740-SUPP1-2026-06-15.2"));
    }

    @Test
    void the_call_window_is_judged_on_the_server_clock_with_the_grace_period() throws Exception {
        Applicant a = applicant(); // the call closes in a day, with two hours of grace
        String late = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        String inGrace = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        clock.moveBy(Duration.ofHours(25));
        given().auth().oauth2(a.token()).post("/proposals/" + inGrace + "/submit").then().statusCode(200);
        clock.moveBy(Duration.ofHours(2));
        long before = events(late);
        given().auth().oauth2(a.token()).post("/proposals/" + late + "/submit").then().statusCode(422)
                .body("rule", equalTo("CALL_NOT_OPEN")).body("field", equalTo("/callId"));
        assertEquals(before, events(late));
    }

    @Test
    void a_call_cannot_be_drafted_amended_or_published_to_close_in_the_past() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        Map<String, Object> terms = new HashMap<>(Map.of("title", "FY2026 late call", "fiscalYear", 2026,
                "opensAt", java.time.Instant.now().minusSeconds(7 * 86400).toString(),
                "closesAt", java.time.Instant.now().minusSeconds(3600).toString(), "instruments", List.of("DIRECT_LOAN"),
                "requiredAgencies", List.of("STATE")));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(terms).post("/calls").then().statusCode(400)
                .body("violations.rule", hasItem("CALL_CLOSING_PASSED"))
                .body("violations.find { it.rule == 'CALL_CLOSING_PASSED' }.field", equalTo("/closesAt"));
        // drafted to close in two hours; the clock passes the closing before it is published
        terms.put("closesAt", java.time.Instant.now().plusSeconds(7200).toString());
        String callId = given().auth().oauth2(officer).contentType(ContentType.JSON).body(terms).post("/calls").then().statusCode(201)
                .extract().path("id");
        clock.moveBy(Duration.ofHours(3));
        long before = events(callId);
        given().auth().oauth2(officer).post("/calls/" + callId + "/publish").then().statusCode(409)
                .body("rule", equalTo("CALL_CLOSING_PASSED")).body("field", equalTo("/closesAt"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("title", "renamed", "modificationComment", "typo")).header("If-Match", "*").post("/calls/" + callId + "/amendments")
                .then().statusCode(400).body("violations.rule", hasItem("CALL_CLOSING_PASSED"));
        assertEquals(before, events(callId));
        // an amendment that moves the closing into the future makes it publishable
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("closesAt", java.time.Instant.now().plusSeconds(10 * 86400).toString(),
                        "modificationComment", "closing extended"))
                .header("If-Match", "*").post("/calls/" + callId + "/amendments").then().statusCode(200);
        given().auth().oauth2(officer).post("/calls/" + callId + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void a_sanctioned_region_written_by_name_is_refused_and_hong_kong_is_flagged_as_china() throws Exception {
        Applicant a = applicant();
        Map<String, Object> body = mutable(proposal(a.callId(), a.consortiumId(), a.uei(), "UA"));
        body.put("targets", List.of(Map.of("country", "DE"), Map.of("country", "UA", "region", "Crimea")));
        String crimea = draft(a, body);
        given().auth().oauth2(a.token()).post("/proposals/" + crimea + "/submit").then().statusCode(422)
                .body("violations.rule", hasItem("TARGET_EMBARGOED"))
                .body("violations.find { it.rule == 'TARGET_EMBARGOED' }.field", equalTo("/targets/1/region"));
        String hongKong = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "HK"));
        given().auth().oauth2(a.token()).post("/proposals/" + hongKong + "/submit").then().statusCode(200)
                .body("flags.code", hasItem("TARGET_COUNTRY_GROUP_D"))
                .body("flags[0].detail", org.hamcrest.Matchers.containsString("HK (treated as CN) is in Country Group D:1 and D:5"));
    }

    @Test
    void a_published_call_is_amended_with_a_version_and_a_comment_then_closed_and_archived() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        String callId = publishedCall();
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(Map.of("title", "changed"))
                .header("If-Match", "*").post("/calls/" + callId + "/amendments").then().statusCode(400).body("rule", equalTo("MODIFICATION_COMMENT_REQUIRED")).body("field", equalTo("/modificationComment"));
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("gracePeriodHours", 48, "modificationComment", "grace extended after the portal outage"))
                .header("If-Match", "*").post("/calls/" + callId + "/amendments").then().statusCode(200)
                .body("version", equalTo(2)).body("gracePeriodHours", equalTo(48))
                .body("amendments", hasSize(1))
                .body("amendments[0].modificationComment", equalTo("grace extended after the portal outage"))
                .body("amendments[0].previousTerms.gracePeriodHours", equalTo(2))
                .body("amendments[0].amendedBy", equalTo("user-COMMERCE"));
        assertEquals("CallAmended", ProposalIntakeTest.awaitPublished(callId, "CallAmended").eventType());
        given().auth().oauth2(token(newUei(), "applicant")).contentType(ContentType.JSON).body(Map.of("modificationComment", "x"))
                .header("If-Match", "*").post("/calls/" + callId + "/amendments").then().statusCode(403);
        given().auth().oauth2(officer).post("/calls/" + callId + "/archive").then().statusCode(409).body("rule", equalTo("CALL_NOT_CLOSED"));
        given().auth().oauth2(officer).post("/calls/" + callId + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));
        given().auth().oauth2(officer).post("/calls/" + callId + "/archive").then().statusCode(200).body("status", equalTo("ARCHIVED"));
        given().auth().oauth2(officer).get("/calls?status=ARCHIVED").then().body("id", hasItem(callId));
    }

    @Test
    void only_the_anchor_members_organisation_manages_the_consortium() throws Exception {
        Applicant a = applicant();
        String other = token(newUei(), "applicant");
        given().auth().oauth2(other).contentType(ContentType.JSON).body(ProposalIntakeTest.member(newUei(), "US", "US"))
                .post("/consortia/" + a.consortiumId() + "/members").then().statusCode(404);
        given().auth().oauth2(other).get("/consortia/" + a.consortiumId()).then().statusCode(404);
        String member = newUei();
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(ProposalIntakeTest.member(member, "GB", "GB"))
                .post("/consortia/" + a.consortiumId() + "/members").then().statusCode(200).body("members.uei", hasItem(member));
        given().auth().oauth2(a.token()).delete("/consortia/" + a.consortiumId() + "/members/" + a.uei()).then().statusCode(422)
                .body("rule", equalTo("ANCHOR_MEMBER_REQUIRED")).body("field", equalTo("/uei"));
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/consortia/" + a.consortiumId()).then().statusCode(200);
    }

    @Test
    void operators_see_no_proposal_and_applicants_no_draft_call_and_members_are_listed_once() throws Exception {
        Applicant a = applicant();
        String id = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        given().auth().oauth2(token("OPS", "operator")).get("/proposals/" + id).then().statusCode(404);
        given().auth().oauth2(token("OPS", "operator")).get("/proposals").then().statusCode(403);
        String draftCall = given().auth().oauth2(token("COMMERCE", "commerce-officer")).contentType(ContentType.JSON)
                .body(Map.of("title", "unpublished", "fiscalYear", 2027, "opensAt", "2027-01-01T00:00:00Z",
                        "closesAt", "2027-03-01T00:00:00Z", "instruments", List.of("DIRECT_LOAN")))
                .post("/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(a.token()).get("/calls/" + draftCall).then().statusCode(404);
        given().auth().oauth2(a.token()).get("/calls").then().body("id", org.hamcrest.Matchers.not(hasItem(draftCall)));
        given().auth().oauth2(token("COMMERCE", "commerce-officer")).get("/calls/" + draftCall).then().statusCode(200);
        String uei = newUei();
        String twice = newUei();
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON)
                .body(Map.of("name", "Dup", "anchorMember", ProposalIntakeTest.member(uei, "US", "US"),
                        "members", List.of(ProposalIntakeTest.member(twice, "US", "US"), ProposalIntakeTest.member(twice, "US", "US"))))
                .post("/consortia").then().statusCode(400).body("rule", equalTo("MEMBER_ALREADY_PRESENT"))
                .body("field", equalTo("/members/1"));
    }

    @Test
    void a_proposal_is_withdrawn_after_submission_with_its_reason_but_not_as_a_draft() throws Exception {
        Applicant a = applicant();
        String id = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(409).body("rule", equalTo("PROPOSAL_NOT_WITHDRAWABLE"));
        given().auth().oauth2(a.token()).post("/proposals/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "partner left"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("partner left"));
        assertEquals("ProposalWithdrawn", ProposalIntakeTest.awaitPublished(id, "ProposalWithdrawn").eventType());
    }

    @Test
    void fifty_parallel_submissions_of_different_proposals_all_succeed() throws Exception {
        Applicant a = applicant();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> submits = new ArrayList<>();
        for (String id : ids) {
            submits.add(() -> given().auth().oauth2(a.token()).post("/proposals/" + id + "/submit").statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(submits)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertTrue(codes.stream().allMatch(c -> c == 200), codes.toString());
        given().auth().oauth2(a.token()).get("/proposals?callId=" + a.callId() + "&status=SUBMITTED&size=100").then()
                .body("total", equalTo(50));
    }

    @Test
    void the_list_filters_by_country_and_instrument_and_exports_csv() throws Exception {
        Applicant a = applicant();
        draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "JP"));
        given().auth().oauth2(a.token()).get("/proposals?callId=" + a.callId() + "&country=JP").then().statusCode(200)
                .body("total", equalTo(1));
        given().auth().oauth2(a.token()).get("/proposals?callId=" + a.callId() + "&instrument=DIRECT_LOAN&sort=title").then()
                .body("total", equalTo(2));
        given().auth().oauth2(a.token()).get("/proposals?sort=nonsense").then().statusCode(400).body("rule", equalTo("SORT_INVALID")).body("field", equalTo("/sort"));
        String csv = given().auth().oauth2(a.token()).accept("text/csv").get("/proposals?callId=" + a.callId()).then()
                .statusCode(200).contentType("text/csv").extract().asString();
        assertEquals(3, csv.split("\r\n").length, csv);
        assertTrue(csv.startsWith("id,trackingNumber,callId"), csv);
    }
}
