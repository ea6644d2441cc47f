package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.runtime.audit.AuditCheckpoints;
import gov.commerce.aiexports.runtime.audit.AuditVerifier;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
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
import org.junit.jupiter.api.Test;

/**
 * A service's part of a decision dossier over HTTP on real PostgreSQL: the proposal's events with
 * their links, the checkpoint that covers them and the witnesses between (another proposal's
 * events only as bytes), verified by the offline verifier; the refusals; the read accounted.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class DossierPartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditCheckpoints checkpoints;

    @Test
    void a_proposals_part_verifies_offline_holds_no_other_proposal_and_names_an_edited_byte() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        Map<String, Object> body = new HashMap<>(proposal(callId, consortiumId, uei, "VN"));
        body.put("confidentialSections", List.of(Map.of("section", "businessModel", "justification", "Pricing")));
        String proposalId = given().auth().oauth2(applicant).contentType(ContentType.JSON).body(body)
                .post("/proposals").then().statusCode(201).extract().path("id");
        // another consortium's proposal between this one's events: in the chain, never readable in the part
        String otherUei = newUei();
        String other = token(otherUei, "applicant");
        String otherProposal = given().auth().oauth2(other).contentType(ContentType.JSON)
                .body(proposal(callId, consortium(other, otherUei), otherUei, "VN")).post("/proposals").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(applicant).post("/proposals/" + proposalId + "/submit").then().statusCode(200);
        String auditor = token("GAO", "auditor");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(auditor).get("/audit/verify").then()
                .statusCode(200).body("pending", equalTo(0)));
        checkpoints.take();

        String part = given().auth().oauth2(auditor).accept("application/x-ndjson")
                .get("/audit/dossier-part?aggregate=" + proposalId + "&mention=" + proposalId + "&whole=Proposal")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> dossier = dossier(part);
        AuditVerifier.Dossier.Result result = AuditVerifier.Dossier.verify(dossier, Map.of());
        assertTrue(result.verified(), result.describe());
        assertTrue(result.events() >= 2, result.describe());
        assertEquals(result.events(), result.proven());
        boolean sawWitness = false;
        for (String line : dossier.subList(1, dossier.size())) {
            JsonNode n = JSON.readTree(line);
            if ("event".equals(n.path("record").asText())) {
                assertFalse(line.contains(otherProposal), "another proposal's event is no event of this dossier");
            }
            if ("witness".equals(n.path("record").asText())) {
                sawWitness = true;
                assertFalse(n.has("payload"), "a witness carries no readable payload");
            }
        }
        assertTrue(sawWitness, "the other proposal's events stand between this one's and the checkpoint as witnesses");

        // one edited byte of the submission's readable payload: that event is named
        int at = -1;
        for (int i = 1; i < dossier.size(); i++) {
            if (dossier.get(i).contains("\"record\":\"event\"") && dossier.get(i).contains("Build, own, operate")) {
                at = i;
                break;
            }
        }
        assertTrue(at > 0);
        List<String> tampered = new ArrayList<>(dossier);
        tampered.set(at, dossier.get(at).replaceFirst("Build, own, operate", "Build, own, operatE"));
        AuditVerifier.Dossier.Result bad = AuditVerifier.Dossier.verify(tampered, Map.of());
        assertFalse(bad.verified());
        assertEquals(JSON.readTree(dossier.get(at)).path("eventId").asText(), bad.firstBad().eventId(), bad.describe());

        // the auditor's read of the confidential section is in the consortium's account
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(applicant)
                .get("/proposals/" + proposalId + "/disclosures").then().statusCode(200)
                .body(containsString("GET /audit/dossier-part")));
    }

    @Test
    void only_auditors_read_parts_and_dossiers_and_malformed_selections_are_refused() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        String auditor = token("GAO", "auditor");
        given().get("/audit/dossier-part?mention=PAEP-2027-0001").then().statusCode(401);
        given().auth().oauth2(officer).get("/audit/dossier-part?mention=PAEP-2027-0001").then().statusCode(403);
        given().auth().oauth2(token("GAO", "operator")).get("/dossiers/designations/PAEP-2027-0001").then().statusCode(403);
        given().auth().oauth2(officer).get("/dossiers/designations/PAEP-2027-0001").then().statusCode(403);
        given().auth().oauth2(auditor).get("/audit/dossier-part").then().statusCode(400)
                .body("rule", equalTo("FIELD_REQUIRED")).body("field", equalTo("/aggregate"));
        given().auth().oauth2(auditor).get("/audit/dossier-part?mention=' or 1=1 --").then().statusCode(400)
                .body("rule", equalTo("VALUE_NOT_ALLOWED")).body("field", equalTo("/mention"));
        given().auth().oauth2(auditor).get("/dossiers/designations/not-a-number").then().statusCode(400)
                .body("rule", equalTo("VALUE_NOT_ALLOWED")).body("field", equalTo("/number"));
        given().auth().oauth2(auditor).get("/dossiers/designations/PAEP-1999-0001").then().statusCode(404);
        given().auth().oauth2(auditor).get("/dossiers/incentive-requests/nope").then().statusCode(400)
                .body("rule", equalTo("IDENTIFIER_INVALID"));
    }

    /** The part as proposals-service wraps it: a manifest of the header's key and events, then the records. */
    private static List<String> dossier(String part) throws Exception {
        List<String> lines = new ArrayList<>(List.of(part.strip().split("\n")));
        ObjectNode header = (ObjectNode) JSON.readTree(lines.remove(0));
        assertEquals("part", header.path("record").asText());
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("record", "manifest");
        manifest.putObject("subject").put("kind", "designation").put("designationNumber", "PAEP-2026-0001");
        ObjectNode service = manifest.putArray("services").addObject();
        service.put("service", header.path("service").asText());
        service.set("publicKey", header.get("publicKey"));
        var ids = service.putArray("eventIds");
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if ("event".equals(n.path("record").asText())) {
                ids.add(n.path("eventId").asText());
            }
        }
        List<String> dossier = new ArrayList<>();
        dossier.add(manifest.toString());
        dossier.addAll(lines);
        return dossier;
    }
}
