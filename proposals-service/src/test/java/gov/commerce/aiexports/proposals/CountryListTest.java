package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.proposals.screening.Rescreening;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Commerce loads a new version of the country-group list: it is validated and kept with its
 * history, every open proposal and designation is screened again once, and submissions from its
 * effective date use it. Its own database: a loaded list screens every later submission.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = CountryListTest.DATABASE),
        restrictToAnnotatedClass = true)
class CountryListTest {

    static final String DATABASE = "proposals_lists";

    @Inject
    Rescreening rescreening;

    /** The bundled list as a load request, with Cambodia moved into Country Group E:1. */
    static Map<String, Object> cambodiaEmbargoed(String version) {
        CountryGroups g = CountryGroups.load();
        List<String> e1 = new java.util.ArrayList<>(g.E1());
        e1.add("KH");
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("effectiveAt", Instant.now().minusSeconds(1).toString());
        body.put("source", "15 CFR Part 740, Supp. 1, as amended (test)");
        body.put("E1", e1);
        body.put("E2", g.E2());
        body.put("ofacComprehensiveCountries", g.ofacComprehensiveCountries());
        body.put("ofacComprehensiveRegions", g.ofacComprehensiveRegions());
        body.put("D1", g.D1());
        body.put("D5", g.D5());
        body.put("treatedAs", g.treatedAs());
        return body;
    }

    static long eventsOfType(String aggregateId, String typeSuffix) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect(DATABASE);
                PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like ?")) {
            s.setString(1, aggregateId);
            s.setString(2, "%" + typeSuffix);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String submitted(String applicant, String uei, String callId, String country) {
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(proposal(callId, consortium(applicant, uei), uei, country)).post("/proposals").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(applicant).post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    @Test
    void a_list_is_validated_before_it_screens_anything() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        int before = given().auth().oauth2(officer).get("/country-lists").then().statusCode(200).extract().jsonPath().getList("$").size();
        Map<String, Object> body = cambodiaEmbargoed("BAD-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("D1", List.of("CN", "XX"));
        body.remove("effectiveAt");
        body.put("ofacComprehensiveRegions", List.of(Map.of("code", "RU-43", "country", "UA", "names", List.of("Crimea"))));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(body).post("/country-lists").then().statusCode(400)
                .body("violations.rule", hasItem("COUNTRY_CODE_UNKNOWN"))
                .body("violations.find { it.rule == 'COUNTRY_CODE_UNKNOWN' }.field", equalTo("/D1/1"))
                .body("violations.rule", hasItem("EFFECTIVE_AT_REQUIRED"))
                .body("violations.find { it.rule == 'REGION_INVALID' }.field", equalTo("/ofacComprehensiveRegions/0/code"));
        Map<String, Object> early = cambodiaEmbargoed("EARLY-" + UUID.randomUUID().toString().substring(0, 8));
        early.put("effectiveAt", "2020-01-01T00:00:00Z");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(early).post("/country-lists").then().statusCode(400)
                .body("violations.rule", hasItem("EFFECTIVE_AT_NOT_AFTER_CURRENT"));
        given().auth().oauth2(token(newUei(), "applicant")).contentType(ContentType.JSON).body(cambodiaEmbargoed("X1"))
                .post("/country-lists").then().statusCode(403);
        assertEquals(before, given().auth().oauth2(officer).get("/country-lists").then().extract().jsonPath().getList("$").size());
        // reference data: every role reads the history, the bundled version first
        given().auth().oauth2(token("OPS", "operator")).get("/country-lists").then().statusCode(200)
                .body("[0].version", equalTo(CountryGroups.load().version()));
    }

    @Test
    void a_new_list_screens_open_proposals_again_once_and_screens_later_submissions() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String cambodia = submitted(applicant, uei, callId, "KH");
        String germany = submitted(applicant, uei, callId, "DE");
        String bundled = CountryGroups.load().version();

        String version = "EAR-740-SUPP1-TEST-" + UUID.randomUUID().toString().substring(0, 8);
        String officer = token("COMMERCE", "commerce-officer");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(cambodiaEmbargoed(version)).post("/country-lists")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/country-lists/" + version))
                .body("version", equalTo(version)).body("loadedBy", equalTo("user-COMMERCE"));
        given().auth().oauth2(officer).contentType(ContentType.JSON).body(cambodiaEmbargoed(version)).post("/country-lists")
                .then().statusCode(409).body("rule", equalTo("COUNTRY_LIST_VERSION_EXISTS")).body("field", equalTo("/version"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(officer).get("/country-lists/" + version)
                .then().statusCode(200).body("rescreening.proposalsChanged", org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
        JsonPath kh = given().auth().oauth2(applicant).get("/proposals/" + cambodia).then().statusCode(200).extract().jsonPath();
        assertEquals(version, kh.getString("countryListVersion"));
        assertEquals(1, kh.getList("rescreenings").size());
        assertEquals(bundled, kh.getString("rescreenings[0].previousListVersion"));
        assertEquals("TARGET_EMBARGOED", kh.getString("rescreenings[0].findings[0].code"));
        assertEquals("/targets/0/country", kh.getString("rescreenings[0].findings[0].field"));
        String detail = kh.getString("rescreenings[0].findings[0].detail");
        assertTrue(detail.contains(bundled) && detail.contains(version), "both versions cited: " + detail);
        given().auth().oauth2(applicant).get("/proposals/" + germany).then().body("rescreenings", nullValue())
                .body("countryListVersion", equalTo(bundled));
        assertEquals(1, eventsOfType(cambodia, "Rescreened"));

        // the rescreening run again (as the scheduled job does after a stop midway) records nothing twice
        rescreening.run(version);
        assertEquals(1, eventsOfType(cambodia, "Rescreened"));
        assertEquals(0, eventsOfType(germany, "Rescreened"));
        assertEquals(1, eventsOfType(version, "RescreeningCompleted"));

        // Commerce and the consortium learn of it (the integration event, with both versions)
        var published = gov.commerce.aiexports.testsupport.TestBus.awaitPublished(
                TestInfrastructure.get().kafka().bootstrapServers(), gov.commerce.aiexports.events.Topics.PROPOSALS, cambodia,
                "ProposalRescreened");
        assertEquals(version, published.payload().path("listVersion").asText());
        assertEquals(bundled, published.payload().path("previousListVersion").asText());

        // from its effective date, a submission targeting Cambodia is refused under the new version
        String late = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(proposal(callId, consortium(applicant, uei), uei, "KH")).post("/proposals").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(applicant).post("/proposals/" + late + "/submit").then().statusCode(422)
                .body("violations.rule", hasItem("TARGET_EMBARGOED"))
                .body("violations.find { it.rule == 'TARGET_EMBARGOED' }.detail", org.hamcrest.Matchers.containsString(version));
    }
}
