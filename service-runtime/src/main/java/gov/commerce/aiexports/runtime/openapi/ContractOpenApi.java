package gov.commerce.aiexports.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document says beyond what the resources declare, so a generated
 * client matches the wire:
 * <ul>
 * <li>the API's version ({@link #API_VERSION}), not the build's snapshot;</li>
 * <li>the bearer-token security scheme, required by every operation outside /q/;</li>
 * <li>one problem schema ({@code Problem}, RFC 9457 with {@code rule}, {@code field} and
 * {@code violations}) for every error an operation can answer (400, 401, 403, 404 everywhere; 409
 * and 422 on changes);</li>
 * <li>a property that is not required is nullable: the views serialise an absent value as
 * {@code null} (a target's {@code region}, {@code bloc}, {@code countries}), and a client generated
 * from a document that says otherwise fails on it.</li>
 * <li>an operationId on every operation, from its method and path ({@link #operationId}).</li>
 * <li>what the Java types cannot say, from the modules' {@link ContractNotes} (META-INF/openapi-contract.json):
 * a description (and the accepted values) of every parameter, an example of every request body, and the
 * status and schema of answers built as a JAX-RS Response or shown through the disclosure rule; which changes
 * honour If-Match (412) and which require it (428); which answers carry an ETag.</li>
 * </ul>
 * (An enumerated property keeps its type: a null there would need the enumeration to list it.)
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractOpenApi implements OASFilter {

    /** The version of the external contract (API.md): additions bump the minor, never a break. */
    public static final String API_VERSION = "1.1.0";
    public static final String PROBLEM = "Problem";
    public static final String BEARER = "bearer";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new gov.commerce.aiexports.runtime.request.IdempotencyOpenApi().filterOpenAPI(openAPI);
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo().title("aiexports"));
        }
        openAPI.getInfo().setVersion(API_VERSION);
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT of the identity provider with the claims sub, groups (roles) and org."));
        components.addSchema(PROBLEM, problemSchema());
        ContractNotes notes = ContractNotes.load();
        Components named = components;
        notes.schemas.fields().forEachRemaining(s -> named.addSchema(s.getKey(), ContractNotes.schema(s.getValue())));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ContractOpenApi::optionalIsNullable);
        }
        java.util.Set<String> withholding = withheld(components, notes);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            anyJsonForJacksonTrees(openAPI);
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean open = path.getKey().startsWith("/q/");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getOperationId() == null) {
                    operation.setOperationId(operationId(entry.getKey(), path.getKey()));
                }
                if (!open) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
                }
                boolean change = entry.getKey() != PathItem.HttpMethod.GET;
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                noted(notes, path.getKey(), operation);
                statusOfResponse(entry.getKey(), path.getKey(), responses);
                problem(responses, "400", "Invalid input: the rule and field say what and where.");
                if (!open) {
                    problem(responses, "401", "No token, or one that is not valid.");
                    problem(responses, "403", "The token's roles or organisation do not allow this.");
                }
                if (path.getKey().contains("{")) {
                    problem(responses, "404", "Not found (or not to be known to this caller).");
                }
                if (change) {
                    problem(responses, "409", "Conflict with the current state, or a concurrent change.");
                    problem(responses, "422", "Refused by a rule of the program (the rule names it).");
                }
                JsonNode note = notes.operation(operation.getOperationId());
                String ifMatch = note == null || !note.has("ifMatch") ? null : note.get("ifMatch").asText();
                if (ifMatch != null && !takes(operation, "header", "If-Match")) {
                    // read from the request's headers by a helper (the oversight's writes), not a method parameter
                    operation.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).required(false)
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
                gov.commerce.aiexports.runtime.request.IdempotencyOpenApi.ifMatchLast(operation);
                describePagingAndPreconditions(operation);
                if (takes(operation, "header", "If-Match")) {
                    problem(responses, "412", "If-Match names a version that is no longer the resource's (STALE_VERSION): read it again.");
                    if ("required".equals(ifMatch)) {
                        problem(responses, "428", "This change must be conditional: send the ETag read in If-Match (IF_MATCH_REQUIRED), "
                                + "where a lost update would matter.");
                    }
                }
                if (note != null && note.has("etag")) {
                    etag(responses, note.get("etag").asText());
                }
                if (!change && (takes(operation, "query", "cursor") || takes(operation, "query", "after"))) {
                    nextLink(responses);
                }
                if (!change && answersAnyOf(responses, withholding)) {
                    preferWithheld(operation, responses);
                }
            }
        }
        anyJsonForJacksonTrees(openAPI);
    }

    /** The notes' descriptions, accepted values, example and answers (ContractNotes). */
    static void noted(ContractNotes notes, String path, Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                JsonNode note = notes.parameter(path, parameter.getName());
                if (note == null) {
                    continue;
                }
                if (parameter.getDescription() == null && note.has("description")) {
                    parameter.setDescription(note.get("description").asText());
                }
                if (note.has("enum") && parameter.getSchema() != null && parameter.getSchema().getEnumeration() == null) {
                    parameter.getSchema().setEnumeration(ContractNotes.enumeration(note.get("enum")));
                }
                if (note.has("example") && parameter.getExample() == null) {
                    parameter.setExample(ContractNotes.plain(note.get("example")));
                }
            }
        }
        JsonNode note = notes.operation(operation.getOperationId());
        if (note == null) {
            return;
        }
        if (note.has("example") && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaTypes() != null) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(media -> media.setExample(ContractNotes.plain(note.get("example"))));
        }
        if (note.has("responses")) {
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                responses = OASFactory.createAPIResponses();
                operation.setResponses(responses);
            }
            // the notes list every success the operation answers: one the scanner guessed and they do not list goes
            for (String code : List.copyOf(responses.getAPIResponses() == null ? List.of() : responses.getAPIResponses().keySet())) {
                if (code.startsWith("2") && !note.get("responses").has(code)) {
                    responses.removeAPIResponse(code);
                }
            }
            for (java.util.Iterator<Map.Entry<String, JsonNode>> it = note.get("responses").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> answer = it.next();
                JsonNode spec = answer.getValue();
                // the answer the scanner saw keeps its other media types (text/csv, application/x-ndjson)
                APIResponse response = responses.hasAPIResponse(answer.getKey()) ? responses.getAPIResponse(answer.getKey())
                        : OASFactory.createAPIResponse();
                response.description(spec.has("description") ? spec.get("description").asText() : "Done.");
                if (spec.has("schema")) {
                    Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
                    content.addMediaType("application/json", OASFactory.createMediaType().schema(ContractNotes.schema(spec.get("schema"))));
                    response.content(content);
                }
                if (spec.has("headers")) {
                    for (java.util.Iterator<Map.Entry<String, JsonNode>> h = spec.get("headers").fields(); h.hasNext();) {
                        Map.Entry<String, JsonNode> header = h.next();
                        response.addHeader(header.getKey(), OASFactory.createHeader().description(header.getValue().asText())
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                    }
                }
                responses.addAPIResponse(answer.getKey(), response);
            }
        }
    }

    /** Jackson's tree types, as the scanner describes their Java API (nodeType, array, ...), which is not what the wire carries. */
    static final java.util.Set<String> JACKSON_TREES = java.util.Set.of("JsonNode", "ObjectNode", "ArrayNode", "JsonNodeFactory",
            "JsonNodeType");

    /**
     * A JsonNode (an event's payload, an aggregate's state) is any JSON value: an empty schema. Left
     * as the scanner made them, a generated client gets model classes named JsonNode and ObjectNode
     * that clash with Jackson's own and do not compile.
     */
    static void anyJsonForJacksonTrees(OpenAPI openAPI) {
        java.util.function.Consumer<Schema> visit = new java.util.function.Consumer<>() {
            @Override
            public void accept(Schema schema) {
                if (schema == null) {
                    return;
                }
                if (schema.getProperties() != null) {
                    Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
                    properties.replaceAll((name, property) -> anyIfTree(property));
                    schema.setProperties(properties);
                    properties.values().forEach(this);
                }
                if (schema.getItems() != null) {
                    schema.setItems(anyIfTree(schema.getItems()));
                    accept(schema.getItems());
                }
                if (schema.getAdditionalPropertiesSchema() != null) {
                    schema.setAdditionalPropertiesSchema(anyIfTree(schema.getAdditionalPropertiesSchema()));
                    accept(schema.getAdditionalPropertiesSchema());
                }
                if (schema.getAllOf() != null) {
                    schema.setAllOf(schema.getAllOf().stream().map(ContractOpenApi::anyIfTree).toList());
                    schema.getAllOf().forEach(this);
                }
                if (schema.getAnyOf() != null) {
                    schema.setAnyOf(schema.getAnyOf().stream().map(ContractOpenApi::anyIfTree).toList());
                    schema.getAnyOf().forEach(this);
                }
                if (schema.getOneOf() != null) {
                    schema.setOneOf(schema.getOneOf().stream().map(ContractOpenApi::anyIfTree).toList());
                    schema.getOneOf().forEach(this);
                }
            }
        };
        Components components = openAPI.getComponents();
        if (components != null && components.getSchemas() != null) {
            JACKSON_TREES.forEach(components::removeSchema);
            present = java.util.Set.copyOf(components.getSchemas().keySet());
            components.getSchemas().values().forEach(visit);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                List<Content> contents = new java.util.ArrayList<>();
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    contents.add(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream().filter(r -> r.getContent() != null)
                            .forEach(r -> contents.add(r.getContent()));
                }
                for (Content content : contents) {
                    if (content.getMediaTypes() == null) {
                        continue;
                    }
                    content.getMediaTypes().values().forEach(media -> {
                        media.setSchema(anyIfTree(media.getSchema()));
                        visit.accept(media.getSchema());
                    });
                }
            }
        }
    }

    /** The components present when the trees are replaced: a note naming a view the build did not describe falls back to any JSON. */
    private static java.util.Set<String> present = java.util.Set.of();

    private static Schema anyIfTree(Schema schema) {
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith("#/components/schemas/")
                && (JACKSON_TREES.contains(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1))
                        || !present.contains(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1)))) {
            return OASFactory.createSchema().description("Any JSON value.");
        }
        return schema;
    }

    /** The parameters every list and every conditional change shares, described once here. */
    private static void describePagingAndPreconditions(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (var p : operation.getParameters()) {
            if (p.getDescription() != null || p.getIn() == null) {
                continue;
            }
            String in = p.getIn().toString();
            if (in.equals("query") && "cursor".equals(p.getName())) {
                p.setDescription("Where the page starts: the opaque value in the previous page's Link: rel=\"next\" (absent: the first "
                        + "page). A cursor of another list or sort is 400 CURSOR_INVALID.");
            } else if (in.equals("query") && "limit".equals(p.getName())) {
                p.setDescription("Rows per page, 1 to 1000 (default 100); outside is 400 LIMIT_INVALID, never clamped.");
            } else if (in.equals("header") && "If-Match".equals(p.getName())) {
                p.setDescription("The ETag read by GET (\"3\"), or * for any version: another version is 412 STALE_VERSION; "
                        + "required (428 IF_MATCH_REQUIRED) on edits, amendments, determinations and budget adjustments.");
            }
        }
    }

    private static boolean takes(Operation operation, String in, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> name.equals(p.getName()) && p.getIn() != null && in.equals(p.getIn().toString()));
    }

    /** A single resource's answer carries its version as ETag: the value a conditional change sends back in If-Match. */
    private static void etag(APIResponses responses, String description) {
        if (responses.getAPIResponses() == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") && !status.equals("204") && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
                response.addHeader("ETag", OASFactory.createHeader().description(description)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
    }

    /** A paged list's 200 says where the next page is (RFC 8288), absent on the last. */
    private static void nextLink(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null || (ok.getHeaders() != null && ok.getHeaders().containsKey("Link"))) {
            return;
        }
        ok.addHeader("Link", OASFactory.createHeader().description("<...&cursor=...>; rel=\"next\" while more rows remain: "
                + "the same request from the next page on (absent on the last page)")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
    }

    /**
     * The schemas whose properties the disclosure rule may withhold (the notes' {@code withheld}) gain
     * {@code withheldFields}; returns them with every schema that contains one of them, so that the
     * reads answering any of these can be given the {@code Prefer} header. A note naming a schema or a
     * property the document does not have fails the build: the notes follow the views.
     */
    static java.util.Set<String> withheld(Components components, ContractNotes notes) {
        java.util.Set<String> withholding = new java.util.HashSet<>();
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        List<Object> reasons = java.util.Arrays.stream(gov.commerce.aiexports.events.disclosure.Reason.values())
                .map(r -> (Object) r.name()).toList();
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = notes.withheld.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> note = it.next();
            Schema schema = schemas.get(note.getKey());
            if (schema == null) {
                throw new IllegalStateException("openapi-contract.json: withheld names schema " + note.getKey() + ", which no answer has");
            }
            List<String> properties = new java.util.ArrayList<>();
            for (JsonNode property : note.getValue()) {
                if (schema.getProperties() == null || !schema.getProperties().containsKey(property.asText())) {
                    throw new IllegalStateException("openapi-contract.json: withheld names " + note.getKey() + "." + property.asText()
                            + ", which the schema does not have");
                }
                properties.add(property.asText());
            }
            schema.addProperty(gov.commerce.aiexports.runtime.disclosure.WithheldPreference.FIELDS, OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT).addType(Schema.SchemaType.NULL)
                    .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(reasons))
                    .description("Only with `Prefer: withheld=null`, when the disclosure rule withholds from the caller one of "
                            + String.join(", ", properties) + ": each withheld property by name, with the reason; the property "
                            + "itself is then null. Without the preference a withheld property holds the marker "
                            + "{\"withheld\": \"BUSINESS_CONFIDENTIAL\", \"because\": <reason>} in its place instead."));
            withholding.add(note.getKey());
        }
        // and every schema that holds one of them, to any depth
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, Schema> s : schemas.entrySet()) {
                if (!withholding.contains(s.getKey()) && refersToAny(s.getValue(), withholding, 0)) {
                    grew = withholding.add(s.getKey());
                }
            }
        }
        return withholding;
    }

    private static boolean refersToAny(Schema schema, java.util.Set<String> names, int depth) {
        if (schema == null || depth > 8) {
            return false;
        }
        if (schema.getRef() != null && names.contains(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1))) {
            return true;
        }
        if (refersToAny(schema.getItems(), names, depth + 1) || refersToAny(schema.getAdditionalPropertiesSchema(), names, depth + 1)) {
            return true;
        }
        for (List<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null && group.stream().anyMatch(g -> refersToAny(g, names, depth + 1))) {
                return true;
            }
        }
        return schema.getProperties() != null && schema.getProperties().values().stream().anyMatch(p -> refersToAny(p, names, depth + 1));
    }

    private static boolean answersAnyOf(APIResponses responses, java.util.Set<String> schemas) {
        APIResponse ok = responses.getAPIResponse("200");
        if (schemas.isEmpty() || ok == null || ok.getContent() == null || ok.getContent().getMediaType("application/json") == null) {
            return false;
        }
        return refersToAny(ok.getContent().getMediaType("application/json").getSchema(), schemas, 0);
    }

    /** The opt-in preference of WithheldPreference, on a read whose answer can hold a withheld property. */
    private static void preferWithheld(Operation operation, APIResponses responses) {
        if (!takes(operation, "header", gov.commerce.aiexports.runtime.disclosure.WithheldPreference.PREFER)) {
            operation.addParameter(OASFactory.createParameter().name(gov.commerce.aiexports.runtime.disclosure.WithheldPreference.PREFER)
                    .in(Parameter.In.HEADER).required(false).example("withheld=null")
                    .description("RFC 7240. `withheld=null`: a property the disclosure rule withholds from the caller is null "
                            + "and named, with the reason, in its object's `withheldFields`, so that every property has its "
                            + "documented type; without it, the marker object stands in its place.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        responses.getAPIResponse("200").addHeader(gov.commerce.aiexports.runtime.disclosure.WithheldPreference.APPLIED,
                OASFactory.createHeader().description("`withheld=null` when the request preferred it")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
    }

    /** GET /proposals/{id}/timeline gives getProposalsByIdTimeline: unique by construction, stable while the path is. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            if (parameter) {
                id.append("By");
                segment = segment.substring(1, segment.length() - 1);
            }
            for (String word : segment.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    /**
     * An operation that returns a JAX-RS Response is documented as a bare 200; say what it answers:
     * a creation (POST on a collection) 201 with Location, a replay 202, a removal 204.
     */
    static void statusOfResponse(PathItem.HttpMethod method, String path, APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null || !untyped(ok)) {
            return;
        }
        if (method == PathItem.HttpMethod.POST && !path.contains("{")) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("201", ok.description("Created; Location names the new resource.")
                    .addHeader("Location", OASFactory.createHeader().description("The path of the new resource.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))));
        } else if (method == PathItem.HttpMethod.POST && path.endsWith("/replay")) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("202", ok.description("Accepted: the replay runs; GET the projection for its progress."));
        } else if (method == PathItem.HttpMethod.DELETE) {
            responses.removeAPIResponse("200");
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Removed."));
        }
    }

    private static boolean untyped(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return true;
        }
        return response.getContent().getMediaTypes().values().stream().allMatch(m -> m.getSchema() == null
                || (m.getSchema().getRef() == null && (m.getSchema().getType() == null || m.getSchema().getType().isEmpty())
                        && m.getSchema().getProperties() == null));
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A stable rule code, such as TARGET_EMBARGOED."))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING).addType(Schema.SchemaType.NULL)
                        .description("A JSON pointer to the value concerned (a query parameter or header as /name)."))
                .addProperty("detail", text)
                .required(List.of("rule", "detail"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, with the stable rule code and the field concerned.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A stable rule code, such as TARGET_EMBARGOED, UNKNOWN_FIELD or STALE_VERSION."))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A JSON pointer to the value concerned (a query parameter or header as /name)."))
                .addProperty("correlationId", text)
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .required(List.of("type", "title", "status", "rule"))
                .example(example());
    }

    /** In a fixed order, so the document written at build time changes only when the contract does. */
    private static Map<String, Object> example() {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "https://aiexports.commerce.gov/problems/target-embargoed");
        example.put("title", "Refused by a rule of the program");
        example.put("status", 422);
        example.put("detail", "KP is embargoed");
        example.put("rule", "TARGET_EMBARGOED");
        example.put("field", "/targets/0/country");
        return example;
    }

    /** A property outside the schema's required list may be sent as null: say so (OpenAPI 3.1: type null). */
    static void optionalIsNullable(Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (property.getRef() == null && property.getType() != null && !property.getType().isEmpty()
                    && !required.contains(name) && !property.getType().contains(Schema.SchemaType.NULL)
                    && property.getEnumeration() == null) {
                property.addType(Schema.SchemaType.NULL);
            }
            optionalIsNullable(property);
        });
    }
}
