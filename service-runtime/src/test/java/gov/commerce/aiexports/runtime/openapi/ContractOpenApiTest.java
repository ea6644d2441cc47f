package gov.commerce.aiexports.runtime.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The filter over a document as the scanner leaves it, with service-runtime's own notes (META-INF/openapi-contract.json). */
class ContractOpenApiTest {

    @Test
    void notes_describe_parameters_and_type_answers_and_jackson_trees_become_any_json() {
        Schema tree = OASFactory.createSchema().ref("#/components/schemas/ObjectNode");
        Operation events = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("type").in(Parameter.In.QUERY)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                        .content(OASFactory.createContent()
                                .addMediaType("application/json", OASFactory.createMediaType().schema(OASFactory.createSchema()))
                                .addMediaType("application/x-ndjson", OASFactory.createMediaType().schema(OASFactory.createSchema())))));
        Operation state = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("OK")
                        .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType().schema(tree)))));
        OpenAPI openAPI = OASFactory.createOpenAPI().info(OASFactory.createInfo().title("t").version("0.1.0-SNAPSHOT"))
                .components(OASFactory.createComponents()
                        .addSchema("ObjectNode", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .addSchema("StoredEvent", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("payload", OASFactory.createSchema().ref("#/components/schemas/JsonNode"))))
                .paths(OASFactory.createPaths()
                        .addPathItem("/audit/events", OASFactory.createPathItem().GET(events))
                        .addPathItem("/audit/aggregates/{id}/state", OASFactory.createPathItem().GET(state)));

        new ContractOpenApi().filterOpenAPI(openAPI);

        assertEquals(ContractOpenApi.API_VERSION, openAPI.getInfo().getVersion());
        assertEquals("getAuditEvents", events.getOperationId());
        assertTrue(events.getParameters().get(0).getDescription().startsWith("Only events of this type"));
        var ok = events.getResponses().getAPIResponse("200");
        assertEquals("#/components/schemas/AuditEventPage", ok.getContent().getMediaType("application/json").getSchema().getRef());
        assertNotNull(ok.getContent().getMediaType("application/x-ndjson"), "the other media type stays");
        assertNotNull(openAPI.getComponents().getSchemas().get("AuditEventPage"));
        assertEquals("#/components/schemas/Problem",
                events.getResponses().getAPIResponse("401").getContent().getMediaType("application/problem+json").getSchema().getRef());

        assertFalse(openAPI.getComponents().getSchemas().containsKey("ObjectNode"));
        assertNull(state.getResponses().getAPIResponse("200").getContent().getMediaType("application/json").getSchema().getRef(),
                "an ObjectNode answer is any JSON value");
        assertNull(openAPI.getComponents().getSchemas().get("StoredEvent").getProperties().get("payload").getRef());
    }
}
