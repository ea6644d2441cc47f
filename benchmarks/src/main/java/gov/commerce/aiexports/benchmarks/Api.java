package gov.commerce.aiexports.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The program's HTTP calls, as an applicant or agency system makes them, with tokens minted once per organisation and role. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, body and the client's instant of receipt (the same machine clock the services stamp events with). */
    record Answer(int status, JsonNode body, Instant receivedAt) {

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("unexpected HTTP " + status + ": " + body);
        }

        String text(String field) {
            return body.path(field).asText();
        }
    }

    private final Stack stack;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(Stack stack) {
        this.stack = stack;
    }

    String token(String org, String role) {
        return tokens.computeIfAbsent(org + "|" + role, k -> {
            try {
                return stack.tokens().mint(role + "@" + org.toLowerCase(), org, List.of(role), 4 * 3600);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Answer call(String method, Services.Service service, String path, String org, String role, Object body) {
        return call(method, service, path, org, role, body, Map.of());
    }

    Answer call(String method, Services.Service service, String path, String org, String role, Object body,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.url(service) + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token(org, role)).header("Accept", "application/json");
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Instant at = Instant.now();
            JsonNode json = r.body().length == 0 ? JSON.nullNode() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), json, at);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(Services.Service service, String path, String org, String role) {
        return call("GET", service, path, org, role, null);
    }

    Answer post(Services.Service service, String path, String org, String role, Object body) {
        return call("POST", service, path, org, role, body);
    }

    // ---- the program's steps (see end-to-end-tests Program.java) ----

    /** A UEI: the applicant token's organisation, 12 capital letters or digits. */
    static String newUei() {
        return ("B" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    /** A published call whose only required agency is STATE, so one assessment allows a designation. */
    String publishedCall() {
        String id = post(Services.PROPOSALS, "/calls", "COMMERCE", "commerce-officer", Map.of("title", "Benchmark call",
                "fiscalYear", 2027, "description", "benchmark", "opensAt", Instant.now().minusSeconds(3600).toString(),
                "closesAt", Instant.now().plusSeconds(30 * 86400).toString(), "gracePeriodHours", 24,
                "instruments", List.of("DIRECT_LOAN", "FEASIBILITY_STUDY"), "requiredAgencies", List.of("STATE")))
                .expect(201).text("id");
        post(Services.PROPOSALS, "/calls/" + id + "/publish", "COMMERCE", "commerce-officer", null).expect(200);
        return id;
    }

    static Map<String, Object> member(String uei) {
        return Map.of("legalName", "Member " + uei, "uei", uei, "countryOfIncorporation", "US", "controlledFrom", "US",
                "layers", List.of("hardware", "models"));
    }

    String consortium(String uei) {
        return post(Services.PROPOSALS, "/consortia", uei, "applicant", Map.of("name", "Consortium " + uei, "anchorMember", member(uei)))
                .expect(201).text("id");
    }

    /** A draft targeting Vietnam (Country Group D:1: accepted with a flag), as in the end-to-end flow. */
    static Map<String, Object> proposalBody(String callId, String consortiumId, String uei) {
        Map<String, Object> layer = Map.of("description", "layer", "suppliers", List.of(uei));
        return Map.of("callId", callId, "consortiumId", consortiumId, "title", "Sovereign AI cloud", "summary", "Full stack",
                "stack", Map.of("hardware", Map.of("description", "GPU clusters", "suppliers", List.of(uei), "usOriginSharePercent", 70),
                        "dataPipelines", layer, "models", layer, "security", layer, "applications", layer),
                "targets", List.of(Map.of("country", "VN")), "businessModel", "Build, own, operate",
                "incentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 25000000.00, "tenorYears", 12),
                        Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                "exportControlAttestation", true);
    }

    Answer draft(String callId, String consortiumId, String uei) {
        return post(Services.PROPOSALS, "/proposals", uei, "applicant", proposalBody(callId, consortiumId, uei)).expect(201);
    }

    Answer submit(String proposalId, String uei) {
        return post(Services.PROPOSALS, "/proposals/" + proposalId + "/submit", uei, "applicant", null).expect(200);
    }

    /** The review opened for a proposal, or null while none is visible. */
    JsonNode review(String proposalId) {
        JsonNode list = get(Services.REVIEW, "/reviews?proposalId=" + proposalId, "COMMERCE", "commerce-officer").expect(200).body();
        return list.size() == 0 ? null : list.get(0);
    }

    void assessAsState(String reviewId) {
        post(Services.REVIEW, "/reviews/" + reviewId + "/assessments", "STATE", "agency-reviewer", Map.of(
                "conflictOfInterest", Map.of("declared", false),
                "scores", Map.of("strategicValue", 4, "nationalSecurityRisk", 3, "commercialViability", 4, "stackCompleteness", 5,
                        "partnerReadiness", 3),
                "recommendation", "CONCUR", "conditions", List.of(),
                "comments", List.of(Map.of("text", "Strong partner", "visibility", "SHARED")))).expect(201);
    }

    /** Designates; returns the answer whose body carries determination.designationNumber. */
    Answer designate(String reviewId) {
        // a determination must be conditional (428 otherwise); the load designates what it has just assessed, so any version ("*")
        return call("POST", Services.REVIEW, "/reviews/" + reviewId + "/determination", "COMMERCE", "commerce-officer", Map.of(
                "decision", "DESIGNATE", "justification", "Strategic partner, complete stack",
                "acknowledgedFlags", List.of("TARGET_COUNTRY_GROUP_D"),
                "endorsedIncentives", List.of(Map.of("instrument", "DIRECT_LOAN", "amountUsd", 20000000.00, "tenorYears", 12),
                        Map.of("instrument", "FEASIBILITY_STUDY", "amountUsd", 750000.00)),
                "effectiveDate", LocalDate.now().plusDays(7).toString()), Map.of("If-Match", "*")).expect(200);
    }
}
