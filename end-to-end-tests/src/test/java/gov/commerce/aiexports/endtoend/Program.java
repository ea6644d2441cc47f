package gov.commerce.aiexports.endtoend;

import static io.restassured.RestAssured.given;

import gov.commerce.aiexports.localstack.Services;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The program's steps over HTTP with tokens, as an agency system or an applicant would call them. */
final class Program {

    static {
        // a failed expectation shows the request and the problem document that answered it
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Program() {
    }

    static String token(String org, String role) throws Exception {
        return RunningStack.get().tokens().mint(role + "@" + org, org, role);
    }

    static RequestSpecification as(Services.Service service, String org, String role) throws Exception {
        return given().baseUri(RunningStack.url(service)).auth().oauth2(token(org, role)).contentType(ContentType.JSON);
    }

    static String newUei() {
        return ("E" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    static String publishedCall() throws Exception {
        String id = as(Services.PROPOSALS, "COMMERCE", "commerce-officer")
                .body(Map.of("title", "FY2027 full-stack AI export packages", "fiscalYear", 2027, "description", "EO 14320",
                        "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(30 * 86400).toString(), "gracePeriodHours", 24,
                        "instruments", List.of("DIRECT_LOAN", "FEASIBILITY_STUDY"),
                        "requiredAgencies", List.of("STATE", "DEFENSE")))
                .post("/calls").then().statusCode(201).extract().path("id");
        as(Services.PROPOSALS, "COMMERCE", "commerce-officer").post("/calls/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static String consortium(String uei) throws Exception {
        return as(Services.PROPOSALS, uei, "applicant")
                .body(Map.of("name", "Consortium " + uei, "anchorMember", Map.of("legalName", "Anchor " + uei, "uei", uei,
                        "countryOfIncorporation", "US", "controlledFrom", "US", "layers", List.of("hardware", "models"))))
                .post("/consortia").then().statusCode(201).extract().path("id");
    }

    /** An agency's assessment, as its reviewer posts it. */
    static Map<String, Object> assessment(String recommendation, List<String> conditions, String sharedComment, String internalComment) {
        return Map.of("conflictOfInterest", Map.of("declared", false),
                "scores", Map.of("strategicValue", 4, "nationalSecurityRisk", 3, "commercialViability", 4, "stackCompleteness", 5,
                        "partnerReadiness", 3),
                "recommendation", recommendation, "conditions", conditions,
                "comments", List.of(Map.of("text", sharedComment, "visibility", "SHARED"),
                        Map.of("text", internalComment, "visibility", "INTERNAL")));
    }

    static void assess(String reviewId, String agency, Map<String, Object> assessment) throws Exception {
        as(Services.REVIEW, agency, "agency-reviewer").body(assessment).post("/reviews/" + reviewId + "/assessments")
                .then().statusCode(201);
    }

    /** Drafts and submits a proposal targeting Vietnam (Country Group D:1: accepted, flagged). */
    static String submittedProposal(String callId, String consortiumId, String uei) throws Exception {
        String id = draftedProposal(callId, consortiumId, uei);
        as(Services.PROPOSALS, uei, "applicant").post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    static String draftedProposal(String callId, String consortiumId, String uei) throws Exception {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        String id = as(Services.PROPOSALS, uei, "applicant")
                .body(Map.of("callId", callId, "consortiumId", consortiumId, "title", "Sovereign AI cloud", "summary", "Full stack",
                        "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(uei),
                                        "usOriginSharePercent", 70),
                                "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                        "targets", List.of(Map.of("country", "VN")), "businessModel", "Build, own, operate",
                        "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12),
                                Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                        "exportControlAttestation", true))
                .post("/proposals").then().statusCode(201).extract().path("id");
        return id;
    }
}
