package gov.commerce.aiexports.proposals;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class ProposalIntakeTest {

    static String token(String org, String... roles) throws Exception {
        return TestInfrastructure.get().tokens().mint("user-" + org, org, roles);
    }

    static String newUei() {
        return ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    static String publishedCall() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        String id = given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("title", "FY2026 full-stack AI export packages", "fiscalYear", 2026,
                        "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN", "FEASIBILITY_STUDY"),
                        "requiredAgencies", List.of("STATE", "DEFENSE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).post("/calls/" + id + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return id;
    }

    static Map<String, Object> member(String uei, String country, String controlledFrom) {
        return Map.of("legalName", "Member " + uei, "uei", uei, "countryOfIncorporation", country,
                "controlledFrom", controlledFrom, "layers", List.of("hardware"));
    }

    static String consortium(String applicant, String anchorUei) {
        return given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Map.of("name", "Consortium " + anchorUei, "anchorMember", member(anchorUei, "US", "US")))
                .post("/consortia").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> proposal(String callId, String consortiumId, String supplier, String targetCountry) {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(supplier));
        return Map.of("callId", callId, "consortiumId", consortiumId, "title", "Sovereign AI for " + targetCountry,
                "summary", "A full stack",
                "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(supplier),
                                "usOriginSharePercent", 62.5, "domesticManufacturing", "Arizona fabs"),
                        "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                "targets", List.of(Map.of("country", targetCountry)),
                "businessModel", "Build, own, operate",
                "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12)),
                "exportControlAttestation", true);
    }

    @Test
    void submission_is_recorded_screened_and_published_to_kafka() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String proposalId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-intake-1")
                .body(proposal(callId, consortiumId, uei, "VN"))
                .post("/proposals").then().statusCode(201).header("X-Correlation-Id", "corr-intake-1")
                .extract().path("id");

        given().auth().oauth2(applicant).post("/proposals/" + proposalId + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("trackingNumber", startsWith("AIEP-2026-"))
                .body("flags.code", hasItem("TARGET_COUNTRY_GROUP_D"))
                .body("countryListVersion", notNullValue());

        IntegrationEvent published = awaitPublished(proposalId, "ProposalSubmitted");
        assertEquals(proposalId, published.aggregateId());
        assertEquals("proposals-service", published.producer());
        assertEquals(uei, published.actor().organisation());
        assertTrue(published.actor().roles().contains("applicant"));
        assertEquals(2, published.schemaVersion());
        // the names of the marked sections travel, never their values
        assertEquals(published.payload().get("confidentialSections").toString(), "[]");
        assertEquals(proposalId, published.payload().get("proposalId").asText());
    }

    @Test
    void embargoed_target_is_refused_with_rule_and_field_and_changes_nothing() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String proposalId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(proposal(callId, consortiumId, uei, "IR")).post("/proposals").then().statusCode(201).extract().path("id");

        given().auth().oauth2(applicant).post("/proposals/" + proposalId + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("rule", equalTo("TARGET_EMBARGOED"))
                .body("field", equalTo("/targets/0/country"));
        given().auth().oauth2(applicant).get("/proposals/" + proposalId).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void member_from_a_country_of_concern_is_refused() throws Exception {
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(member(newUei(), "SG", "HK"))
                .post("/consortia/" + consortiumId + "/members").then().statusCode(422)
                .body("rule", equalTo("COUNTRY_OF_CONCERN_MEMBER")).body("field", equalTo("/controlledFrom"));
    }

    @Test
    void refusals_401_403_and_404_for_another_consortium() throws Exception {
        given().get("/calls").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-jwt").get("/calls").then().statusCode(401);
        String uei = newUei();
        String applicant = token(uei, "applicant");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Map.of("title", "x"))
                .post("/calls").then().statusCode(403).body("rule", equalTo("FORBIDDEN"));

        String callId = publishedCall();
        String consortiumId = consortium(applicant, uei);
        String proposalId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(proposal(callId, consortiumId, uei, "DE")).post("/proposals").then().statusCode(201).extract().path("id");
        String otherUei = newUei();
        String other = token(otherUei, "applicant");
        given().auth().oauth2(other).get("/proposals/" + proposalId).then().statusCode(404).body("rule", equalTo("NOT_FOUND"));
        // a draft for another organisation's consortium is refused by its rule, naming the consortium; one for none too
        given().auth().oauth2(other).contentType(ContentType.JSON).body(proposal(callId, consortiumId, otherUei, "DE"))
                .post("/proposals").then().statusCode(422).body("rule", equalTo("CONSORTIUM_NOT_OWNED"))
                .body("field", equalTo("/consortiumId"));
        given().auth().oauth2(other).contentType(ContentType.JSON).body(proposal(callId, UUID.randomUUID().toString(), otherUei, "DE"))
                .post("/proposals").then().statusCode(422).body("rule", equalTo("CONSORTIUM_UNKNOWN"))
                .body("field", equalTo("/consortiumId"));
        // a call id that is no identifier is bad input naming it (400), not a call that is not there
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(proposal("' OR '1'='1' --", consortiumId, uei, "DE"))
                .post("/proposals").then().statusCode(400).body("rule", equalTo("IDENTIFIER_INVALID"))
                .body("field", equalTo("/callId"));
        given().auth().oauth2(other).get("/proposals").then().statusCode(200).body("total", equalTo(0));
        // a draft is its consortium's only (Disclosure): a reviewer reads it once submitted
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/proposals/" + proposalId).then().statusCode(404)
                .body("rule", equalTo("NOT_FOUND"));
        given().auth().oauth2(applicant).post("/proposals/" + proposalId + "/submit").then().statusCode(200);
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/proposals/" + proposalId).then().statusCode(200);
    }

    @Test
    void concurrent_edits_with_the_same_version_one_wins_the_others_get_412() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String proposalId = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(proposal(callId, consortiumId, uei, "DE")).post("/proposals").then().statusCode(201).extract().path("id");
        // the version to send as If-Match is the ETag of the GET, the aggregate's version: for a call as for a proposal
        given().auth().oauth2(applicant).get("/proposals/" + proposalId).then().statusCode(200).header("ETag", "\"0\"");
        // a call drafted then published is at version 1 (its terms' own version counts amendments only)
        given().auth().oauth2(applicant).get("/calls/" + callId).then().statusCode(200).header("ETag", "\"1\"");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            edits.add(() -> given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(proposal(callId, consortiumId, uei, "FR")).put("/proposals/" + proposalId).statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(edits)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "exactly one edit wins: " + codes);
        assertEquals(7, codes.stream().filter(c -> c == 412).count(), "the others' precondition failed: " + codes);
        given().auth().oauth2(applicant).get("/proposals/" + proposalId).then().body("version", equalTo(1));
    }

    @Test
    void operations_endpoints_are_open_and_report_the_publisher_lag() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("kafka-publisher")).body("checks.find { it.name == 'kafka-publisher' }.data.lagEvents", org.hamcrest.Matchers.notNullValue());
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("aiexports_publisher_lag_events{processor=\"kafka-publisher\""),
                        org.hamcrest.Matchers.containsString("aiexports_processor_lag_events{processor=\"kafka-publisher\""),
                        org.hamcrest.Matchers.containsString("agroal_active_count"),
                        org.hamcrest.Matchers.containsString("aiexports_consumer_dead_letters_total")));
    }

    @Test
    void malformed_json_is_a_400_problem_naming_the_rule() throws Exception {
        String uei = newUei();
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/consortia").then().statusCode(400).contentType("application/problem+json")
                .body("rule", equalTo("MALFORMED_JSON"));
        // a well-formed UEI of another organisation is refused (403); a malformed one is bad input first (400)
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "anchorMember", member(newUei(), "US", "US")))
                .post("/consortia").then().statusCode(403);
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "anchorMember", member("bad", "US", "US")))
                .post("/consortia").then().statusCode(400).body("rule", equalTo("UEI_INVALID"))
                .body("field", equalTo("/anchorMember/uei"));
        // no anchor member: refused naming it; one without its uei: naming the uei
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON).body(Map.of("name", "x"))
                .post("/consortia").then().statusCode(400).body("rule", equalTo("FIELD_REQUIRED"))
                .body("field", equalTo("/anchorMember"));
        Map<String, Object> noUei = new java.util.HashMap<>(member(uei, "US", "US"));
        noUei.remove("uei");
        given().auth().oauth2(token(uei, "applicant")).contentType(ContentType.JSON).body(Map.of("name", "x", "anchorMember", noUei))
                .post("/consortia").then().statusCode(400).body("rule", equalTo("FIELD_REQUIRED"))
                .body("field", equalTo("/anchorMember/uei"));
        given().auth().oauth2(token("BAD", "applicant")).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "anchorMember", member("BAD", "US", "US")))
                .post("/consortia").then().statusCode(400).body("rule", equalTo("UEI_INVALID"))
                .body("field", equalTo("/anchorMember/uei"));
    }

    static IntegrationEvent awaitPublished(String proposalId, String type) throws Exception {
        return gov.commerce.aiexports.testsupport.TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(),
                Topics.PROPOSALS, proposalId, type);
    }
}
