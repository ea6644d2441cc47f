package gov.commerce.aiexports.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.localstack.Services;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw HTTP for the sweep and the matrix: bodies, paths and headers exactly as given, nothing encoded or fixed up. */
final class HttpCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                return JSON.nullNode();
            }
        }

        /** Why this is not an RFC 9457 problem document with the given status and a rule, or null if it is one. */
        String notAProblem() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return "content type " + contentType;
            }
            JsonNode p = json();
            if (p.path("status").asInt() != status || p.path("title").asText().isEmpty() || p.path("rule").asText().isEmpty()) {
                return "not a problem document with status, title and rule";
            }
            return null;
        }

        String shortBody() {
            return body.length() > 300 ? body.substring(0, 300) + "..." : body;
        }
    }

    private HttpCalls() {
    }

    static Reply send(Services.Service service, String method, String pathAndQuery, String token, String contentType, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RunningStack.url(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    /** A request whose body is bytes (a file), or, with declaredLength, one that declares that Content-Length and waits for 100-continue. */
    static Reply sendBytes(Services.Service service, String method, String pathAndQuery, String token, String contentType, byte[] body,
            Long declaredLength, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(RunningStack.url(service) + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, declaredLength == null ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body), declaredLength))
                .expectContinue(declaredLength != null)
                .version(HttpClient.Version.HTTP_1_1); // 100-continue as HTTP/1.1 defines it, no h2c upgrade in between
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    /** Each service's numeric query parameters ("METHOD /path" to names), as its OpenAPI document types them. */
    static Map<String, List<String>> openApiNumericQueryParameters(Services.Service service) throws Exception {
        Reply doc = send(service, "GET", "/q/openapi?format=json", null, null, null, Map.of());
        Map<String, List<String>> ops = new LinkedHashMap<>();
        doc.json().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<String> numeric = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                String type = p.path("schema").path("type").asText();
                if ("query".equals(p.path("in").asText()) && (type.equals("integer") || type.equals("number"))) {
                    numeric.add(p.path("name").asText());
                }
            });
            ops.put(op.getKey().toUpperCase() + " " + path.getKey(), numeric);
        }));
        return ops;
    }

    /** Each service's operations ("METHOD /path") as its OpenAPI document lists them, with their query parameters. */
    static Map<String, List<String>> openApiOperations(Services.Service service) throws Exception {
        Reply doc = send(service, "GET", "/q/openapi?format=json", null, null, null, Map.of());
        Map<String, List<String>> ops = new LinkedHashMap<>();
        doc.json().path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            List<String> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p.path("name").asText());
                }
            });
            ops.put(op.getKey().toUpperCase() + " " + path.getKey(), query);
        }));
        return ops;
    }
}
