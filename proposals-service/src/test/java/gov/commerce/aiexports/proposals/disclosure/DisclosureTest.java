package gov.commerce.aiexports.proposals.disclosure;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The need-to-know rule on proposals-service's read paths (single read, list, CSV, timeline), and
 * the account of disclosure: each confidential section holds its own canary string, and each reader
 * finds exactly the canaries the rule allows it.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class DisclosureTest {

    private static final List<String> MARKED = List.of("summary", "stack.hardware", "stack.models", "targets", "businessModel",
            "incentives");

    record Submitted(String id, String uei, String callId, Map<String, String> canaries) {
    }

    static RequestSpecification as(String org, String role) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint(role + "@" + org, org, role));
    }

    static String newUei() {
        return ("D" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    static String call() throws Exception {
        String id = as("COMMERCE", "commerce-officer").contentType(ContentType.JSON)
                .body(Map.of("title", "FY2026 call", "fiscalYear", 2026, "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN", "FEASIBILITY_STUDY"), "requiredAgencies", List.of("STATE", "DEFENSE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        as("COMMERCE", "commerce-officer").post("/calls/" + id + "/publish").then().statusCode(200);
        return id;
    }

    /** A proposal (to Vietnam: a screening flag about /targets) whose marked sections each hold their own canary. */
    static Submitted proposal(boolean submit) throws Exception {
        String uei = newUei();
        String callId = call();
        String consortium = as(uei, "applicant").contentType(ContentType.JSON)
                .body(Map.of("name", "Consortium " + uei, "anchorMember", Map.of("legalName", "Anchor " + uei, "uei", uei,
                        "countryOfIncorporation", "US", "controlledFrom", "US", "layers", List.of("hardware"))))
                .post("/consortia").then().statusCode(201).extract().path("id");
        Map<String, String> canaries = new HashMap<>();
        for (String s : List.of("summary", "stack.hardware", "stack.models", "stack.security", "businessModel")) {
            canaries.put(s, "CANARY-" + s + "-" + UUID.randomUUID());
        }
        Map<String, Object> layer = Map.of("description", "plain layer", "suppliers", List.of(uei));
        Map<String, Object> body = new HashMap<>(Map.of("callId", callId, "consortiumId", consortium, "title", "Sovereign AI " + uei,
                "summary", canaries.get("summary"),
                "stack", Map.of("hardware", Map.of("description", canaries.get("stack.hardware"), "suppliers", List.of(uei),
                                "usOriginSharePercent", 62.5, "domesticManufacturing", "Arizona"),
                        "dataPipelines", layer, "models", Map.of("description", canaries.get("stack.models"), "suppliers", List.of(uei)),
                        "security", Map.of("description", canaries.get("stack.security"), "suppliers", List.of(uei)),
                        "applications", layer),
                "targets", List.of(Map.of("country", "VN")),
                "businessModel", canaries.get("businessModel"),
                "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 24681357.00, "tenorYears", 13)),
                "exportControlAttestation", true));
        body.put("confidentialSections", MARKED.stream().map(s -> Map.of("section", s, "justification", "trade secret")).toList());
        String id = as(uei, "applicant").contentType(ContentType.JSON).body(body).post("/proposals").then().statusCode(201)
                .extract().path("id");
        if (submit) {
            as(uei, "applicant").post("/proposals/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        }
        return new Submitted(id, uei, callId, canaries);
    }

    static String read(String org, String role, String path) throws Exception {
        return as(org, role).get(path).then().statusCode(200).extract().asString();
    }

    static void sees(Submitted p, String body, String... sections) {
        List<String> shown = List.of(sections);
        p.canaries().forEach((section, canary) -> {
            // stack.security is not marked: whoever sees the proposal sees it
            boolean expected = section.equals("stack.security") || shown.contains(section);
            assertEquals(expected, body.contains(canary), section + (expected ? " shown" : " withheld") + " in " + body);
        });
        assertEquals(shown.contains("incentives"), body.contains("24681357"), "incentives " + body);
    }

    static void publish(IntegrationPayload payload, String type, String topic, String aggregate, String key) throws Exception {
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), type,
                gov.commerce.aiexports.events.EventCatalog.contractOf(payload.getClass()).version(), aggregate, key, 1, Instant.now(), "test",
                "corr-" + key, UUID.randomUUID().toString(), new Actor("someone", "COMMERCE", List.of("commerce-officer")),
                EventCodec.mapper().valueToTree(payload));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), topic, key, event);
    }

    @Test
    void each_reader_sees_the_confidential_sections_the_rule_allows_and_a_marker_for_the_others() throws Exception {
        Submitted p = proposal(true);
        String path = "/proposals/" + p.id();
        sees(p, read(p.uei(), "applicant", path), MARKED.toArray(String[]::new));
        sees(p, read("COMMERCE", "commerce-officer", path), MARKED.toArray(String[]::new));
        sees(p, read("STATE", "agency-reviewer", path), MARKED.toArray(String[]::new));
        sees(p, read("GAO", "auditor", path), MARKED.toArray(String[]::new));
        sees(p, read("ENERGY", "agency-reviewer", path));
        sees(p, read("EDAG", "edag-coordinator", path));
        sees(p, read("EXIM", "financing-officer", path));

        JsonPath energy = JsonPath.from(read("ENERGY", "agency-reviewer", path));
        assertEquals(Map.of("withheld", "BUSINESS_CONFIDENTIAL", "because", "AGENCY_NOT_REQUIRED"), energy.getMap("content.summary"));
        assertEquals("BUSINESS_CONFIDENTIAL", energy.getString("content.targets.withheld"));
        assertEquals("BUSINESS_CONFIDENTIAL", energy.getString("content.stack.hardware.withheld"));
        assertEquals("plain layer", energy.getString("content.stack.dataPipelines.description"), "an unmarked layer is shown");
        assertEquals("Sovereign AI " + p.uei(), energy.getString("content.title"));
        assertEquals("[withheld: BUSINESS_CONFIDENTIAL]", energy.getString("flags.find { it.code == 'TARGET_COUNTRY_GROUP_D' }.detail"),
                "a screening flag naming a target country is withheld with the targets");

        // Prefer: withheld=null: the same decisions, each withheld section null and named with its reason
        var typed = as("ENERGY", "agency-reviewer").header("Prefer", "withheld=null").get(path).then().statusCode(200)
                .header("Preference-Applied", "withheld=null").extract();
        JsonPath separate = JsonPath.from(typed.asString());
        assertNull(separate.get("content.summary"));
        assertEquals("AGENCY_NOT_REQUIRED", separate.getString("content.withheldFields.summary"));
        assertEquals("AGENCY_NOT_REQUIRED", separate.getString("content.withheldFields.targets"));
        assertEquals("AGENCY_NOT_REQUIRED", separate.getString("content.stack.withheldFields.hardware"));
        assertNull(separate.get("content.stack.hardware"));
        assertEquals("plain layer", separate.getString("content.stack.dataPipelines.description"));
        assertEquals("Sovereign AI " + p.uei(), separate.getString("content.title"));
        assertFalse(typed.asString().contains("{\"withheld\":"), "no marker left: " + typed.asString());
        sees(p, typed.asString());
        // the owner, who is shown everything, reads the same view with nothing named
        String owners = as(p.uei(), "applicant").header("Prefer", "withheld=null").get(path).then().statusCode(200).extract().asString();
        sees(p, owners, MARKED.toArray(String[]::new));
        assertFalse(owners.contains("withheldFields"), owners);

        // another applicant and operators: not there at all
        as(newUei(), "applicant").get(path).then().statusCode(404);
        as("OPS", "operator").get(path).then().statusCode(404);
        as("OPS", "operator").get(path + "/timeline").then().statusCode(404);
        as("OPS", "operator").get("/proposals").then().statusCode(403);
    }

    @Test
    void drafts_are_their_consortiums_only_in_reads_and_lists() throws Exception {
        Submitted draft = proposal(false);
        read(draft.uei(), "applicant", "/proposals/" + draft.id());
        for (String[] reader : new String[][] {{"COMMERCE", "commerce-officer"}, {"STATE", "agency-reviewer"}, {"GAO", "auditor"}}) {
            as(reader[0], reader[1]).get("/proposals/" + draft.id()).then().statusCode(404);
            as(reader[0], reader[1]).get("/proposals/" + draft.id() + "/timeline").then().statusCode(404);
            as(reader[0], reader[1]).queryParam("callId", draft.callId()).get("/proposals").then().statusCode(200)
                    .body("total", equalTo(0)).body("items.id", not(hasItem(draft.id())));
        }
        as(draft.uei(), "applicant").queryParam("callId", draft.callId()).get("/proposals").then().statusCode(200)
                .body("items.id", hasItem(draft.id()));
    }

    @Test
    void lists_csv_and_filters_never_reveal_a_withheld_section() throws Exception {
        Submitted p = proposal(true);
        String list = as("ENERGY", "agency-reviewer").queryParam("callId", p.callId()).get("/proposals").then().statusCode(200)
                .body("items.id", hasItem(p.id())).extract().asString();
        sees(p, list);
        sees(p, as("STATE", "agency-reviewer").queryParam("callId", p.callId()).get("/proposals").then().statusCode(200)
                .extract().asString(), MARKED.toArray(String[]::new));
        // filtering on a withheld section would reveal it: the proposal does not match for that reader
        as("ENERGY", "agency-reviewer").queryParam("callId", p.callId()).queryParam("country", "VN").get("/proposals").then()
                .statusCode(200).body("total", equalTo(0));
        as("ENERGY", "agency-reviewer").queryParam("callId", p.callId()).queryParam("instrument", "DIRECT_LOAN").get("/proposals")
                .then().statusCode(200).body("total", equalTo(0));
        as("STATE", "agency-reviewer").queryParam("callId", p.callId()).queryParam("country", "VN").get("/proposals").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(p.id()));

        String csv = as("ENERGY", "agency-reviewer").accept("text/csv").queryParam("callId", p.callId()).get("/proposals").then()
                .statusCode(200).extract().asString();
        String row = csv.lines().filter(l -> l.contains(p.id())).findFirst().orElseThrow();
        assertTrue(row.contains("\"[withheld: BUSINESS_CONFIDENTIAL]\",\"[withheld: BUSINESS_CONFIDENTIAL]\""), row);
        assertFalse(row.contains("VN") || row.contains("DIRECT_LOAN"), row);
        String stateCsv = as("STATE", "agency-reviewer").accept("text/csv").queryParam("callId", p.callId()).get("/proposals").then()
                .statusCode(200).extract().asString();
        assertTrue(stateCsv.contains("\"VN\",\"DIRECT_LOAN\""), stateCsv);
    }

    @Test
    void financing_readers_see_what_a_financing_decision_needs_once_designated_and_routed_to_them() throws Exception {
        Submitted p = proposal(true);
        String path = "/proposals/" + p.id();
        sees(p, read("EDAG", "edag-coordinator", path));
        publish(new ProposalDesignated("review-" + p.id(), p.id(), "PAEP-2026-0001", "cons", p.uei(), LocalDate.now(), List.of(),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("20000000.00"), 13)), "strategic", List.of("STATE"),
                List.of()),
                "ProposalDesignated", Topics.REVIEW, "Review", p.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(p.uei(), "applicant").get(path).then()
                .body("status", equalTo("DESIGNATED")));
        sees(p, read("EDAG", "edag-coordinator", path), "targets", "businessModel", "incentives");
        sees(p, read("EXIM", "financing-officer", path));
        assertEquals("NO_FINANCING_NEED", JsonPath.from(read("EDAG", "edag-coordinator", path)).getString("content.summary.because"));

        publish(new IncentiveRequestRouted("line-" + p.id(), p.id(), "PAEP-2026-0001", p.uei(), Instrument.DIRECT_LOAN,
                new BigDecimal("20000000.00"), "EXIM", "12 years", new BigDecimal("4.5")), "IncentiveRequestRouted", Topics.INCENTIVES,
                "IncentiveRequest", "line-" + p.id());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sees(p, read("EXIM", "financing-officer", path), "targets",
                "businessModel", "incentives"));
        sees(p, read("DFC", "financing-officer", path));
    }

    @Test
    void the_timeline_withholds_what_its_entries_would_reveal() throws Exception {
        Submitted p = proposal(true);
        publish(new IncentiveRequestRouted("line-" + p.id(), p.id(), "PAEP-2026-0001", p.uei(), Instrument.DIRECT_LOAN,
                new BigDecimal("24681357.00"), "EXIM", "12 years", new BigDecimal("4.5")), "IncentiveRequestRouted", Topics.INCENTIVES,
                "IncentiveRequest", "line-" + p.id());
        String timeline = "/proposals/" + p.id() + "/timeline";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("STATE", "agency-reviewer").get(timeline).then().statusCode(200)
                .body("find { it.eventType == 'IncentiveRequestRouted' }.summary", org.hamcrest.Matchers.containsString("24681357")));
        String energy = as("ENERGY", "agency-reviewer").get(timeline).then().statusCode(200)
                .body("find { it.eventType == 'IncentiveRequestRouted' }.summary",
                        equalTo("IncentiveRequestRouted: [withheld: BUSINESS_CONFIDENTIAL]"))
                .extract().asString();
        assertFalse(energy.contains("24681357"), energy);
        as(p.uei(), "applicant").get(timeline).then().statusCode(200)
                .body("find { it.eventType == 'IncentiveRequestRouted' }.summary", org.hamcrest.Matchers.containsString("24681357"));
    }

    @Test
    void only_auditors_read_through_audit_and_each_of_their_reads_of_confidential_content_is_accounted_for() throws Exception {
        Submitted p = proposal(true);
        String history = "/audit/aggregates/" + p.id() + "/events";
        // no one but auditors reaches the store's content: every other kind of caller is refused
        for (String[] other : new String[][] {{p.uei(), "applicant"}, {"COMMERCE", "commerce-officer"}, {"STATE", "agency-reviewer"},
                {"EDAG", "edag-coordinator"}, {"EXIM", "financing-officer"}, {"OPS", "operator"}}) {
            as(other[0], other[1]).get(history).then().statusCode(403);
            as(other[0], other[1]).get("/audit/aggregates/" + p.id() + "/state").then().statusCode(403);
            as(other[0], other[1]).get("/audit/events").then().statusCode(403);
            as(other[0], other[1]).accept("application/x-ndjson").get("/audit/events").then().statusCode(403);
        }
        String events = as("GAO", "auditor").get(history).then().statusCode(200).extract().asString();
        assertTrue(events.contains(p.canaries().get("businessModel")), "auditors read the store as stored");
        long submitted = JsonPath.from(events).getLong("find { it.eventType.endsWith('Submitted') }.globalIndex");
        as("GAO", "auditor").get("/audit/aggregates/" + p.id() + "/state").then().statusCode(200);
        as("GAO", "auditor").queryParam("type", "Submitted").queryParam("after", submitted - 1).queryParam("limit", 1)
                .get("/audit/events").then().statusCode(200).body("items[0].aggregateId", equalTo(p.id()));
        String export = as("GAO", "auditor").accept("application/x-ndjson").queryParam("type", "Submitted")
                .queryParam("after", submitted - 1).get("/audit/events").then().statusCode(200).extract().asString();
        assertTrue(export.contains(p.id()), "the export holds the submission");

        JsonPath account = JsonPath.from(as(p.uei(), "applicant").get("/proposals/" + p.id() + "/disclosures").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("GET /audit/aggregates/{id}/events", "GET /audit/aggregates/{id}/state", "GET /audit/events",
                "GET /audit/events (application/x-ndjson)"), account.getList("path"));
        assertEquals(List.of("GAO", "GAO", "GAO", "GAO"), account.getList("organisation"));
        for (int i = 0; i < 4; i++) {
            assertEquals(List.of("summary", "stack.hardware", "stack.models", "targets", "businessModel", "incentives"),
                    account.getList("[" + i + "].sections"), account.getString("[" + i + "].path"));
        }
        assertEquals(List.of("auditor"), account.getList("[0].roles"));
    }

    @Test
    void the_account_lists_each_outsiders_read_of_a_confidential_section_and_not_the_owners() throws Exception {
        Submitted p = proposal(true);
        String path = "/proposals/" + p.id();
        read(p.uei(), "applicant", path);
        read("COMMERCE", "commerce-officer", path);
        read("ENERGY", "agency-reviewer", path); // shown nothing confidential: no disclosure
        as("STATE", "agency-reviewer").accept("text/csv").queryParam("callId", p.callId()).get("/proposals").then().statusCode(200);

        JsonPath account = JsonPath.from(as(p.uei(), "applicant").get(path + "/disclosures").then().statusCode(200).extract().asString());
        assertEquals(List.of("COMMERCE", "STATE"), account.getList("organisation"));
        assertEquals(List.of("GET /proposals/{id}", "GET /proposals (text/csv)"), account.getList("path"));
        assertEquals(List.of("summary", "stack.hardware", "stack.models", "targets", "businessModel", "incentives"),
                account.getList("[0].sections"));
        assertEquals(List.of(Sections.TARGETS, Sections.INCENTIVES), account.getList("[1].sections"),
                "the CSV carries only the targets and the instruments");
        assertEquals("commerce-officer@COMMERCE", account.getString("[0].subject"));
        assertEquals(List.of("commerce-officer"), account.getList("[0].roles"));

        // the auditor's own read is accounted for, and it may list the account; no one else may
        read("GAO", "auditor", path);
        as("GAO", "auditor").get(path + "/disclosures").then().statusCode(200).body("organisation", equalTo(List.of("COMMERCE", "STATE", "GAO")));
        as(newUei(), "applicant").get(path + "/disclosures").then().statusCode(404);
        as("COMMERCE", "commerce-officer").get(path + "/disclosures").then().statusCode(403);
        as("OPS", "operator").get(path + "/disclosures").then().statusCode(403);
    }

    @Test
    void reads_through_other_services_reach_the_account_once_however_often_their_batch_is_delivered() throws Exception {
        Submitted p = proposal(true);
        String path = "/proposals/" + p.id();
        gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead batch = new gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead(
                UUID.randomUUID().toString(), "review-service", List.of(
                        new gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.Read(p.id(), "reviewer@STATE", "STATE",
                                List.of("agency-reviewer"), Instant.parse("2026-11-02T10:00:00Z"), List.of(Sections.TARGETS, Sections.INCENTIVES),
                                "review-service GET /reviews/{id}", "corr-review-read"),
                        new gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.Read("another-proposal", "reviewer@STATE", "STATE",
                                List.of("agency-reviewer"), Instant.parse("2026-11-02T10:00:00Z"), List.of(Sections.TARGETS),
                                "review-service GET /reviews", "corr-review-list")));
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), "ConfidentialSectionsRead", 1, "DisclosureBatch", batch.batchId(), 0,
                Instant.now(), "review-service", batch.batchId(), null, Actor.system("review-service"), EventCodec.mapper().valueToTree(batch));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, batch.batchId(), event);
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, batch.batchId(), event); // redelivered

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(p.uei(), "applicant").get(path + "/disclosures").then().statusCode(200)
                .body("correlationId", equalTo(List.of("corr-review-read"))));
        // the second delivery is processed (or skipped) by now: a batch after it on the same partition has arrived
        String marker = UUID.randomUUID().toString();
        IntegrationEvent later = new IntegrationEvent(UUID.randomUUID(), "ConfidentialSectionsRead", 1, "DisclosureBatch", marker, 0,
                Instant.now(), "review-service", marker, null, Actor.system("review-service"), EventCodec.mapper().valueToTree(
                        new gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead(marker, "review-service", List.of(
                                new gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.Read(p.id(), "auditor@GAO", "GAO",
                                        List.of("auditor"), Instant.parse("2026-11-02T11:00:00Z"), List.of(Sections.INCENTIVES),
                                        "review-service GET /audit/events", "corr-audit-read")))));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, batch.batchId(), later);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(p.uei(), "applicant").get(path + "/disclosures").then().statusCode(200)
                .body("correlationId", equalTo(List.of("corr-review-read", "corr-audit-read"))));
        JsonPath account = JsonPath.from(as("GAO", "auditor").get(path + "/disclosures").then().statusCode(200).extract().asString());
        assertEquals(List.of("review-service GET /reviews/{id}", "review-service GET /audit/events"), account.getList("path"));
        assertEquals(List.of(Sections.TARGETS, Sections.INCENTIVES), account.getList("[0].sections"));
        assertEquals("STATE", account.getString("[0].organisation"));
        assertEquals(List.of("agency-reviewer"), account.getList("[0].roles"));
    }
}
