package gov.commerce.aiexports.proposals.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Documents over HTTP with the real stack (PostgreSQL, Kafka, tokens): uploads refused by content and
 * size, each file's own marking applied by the disclosure rule, downloads checked against the
 * recorded hash, and files fixed once the proposal is submitted.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class DocumentsTest {

    static final byte[] PDF = ("%PDF-1.7\n% technical volume " + UUID.randomUUID() + "\n" + "stream ".repeat(2000))
            .getBytes(StandardCharsets.ISO_8859_1);

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "aiexports.documents.max-bytes")
    long maxBytes;

    record Draft(String id, String uei) {
    }

    static RequestSpecification as(String org, String role) throws Exception {
        return given().auth().oauth2(token(org, role));
    }

    static String token(String org, String role) throws Exception {
        return TestInfrastructure.get().tokens().mint(role + "@" + org, org, role);
    }

    static Draft draft() throws Exception {
        String uei = ("F" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
        String call = as("COMMERCE", "commerce-officer").contentType(ContentType.JSON)
                .body(Map.of("title", "FY2026 call", "fiscalYear", 2026, "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        as("COMMERCE", "commerce-officer").post("/calls/" + call + "/publish").then().statusCode(200);
        String consortium = as(uei, "applicant").contentType(ContentType.JSON)
                .body(Map.of("name", "Consortium " + uei, "anchorMember", Map.of("legalName", "Anchor " + uei, "uei", uei,
                        "countryOfIncorporation", "US", "controlledFrom", "US", "layers", List.of("hardware"))))
                .post("/consortia").then().statusCode(201).extract().path("id");
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        String id = as(uei, "applicant").contentType(ContentType.JSON).body(Map.of("callId", call, "consortiumId", consortium,
                        "title", "Grid AI " + uei, "summary", "summary",
                        "stack", Map.of("hardware", Map.of("description", "gpus", "suppliers", List.of(uei), "usOriginSharePercent", 62.5,
                                "domesticManufacturing", "Arizona"), "dataPipelines", layer, "models", layer, "security", layer,
                                "applications", layer),
                        "targets", List.of(Map.of("country", "DE")), "businessModel", "build-own-operate",
                        "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 1000000, "tenorYears", 10)),
                        "exportControlAttestation", true))
                .post("/proposals").then().statusCode(201).extract().path("id");
        return new Draft(id, uei);
    }

    static Response upload(Draft d, String path, String name, String marking, String type, byte[] body) throws Exception {
        RequestSpecification r = as(d.uei(), "applicant").contentType(type).body(body);
        if (name != null) {
            r = r.queryParam("name", name);
        }
        if (marking != null) {
            r = r.queryParam("confidentiality", marking);
        }
        return r.post("/proposals/" + d.id() + "/documents" + path);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static void submit(Draft d) throws Exception {
        as(d.uei(), "applicant").post("/proposals/" + d.id() + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void an_executable_renamed_pdf_is_refused_naming_the_rule_and_nothing_is_kept() throws Exception {
        Draft d = draft();
        byte[] exe = new byte[20_000];
        exe[0] = 'M';
        exe[1] = 'Z';
        upload(d, "", "technical-volume.pdf", "BUSINESS_CONFIDENTIAL", "application/pdf", exe).then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("DOCUMENT_TYPE_NOT_ALLOWED")).body("field", equalTo("/body"));
        upload(d, "", "letter.pdf", "NOT_CONFIDENTIAL", "image/png", PDF).then().statusCode(422)
                .body("rule", equalTo("DOCUMENT_TYPE_MISMATCH"));
        upload(d, "", null, "NOT_CONFIDENTIAL", "application/pdf", PDF).then().statusCode(400).body("violations.field", hasItem("/name"));
        upload(d, "", "a.pdf", "SECRET", "application/pdf", PDF).then().statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED"));
        as(d.uei(), "applicant").get("/proposals/" + d.id() + "/documents").then().statusCode(200).body("size()", equalTo(0));
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("select count(*) from document_file f where not exists "
                     + "(select 1 from proposal_document p where p.doc->>'fileId' = f.file_id)")) {
            var rs = s.executeQuery();
            rs.next();
            assertEquals(0, rs.getLong(1), "a refused upload leaves no stored bytes");
        }
    }

    @Test
    void a_file_past_the_limit_is_refused_while_it_streams_and_nothing_is_kept() throws Exception {
        Draft d = draft();
        // the tests' limit is small (aiexports.documents.max-bytes in %test): one byte more than it, a PDF by its first bytes
        byte[] big = new byte[Math.toIntExact(maxBytes + 1)];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        base.resolve("/proposals/" + d.id() + "/documents?name=huge.pdf&confidentiality=NOT_CONFIDENTIAL"))
                .header("Authorization", "Bearer " + token(d.uei(), "applicant")).header("Content-Type", "application/pdf")
                .timeout(java.time.Duration.ofSeconds(60))
                // chunked, no length declared: the limit is found while the file streams in
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(big)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("DOCUMENT_TOO_LARGE", JsonPath.from(response.body()).getString("rule"));
        as(d.uei(), "applicant").get("/proposals/" + d.id() + "/documents").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void a_confidential_file_is_invisible_to_another_applicant_and_to_an_agency_without_need_to_know() throws Exception {
        Draft d = draft();
        String secret = upload(d, "", "audited-financials.pdf", "BUSINESS_CONFIDENTIAL", "application/pdf", PDF).then().statusCode(201)
                .body("version", equalTo(1)).body("sha256", equalTo(sha256(PDF))).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length)).extract().path("documentId");
        byte[] letter = "Letter of support from the Ministry\n".getBytes(StandardCharsets.UTF_8);
        String open = upload(d, "", "letter.txt", "NOT_CONFIDENTIAL", "text/plain", letter).then().statusCode(201)
                .extract().path("documentId");
        submit(d);
        String secretPath = "/proposals/" + d.id() + "/documents/" + secret + "/versions/1";
        String openPath = "/proposals/" + d.id() + "/documents/" + open + "/versions/1";

        // another consortium: the proposal, its list and its files do not exist for it
        Draft other = draft();
        as(other.uei(), "applicant").get("/proposals/" + d.id() + "/documents").then().statusCode(404);
        as(other.uei(), "applicant").get(secretPath).then().statusCode(404);
        // an agency the call does not require: the file's name, hash and bytes are withheld
        String listed = as("ENERGY", "agency-reviewer").get("/proposals/" + d.id() + "/documents").then().statusCode(200)
                .extract().asString();
        assertFalse(listed.contains("audited-financials"), listed);
        assertFalse(listed.contains(sha256(PDF)), listed);
        assertTrue(listed.contains("AGENCY_NOT_REQUIRED"), listed);
        assertTrue(listed.contains("letter.txt"), "an unmarked file is shown to whoever sees the proposal: " + listed);
        // a page of one document: the next by the Link header, both documents once
        Response first = as("ENERGY", "agency-reviewer").get("/proposals/" + d.id() + "/documents?limit=1");
        first.then().statusCode(200).body("size()", equalTo(1));
        String next = gov.commerce.aiexports.testsupport.LinkPages.next(first.header("Link"));
        assertTrue(next != null && next.contains("cursor="), "a Link to the second page: " + first.header("Link"));
        Response second = as("ENERGY", "agency-reviewer").get(next);
        second.then().statusCode(200).body("size()", equalTo(1));
        assertEquals(null, second.header("Link"));
        assertTrue(!first.path("[0].documentId").equals(second.path("[0].documentId")), "two different documents");
        as("ENERGY", "agency-reviewer").get(secretPath).then().statusCode(403).body("rule", equalTo("DOCUMENT_WITHHELD"));
        as("EXIM", "financing-officer").get(secretPath).then().statusCode(403).body("rule", equalTo("DOCUMENT_WITHHELD"));
        as("OPS", "operator").get(secretPath).then().statusCode(404);
        assertArrayEquals(letter, as("ENERGY", "agency-reviewer").get(openPath).then().statusCode(200).extract().asByteArray());
        // a required agency and the owner read it; only the agency's reads are accounted for
        byte[] read = as("STATE", "agency-reviewer").get(secretPath).then().statusCode(200)
                .header("ETag", "\"" + sha256(PDF) + "\"").contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, read);
        as(d.uei(), "applicant").get(secretPath).then().statusCode(200);
        List<Map<String, Object>> account = as(d.uei(), "applicant").get("/proposals/" + d.id() + "/disclosures").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertTrue(account.stream().anyMatch(e -> "STATE".equals(e.get("organisation"))
                && ((List<?>) e.get("sections")).contains("document:" + secret + "/v1")), account.toString());
        assertTrue(account.stream().anyMatch(e -> "ENERGY".equals(e.get("organisation"))
                && ((List<?>) e.get("sections")).contains("document:" + open + "/v1")), "every download outside the consortium: "
                + account);
        assertTrue(account.stream().noneMatch(e -> d.uei().equals(e.get("organisation"))), account.toString());
        assertTrue(account.stream().noneMatch(e -> "ENERGY".equals(e.get("organisation"))
                && e.get("sections").toString().contains(secret)), account.toString());
    }

    @Test
    void a_file_changed_in_the_database_is_an_error_on_download_not_a_success() throws Exception {
        Draft d = draft();
        Response attached = upload(d, "", "volume.pdf", "BUSINESS_CONFIDENTIAL", "application/pdf", PDF);
        attached.then().statusCode(201);
        String path = "/proposals/" + d.id() + "/documents/" + attached.path("documentId") + "/versions/1";
        assertArrayEquals(PDF, as(d.uei(), "applicant").get(path).then().statusCode(200).extract().asByteArray());
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement("update document_chunk set data = overlay(data placing '\\x58'::bytea from 100 for 1) "
                     + "where file_id = (select doc->>'fileId' from proposal_document where proposal_id = ?)")) {
            s.setString(1, d.id());
            assertEquals(1, s.executeUpdate());
        }
        as(d.uei(), "applicant").get(path).then().statusCode(500).contentType("application/problem+json")
                .body("rule", equalTo("DOCUMENT_INTEGRITY_FAILED"));
    }

    @Test
    void files_are_fixed_once_submitted_and_versions_are_new_files_all_kept() throws Exception {
        Draft d = draft();
        Response first = upload(d, "", "plan.csv", "NOT_CONFIDENTIAL", "text/csv", "year,usd\n2026,1\n".getBytes(StandardCharsets.UTF_8));
        first.then().statusCode(201).body("mediaType", equalTo("text/csv"));
        String doc = first.path("documentId");
        byte[] second = "year,usd\n2026,2\n".getBytes(StandardCharsets.UTF_8);
        upload(d, "/" + doc + "/versions", null, null, "text/csv", second).then().statusCode(201).body("version", equalTo(2))
                .body("fileName", equalTo("plan.csv")).body("sha256", equalTo(sha256(second)));
        submit(d);
        upload(d, "/" + doc + "/versions", null, null, "text/csv", "year,usd\n2026,3\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(409).body("rule", equalTo("DOCUMENTS_FROZEN"));
        upload(d, "", "late.pdf", "NOT_CONFIDENTIAL", "application/pdf", PDF).then().statusCode(409).body("rule", equalTo("DOCUMENTS_FROZEN"));
        JsonPath list = as("COMMERCE", "commerce-officer").get("/proposals/" + d.id() + "/documents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(1, 2), list.getList("[0].versions.version"));
        assertEquals("applicant@" + d.uei(), list.getString("[0].versions[1].attachedBy.subject"));
        String v1 = "/proposals/" + d.id() + "/documents/" + doc + "/versions/1";
        String tag = as(d.uei(), "applicant").get(v1).then().statusCode(200).body(equalTo("year,usd\n2026,1\n")).extract().header("ETag");
        as(d.uei(), "applicant").header("If-None-Match", tag).get(v1).then().statusCode(304);
        // each step is on the proposal's timeline with its actor
        as(d.uei(), "applicant").get("/proposals/" + d.id() + "/timeline").then().statusCode(200)
                .body("eventType", hasItem("DocumentAttached")).body("eventType", hasItem("DocumentVersionAdded"))
                .body("find { it.eventType == 'DocumentAttached' }.actor.subject", equalTo("applicant@" + d.uei()));
        // a confidential file's name never reaches the timeline
        Draft c = draft();
        upload(c, "", "secret-name.pdf", "BUSINESS_CONFIDENTIAL", "application/pdf", PDF).then().statusCode(201);
        submit(c);
        String timeline = as("ENERGY", "agency-reviewer").get("/proposals/" + c.id() + "/timeline").then().statusCode(200)
                .body("eventType", hasItem("DocumentAttached")).extract().asString();
        assertFalse(timeline.contains("secret-name"), timeline);
        as(c.uei(), "applicant").get("/proposals/" + c.id() + "/timeline").then().statusCode(200)
                .body("find { it.eventType == 'DocumentAttached' }.summary", not(nullValue()));
    }
}
