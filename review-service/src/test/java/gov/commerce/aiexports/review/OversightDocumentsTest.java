package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Files attached to a designation's oversight and named by evidence and progress reports: stored
 * with their hash, refused by content, each with its own marking that the disclosure rule applies
 * to (in the oversight's view and on download), and checked against the hash on every download.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class OversightDocumentsTest {

    private static final String APPLICANT = "APPL00000001";
    private static final byte[] PDF = ("%PDF-1.7\n% audited financials " + UUID.randomUUID() + "\n" + "stream ".repeat(3000))
            .getBytes(StandardCharsets.ISO_8859_1);

    private static RequestSpecification uploader(String org, String contentType, byte[] body) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint("applicant@" + org, org, "applicant"))
                .contentType(contentType).body(body);
    }

    private static RequestSpecification reader(String org, String role) throws Exception {
        return given().auth().oauth2(TestInfrastructure.get().tokens().mint(role + "@" + org, org, role));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void attached_files_are_named_by_evidence_and_reports_and_served_only_as_the_disclosure_rule_allows() throws Exception {
        String number = OversightTest.designated();
        String base = "/oversight/" + number;

        // refused by content, by parameters and for another consortium; nothing attached
        byte[] exe = new byte[20_000];
        exe[0] = 'M';
        exe[1] = 'Z';
        uploader(APPLICANT, "application/pdf", exe).post(base + "/documents?name=audit.pdf&confidentiality=BUSINESS_CONFIDENTIAL")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("DOCUMENT_TYPE_NOT_ALLOWED"));
        uploader(APPLICANT, "application/pdf", PDF).post(base + "/documents?name=audit.pdf&confidentiality=SECRET")
                .then().statusCode(400).body("rule", equalTo("VALUE_NOT_ALLOWED")).body("field", equalTo("/confidentiality"));
        uploader("APPL00000002", "application/pdf", PDF).post(base + "/documents?name=audit.pdf&confidentiality=NOT_CONFIDENTIAL")
                .then().statusCode(404);
        reader("COMMERCE", "commerce-officer").get(base).then().statusCode(200).body("documents.size()", equalTo(0));

        // a confidential audit and a public letter, each with its hash
        Response audit = uploader(APPLICANT, "application/pdf", PDF).queryParam("name", "audit 2027.pdf")
                .queryParam("confidentiality", "BUSINESS_CONFIDENTIAL").post(base + "/documents");
        audit.then().statusCode(201).body("sha256", equalTo(sha256(PDF))).body("mediaType", equalTo("application/pdf"))
                .body("sizeBytes", equalTo(PDF.length)).header("ETag", "\"" + sha256(PDF) + "\"");
        String auditId = audit.path("documentId");
        assertEquals(base + "/documents/" + auditId, java.net.URI.create(audit.header("Location")).getPath());
        byte[] letter = ("%PDF-1.4\n% letter of support " + UUID.randomUUID()).getBytes(StandardCharsets.ISO_8859_1);
        String letterId = uploader(APPLICANT, "application/pdf", letter)
                .post(base + "/documents?name=letter.pdf&confidentiality=NOT_CONFIDENTIAL").then().statusCode(201)
                .extract().path("documentId");

        // evidence and a report name them; an id not attached here is refused and changes nothing
        as(APPLICANT, "applicant").body(Map.of("text", "Audit by KPMG", "documentIds", List.of(auditId, "not-a-document")))
                .post(base + "/conditions/C1/evidence").then().statusCode(422)
                .body("rule", equalTo("DOCUMENT_UNKNOWN")).body("field", equalTo("/documentIds/1"));
        as(APPLICANT, "applicant").body(Map.of("text", "Audit by KPMG", "documentIds", List.of(auditId)))
                .post(base + "/conditions/C1/evidence").then().statusCode(201)
                .body("conditions[0].evidence.size()", equalTo(1))
                .body("conditions[0].evidence[0].documentIds", contains(auditId));
        String start = LocalDate.now().minusMonths(1).toString();
        as("COMMERCE", "commerce-officer").body(Map.of("frequency", "QUARTERLY", "firstPeriodStart", start))
                .post(base + "/reporting-schedule").then().statusCode(200);
        as(APPLICANT, "applicant").body(Map.of("period", 1, "narrative", "On track", "documentIds", List.of(letterId)))
                .post(base + "/reports").then().statusCode(201).body("reports[0].documentIds", contains(letterId));

        // the view: Commerce and a required agency see both; an agency not required sees the letter and only the marking of the audit
        reader("COMMERCE", "commerce-officer").get(base).then().statusCode(200)
                .body("documents.documentId", contains(auditId, letterId))
                .body("documents[0].fileName", equalTo("audit 2027.pdf")).body("documents[0].sha256", equalTo(sha256(PDF)));
        reader("STATE", "agency-reviewer").get(base).then().statusCode(200).body("documents[0].fileName", equalTo("audit 2027.pdf"));
        reader("ENERGY", "agency-reviewer").get(base).then().statusCode(200)
                .body("documents[0].withheld", equalTo("BUSINESS_CONFIDENTIAL"))
                .body("documents[0].because", equalTo("AGENCY_NOT_REQUIRED"))
                .body("documents[0].fileName", nullValue()).body("documents[0].sha256", nullValue())
                .body("documents[1].fileName", equalTo("letter.pdf"));

        // downloads: the bytes, the hash as ETag, 304 on a match; withheld (403) or absent (404) for those who may not
        String auditPath = base + "/documents/" + auditId;
        byte[] got = reader("COMMERCE", "commerce-officer").get(auditPath).then().statusCode(200)
                .header("ETag", "\"" + sha256(PDF) + "\"").contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(PDF, got);
        reader("COMMERCE", "commerce-officer").header("If-None-Match", "\"" + sha256(PDF) + "\"").get(auditPath).then().statusCode(304);
        reader("ENERGY", "agency-reviewer").get(auditPath).then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("DOCUMENT_WITHHELD"));
        assertArrayEquals(letter, reader("ENERGY", "agency-reviewer").get(base + "/documents/" + letterId).then().statusCode(200)
                .extract().asByteArray());
        reader("APPL00000002", "applicant").get(auditPath).then().statusCode(404);
        reader("COMMERCE", "commerce-officer").get(base + "/documents/" + UUID.randomUUID()).then().statusCode(404);

        // a file changed in the database is an error on download, not a success
        try (Connection c = TestInfrastructure.get().postgres().connect("review");
             PreparedStatement s = c.prepareStatement("update document_chunk set data = overlay(data placing '\\x58'::bytea from 100 for 1) "
                     + "where file_id = (select d->>'fileId' from oversight_view v, jsonb_array_elements(v.doc->'documents') d "
                     + "where d->>'documentId' = ?)")) {
            s.setString(1, auditId);
            assertEquals(1, s.executeUpdate());
        }
        reader(APPLICANT, "applicant").get(auditPath).then().statusCode(500).contentType("application/problem+json")
                .body("rule", equalTo("DOCUMENT_INTEGRITY_FAILED"));
    }
}
