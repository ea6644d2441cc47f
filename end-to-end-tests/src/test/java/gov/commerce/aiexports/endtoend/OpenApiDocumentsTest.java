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
 * for each refusal, the API's version and the bearer scheme; no answer left as any JSON (but the
 * listed exceptions), every list paged, every single resource tagged, every conditional change's
 * If-Match, 412 and 428. GeneratedClientsIT drives the clients.
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

    /**
     * The values a document may leave as any JSON, with why; every other property of an answer has a
     * type, so a generated client reads it as a model, not a map.
     */
    static final Map<String, String> ANY_JSON = Map.of(
            "StoredEvent.payload", "an event's payload as stored: its schema is the event type's (shared-events contracts)",
            "StoredEvent.metadata", "an event's metadata as stored: keys vary by producer and version",
            "State.state", "an aggregate's state rebuilt as of an instant: its shape is the aggregate type's",
            "CustomField.value", "a CommonGrants custom field's value, of the type its fieldType names");

    /** Single resources whose GET carries no ETag, with why: every other one does (the If-Match of its changes). */
    static final Map<String, String> NO_ETAG = Map.of(
            "GET /admin/projections/{name}", "a read model's progress, not a versioned resource: nothing changes it conditionally",
            "GET /audit/aggregates/{id}/state", "a state rebuilt as of an instant, read only",
            "GET /dossiers/designations/{number}", "a dossier assembled from several services' events, read only",
            "GET /dossiers/incentive-requests/{id}", "a dossier assembled from several services' events, read only");

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"proposals-service", "review-service", "incentives-service", "notifications-service"})
    void answers_are_typed_lists_paged_and_single_resources_tagged(String service) throws Exception {
        Map<String, Object> document = document(service);
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components"))
                .get("schemas");
        List<String> problems = new ArrayList<>();
        java.util.Set<String> visited = new java.util.HashSet<>();
        operations(document).forEach((name, operation) -> {
            String method = name.substring(0, name.indexOf(' '));
            String path = name.substring(name.indexOf(' ') + 1);
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                if (!status.startsWith("2") || content == null || content.get("application/json") == null) {
                    return;
                }
                Map<String, Object> schema = (Map<String, Object>) content.get("application/json").get("schema");
                String why = freeForm(schema, schemas);
                if (why != null) {
                    problems.add(name + " " + status + ": the answer is " + why);
                }
                typed(name + " " + status, schema, schemas, visited, problems);
            });
            Map<String, Object> ok = responses.get("200");
            if (!method.equals("GET") || ok == null || path.startsWith("/q/")) {
                return;
            }
            Map<String, Object> headers = (Map<String, Object>) ok.getOrDefault("headers", Map.of());
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) ok.get("content");
            Map<String, Object> json = content == null ? null : content.get("application/json");
            Object type = json == null || json.get("schema") == null ? null : ((Map<String, Object>) json.get("schema")).get("type");
            if (String.valueOf(type).contains("array")) {
                // a list: one way to page (cursor, limit, Link), never the whole of it at once
                List<String> parameters = ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream()
                        .map(p -> String.valueOf(p.get("name"))).toList();
                if (!parameters.containsAll(List.of("cursor", "limit")) || !headers.containsKey("Link")) {
                    problems.add(name + ": a list without cursor, limit and Link");
                }
            } else if (path.endsWith("}") && !NO_ETAG.containsKey(name) && !headers.containsKey("ETag")) {
                problems.add(name + ": a single resource whose 200 documents no ETag");
            }
        });
        assertEquals(List.of(), problems, service);
    }

    /**
     * Every change that honours If-Match (ApiSurface.CONDITIONAL, which the access and bad-input
     * sweeps drive) documents the header, its 412 and, exactly where a missing one is refused
     * (ApiSurface.IF_MATCH_REQUIRED), its 428, each with the Problem document; no other operation
     * takes If-Match.
     */
    /**
     * The views the disclosure rule can withhold parts of say so: their schemas carry withheldFields, and
     * every read answering them (here, one per view) takes Prefer and documents Preference-Applied.
     */
    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.Test
    void reads_that_can_withhold_document_the_withheld_preference() throws Exception {
        List<String> problems = new ArrayList<>();
        for (List<String> c : List.of(List.of("proposals-service", "GET /proposals/{id}", "ProposalContent"),
                List.of("proposals-service", "GET /proposals", "Stack"),
                List.of("review-service", "GET /reviews/{id}", "ReviewView"),
                List.of("review-service", "GET /designations/{number}", "DesignationView"),
                List.of("incentives-service", "GET /incentive-requests/{id}", "IncentiveRequestView"),
                List.of("incentives-service", "GET /budgets/{id}", "ObligationLine"))) {
            Map<String, Object> document = document(c.get(0));
            Map<String, Object> operation = operations(document).get(c.get(1));
            boolean prefer = ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream()
                    .anyMatch(p -> "Prefer".equals(p.get("name")) && "header".equals(p.get("in")) && p.get("description") != null);
            Map<String, Object> ok = ((Map<String, Map<String, Object>>) operation.get("responses")).get("200");
            boolean applied = ((Map<String, Object>) ok.getOrDefault("headers", Map.of())).containsKey("Preference-Applied");
            Map<String, Object> schema = ((Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("components"))
                    .get("schemas")).get(c.get(2));
            boolean fields = ((Map<String, Object>) schema.getOrDefault("properties", Map.of())).containsKey("withheldFields");
            if (!prefer || !applied || !fields) {
                problems.add(c + ": Prefer " + prefer + ", Preference-Applied " + applied + ", withheldFields " + fields);
            }
        }
        assertEquals(List.of(), problems);
        // a read whose answer nothing can be withheld from does not offer the preference
        Map<String, Object> calls = operations(document("proposals-service")).get("GET /calls/{id}");
        assertFalse(((List<Map<String, Object>>) calls.getOrDefault("parameters", List.of())).stream()
                .anyMatch(p -> "Prefer".equals(p.get("name"))), "GET /calls/{id} offers Prefer");
    }

    @SuppressWarnings("unchecked")
    @org.junit.jupiter.api.Test
    void conditional_changes_document_if_match_412_and_428() throws Exception {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (String service : List.of("proposals-service", "review-service", "incentives-service", "notifications-service")) {
            operations(document(service)).forEach((name, operation) -> {
                boolean takes = ((List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())).stream()
                        .anyMatch(p -> "If-Match".equals(p.get("name")) && "header".equals(p.get("in")));
                boolean conditional = ApiSurface.CONDITIONAL.contains(name);
                if (conditional) {
                    seen.add(name);
                }
                if (takes != conditional) {
                    problems.add(service + " " + name + (takes ? ": takes If-Match but is not CONDITIONAL" : ": documents no If-Match"));
                    return;
                }
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                if (conditional && !problem(responses.get("412"))) {
                    problems.add(service + " " + name + ": no 412 Problem");
                }
                boolean required = ApiSurface.IF_MATCH_REQUIRED.contains(name);
                if (required != responses.containsKey("428") || required && !problem(responses.get("428"))) {
                    problems.add(service + " " + name + (required ? ": no 428 Problem" : ": documents a 428 it never answers"));
                }
            });
        }
        assertEquals(List.of(), problems);
        assertEquals(new java.util.TreeSet<>(ApiSurface.CONDITIONAL), seen, "every CONDITIONAL operation is in a document");
    }

    @SuppressWarnings("unchecked")
    private static boolean problem(Map<String, Object> response) {
        if (response == null || response.get("content") == null) {
            return false;
        }
        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
        return content.get("application/problem+json") != null
                && Map.of("$ref", "#/components/schemas/Problem").equals(content.get("application/problem+json").get("schema"));
    }

    /** Why a schema is any JSON (through references and array items), or null when it is typed. */
    @SuppressWarnings("unchecked")
    static String freeForm(Map<String, Object> schema, Map<String, Map<String, Object>> schemas) {
        if (schema == null || schema.isEmpty()) {
            return "any JSON (no schema)";
        }
        if (schema.get("$ref") != null) {
            String ref = schema.get("$ref").toString();
            Map<String, Object> named = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return named == null ? "a reference to no schema (" + ref + ")" : freeForm(named, schemas);
        }
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.get(combined) != null) {
                return null;
            }
        }
        Object type = schema.get("type");
        if (type == null) {
            return schema.get("enum") != null ? null : "any JSON (no type)";
        }
        if (String.valueOf(type).contains("array")) {
            String items = freeForm((Map<String, Object>) schema.get("items"), schemas);
            return items == null ? null : "an array of " + items;
        }
        if (String.valueOf(type).contains("object") && schema.get("properties") == null
                && !(schema.get("additionalProperties") instanceof Map<?, ?> m && !m.isEmpty())) {
            return "a free-form object";
        }
        return null;
    }

    /** Every property of every component an answer reaches is typed, but those of ANY_JSON. */
    @SuppressWarnings("unchecked")
    private static void typed(String where, Map<String, Object> schema, Map<String, Map<String, Object>> schemas,
            java.util.Set<String> visited, List<String> problems) {
        if (schema == null) {
            return;
        }
        if (schema.get("$ref") != null) {
            String ref = schema.get("$ref").toString();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (visited.add(name) && schemas.get(name) != null) {
                Map<String, Object> named = schemas.get(name);
                Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) named.getOrDefault("properties", Map.of());
                properties.forEach((property, value) -> {
                    String why = freeForm(value, schemas);
                    if (why != null && !ANY_JSON.containsKey(name + "." + property)) {
                        problems.add(where + ": " + name + "." + property + " is " + why);
                    }
                });
                typed(where, named, schemas, visited, problems);
            }
            return;
        }
        ((Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of())).values()
                .forEach(p -> typed(where, p, schemas, visited, problems));
        if (schema.get("items") instanceof Map<?, ?> items) {
            typed(where, (Map<String, Object>) items, schemas, visited, problems);
        }
        if (schema.get("additionalProperties") instanceof Map<?, ?> more) {
            typed(where, (Map<String, Object>) more, schemas, visited, problems);
        }
        for (String combined : List.of("oneOf", "anyOf", "allOf")) {
            ((List<Map<String, Object>>) schema.getOrDefault(combined, List.of())).forEach(s -> typed(where, s, schemas, visited, problems));
        }
    }

    private static Map<String, Object> document(String service) throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
        try (Reader in = Files.newBufferedReader(root.resolve("docs/openapi/" + service + ".yaml"))) {
            return new Yaml().load(in);
        }
    }

    /** "METHOD /path" to the operation, in the document's order. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> operations(Map<String, Object> document) {
        Map<String, Map<String, Object>> operations = new java.util.LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> item.forEach((method, value) -> {
            if (METHODS.contains(method)) {
                operations.put(method.toUpperCase() + " " + path, (Map<String, Object>) value);
            }
        }));
        return operations;
    }
}
