package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.localstack.Services;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A designation's decision dossier from the flow of the four packaged services: downloaded by an
 * auditor, it holds the events of every service behind the designation and after it, and
 * ./verify-audit dossier (the JDK alone: no database, no service) verifies it against the signed
 * checkpoints; one edited byte is named. Only auditors may download it, and the read is accounted.
 */
class DossierIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_designations_dossier_verifies_offline_and_one_edited_byte_is_named() throws Exception {
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String proposalId = confidentialProposal(callId, Program.consortium(uei), uei);
        String reviewId = await().atMost(PROPAGATION).until(() -> as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .get("/reviews?proposalId=" + proposalId).then().statusCode(200).extract().jsonPath(), j -> j.getList("$").size() == 1)
                .getString("[0].id");
        Program.assess(reviewId, "STATE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
        Program.assess(reviewId, "DEFENSE", Program.assessment("CONCUR", List.of(), "Sound", "none"));
        String number = as(Services.REVIEW, "COMMERCE", "commerce-officer")
                .body(Map.of("decision", "DESIGNATE", "justification", "Dossier flow: strategic partner",
                        "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                        "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 4000000.00, "tenorYears", 8)),
                        "effectiveDate", LocalDate.now().plusDays(1).toString()))
                .header("If-Match", "*").post("/reviews/" + reviewId + "/determination").then().statusCode(200).extract().path("determination.designationNumber");
        String loan = await().atMost(PROPAGATION).until(() -> as(Services.INCENTIVES, "EDAG", "edag-coordinator")
                .get("/incentive-requests?designation=" + number).then().statusCode(200).extract().jsonPath(), j -> j.getList("$").size() == 1)
                .getString("[0].id");
        int fiscalYear = gov.commerce.aiexports.events.FiscalYear.of(java.time.Instant.now());
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear, "instrument", "DIRECT_LOAN",
                "amountUsd", 1000000.00, "appropriationReference", "Pub. L. 119-4, title VI")).post("/budgets").then().statusCode(201);
        as(Services.INCENTIVES, "EDAG", "edag-coordinator").body(Map.of("agency", "EXIM", "terms", "8 years",
                "creditSubsidyRatePercent", 2.0)).post("/incentive-requests/" + loan + "/routing").then().statusCode(200);
        as(Services.INCENTIVES, "EXIM", "financing-officer").body(Map.of("fiscalYear", fiscalYear))
                .post("/incentive-requests/" + loan + "/approval").then().statusCode(200);
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox").then()
                .body("items.subject", hasItem("Designated priority AI export package " + number)));

        // only auditors: a commerce officer and the applicant are refused, so is a service's part to them
        as(Services.PROPOSALS, "COMMERCE", "commerce-officer").get("/dossiers/designations/" + number).then().statusCode(403);
        as(Services.PROPOSALS, uei, "applicant").get("/dossiers/incentive-requests/" + loan).then().statusCode(403);
        as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/audit/dossier-part?mention=" + number).then().statusCode(403);
        as(Services.PROPOSALS, "GAO", "auditor").get("/dossiers/designations/PAEP-1999-0001").then().statusCode(404);

        // the dossier, until every event in it is covered by a signed checkpoint (one a minute). Each download is an
        // auditor's read that the services account for with new events about the proposal, which the next download
        // holds: asked again only after a checkpoint could have covered those, not sooner
        Path dir = Files.createTempDirectory("dossier");
        Path file = dir.resolve("dossier-" + number + ".ndjson");
        String[] outcome = new String[1];
        await().atMost(Duration.ofSeconds(330)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(75)).until(() -> {
            byte[] body = as(Services.PROPOSALS, "GAO", "auditor").get("/dossiers/designations/" + number).then().statusCode(200)
                    .header("Content-Disposition", org.hamcrest.Matchers.containsString("dossier-" + number))
                    .extract().asByteArray();
            Files.write(file, body);
            outcome[0] = verifyOffline(file);
            return outcome[0].startsWith("0 ") || outcome[0].startsWith("1 ");
        });
        assertTrue(outcome[0].startsWith("0 VERIFIED: dossier of designation " + number), outcome[0]);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        JsonNode manifest = JSON.readTree(lines.get(0));
        assertEquals("aiexports-decision-dossier/v1", manifest.path("format").asText());
        assertEquals(proposalId, manifest.path("subject").path("proposalId").asText());
        assertEquals(List.of(loan), JSON.convertValue(manifest.path("subject").path("incentiveRequests"), List.class));
        Set<String> types = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode n = JSON.readTree(line);
            if ("event".equals(n.path("record").asText())) {
                services.add(n.path("service").asText());
                String t = n.path("eventType").asText();
                types.add(t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1));
            }
        }
        assertEquals(Set.of("incentives-service", "notifications-service", "proposals-service", "review-service"), services);
        for (String expected : List.of("Submitted", "AssessmentRecorded", "Determined", "Opened", "Routed", "Approved", "Obligated")) {
            assertTrue(types.stream().anyMatch(t -> t.contains(expected)), expected + " in " + types);
        }

        // one edited byte in the designation's justification, as stored in review-service's event: named
        int at = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains("\"record\":\"event\"") && lines.get(i).contains("Dossier flow: strategic partner")) {
                at = i;
                break;
            }
        }
        assertTrue(at > 0, "the determination's event is in the dossier");
        String edited = lines.get(at).replaceFirst("Dossier flow: strategic partner", "Dossier flow: strategic partneR");
        String eventId = JSON.readTree(edited).path("eventId").asText();
        List<String> tampered = new ArrayList<>(lines);
        tampered.set(at, edited);
        Path bad = dir.resolve("tampered.ndjson");
        Files.write(bad, tampered, StandardCharsets.UTF_8);
        String named = verifyOffline(bad);
        assertTrue(named.startsWith("1 NOT VERIFIED"), named);
        assertTrue(named.contains("first event that does not verify: " + eventId + " (review-service"), named);

        // the auditor's read is in the consortium's account of disclosure, naming the dossier
        await().atMost(PROPAGATION).untilAsserted(() -> as(Services.PROPOSALS, uei, "applicant").get("/proposals/" + proposalId
                + "/disclosures").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/dossiers")));

        // an incentive request's dossier: the request's own events and the designation's story that led to it
        String requestDossier = as(Services.PROPOSALS, "GAO", "auditor").get("/dossiers/incentive-requests/" + loan).then()
                .statusCode(200).extract().asString();
        ObjectNode requestManifest = (ObjectNode) JSON.readTree(requestDossier.substring(0, requestDossier.indexOf('\n')));
        assertEquals(loan, requestManifest.path("subject").path("incentiveRequestId").asText());
        assertEquals(number, requestManifest.path("subject").path("designationNumber").asText());
    }

    /** Submitted, its business model marked confidential (so that an auditor's read of it is accounted). */
    private static String confidentialProposal(String callId, String consortiumId, String uei) throws Exception {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        String id = as(Services.PROPOSALS, uei, "applicant")
                .body(Map.of("callId", callId, "consortiumId", consortiumId, "title", "Dossier AI cloud", "summary", "Full stack",
                        "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(uei),
                                        "usOriginSharePercent", 70),
                                "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                        "targets", List.of(Map.of("country", "VN")), "businessModel", "Build, own, operate",
                        "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12)),
                        "exportControlAttestation", true,
                        "confidentialSections", List.of(Map.of("section", "businessModel", "justification", "Pricing"))))
                .post("/proposals").then().statusCode(201).extract().path("id");
        as(Services.PROPOSALS, uei, "applicant").post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** ./verify-audit dossier FILE, as an auditor runs it: its exit code, then what it printed. */
    private static String verifyOffline(Path file) throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("bash", root.resolve("verify-audit").toString(), "dossier", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue() + " " + out;
    }
}
