package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI documents the services' builds wrote to docs/openapi/ (ContractOpenApi and each
 * module's META-INF/openapi-contract.json) say what a generated client needs: an operationId,
 * a described parameter, an example body, a typed answer for each success, the Problem document
 * for each refusal, the API's version and the bearer scheme. GeneratedClientsIT drives the clients.
 */
class OpenApiDocumentsTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"proposals-service", "review-service", "incentives-service", "notifications-service"})
    void a_generated_client_has_what_it_needs(String service) throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
        Map<String, Object> document;
        try (Reader in = Files.newBufferedReader(root.resolve("docs/openapi/" + service + ".yaml"))) {
            document = new Yaml().load(in);
        }
        Map<String, Object> info = (Map<String, Object>) document.get("info");
        assertTrue(String.valueOf(info.get("version")).matches("\\d+\\.\\d+\\.\\d+"), "the API's version: " + info.get("version"));
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> bearer = (Map<String, Object>) ((Map<String, Object>) components.get("securitySchemes")).get("bearer");
        assertEquals("bearer", bearer.get("scheme"));
        Map<String, Object> problem = (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get("Problem");
        assertTrue(((Map<String, Object>) problem.get("properties")).keySet().containsAll(List.of("rule", "field", "status")));

        List<String> missing = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            Object operationId = operation.get("operationId");
            if (operationId == null) {
                missing.add(name + ": operationId");
            } else {
                operationIds.add(operationId.toString());
            }
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                if (parameter.get("description") == null) {
                    missing.add(name + ": description of " + parameter.get("name"));
                }
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                ((Map<String, Map<String, Object>>) body.get("content")).forEach((type, media) -> {
                    if (media.get("example") == null && media.get("examples") == null) {
                        missing.add(name + ": example of the " + type + " body");
                    }
                });
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                // an answer that is a file of another type only (a dossier's NDJSON) has no JSON schema to give
                boolean fileOnly = content != null && !content.isEmpty() && !content.containsKey("application/json");
                if (status.startsWith("2") && !status.equals("204") && !path.startsWith("/q/") && !fileOnly) {
                    Map<String, Object> schema = content == null || content.get("application/json") == null ? null
                            : (Map<String, Object>) content.get("application/json").get("schema");
                    if (schema == null || schema.isEmpty() || String.valueOf(schema.get("$ref")).endsWith("/ObjectNode")
                            || String.valueOf(schema.get("items")).contains("/ObjectNode")) {
                        missing.add(name + ": the schema of " + status);
                    }
                }
                if (status.startsWith("4")) {
                    Map<String, Object> schema = content == null || content.get("application/problem+json") == null ? null
                            : (Map<String, Object>) content.get("application/problem+json").get("schema");
                    if (schema == null || !"#/components/schemas/Problem".equals(schema.get("$ref"))) {
                        missing.add(name + ": the Problem of " + status);
                    }
                }
            });
            if (method.equals("post") && !path.contains("{") && !path.startsWith("/q/") && responses.containsKey("201")
                    && (responses.get("201").get("headers") == null
                            || !((Map<String, Object>) responses.get("201").get("headers")).containsKey("Location"))) {
                missing.add(name + ": the Location of 201");
            }
        }));
        assertEquals(List.of(), missing, service);
        assertEquals(operationIds.size(), operationIds.stream().distinct().count(), "operationIds are unique");
        assertFalse(operationIds.isEmpty());
    }
}
