package gov.commerce.aiexports.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Set;

/**
 * The CommonGrants JSON Schemas (protocol 0.3, generated from @common-grants/core 0.3.0-alpha.1:
 * see resources commongrants/0.3.0-alpha.1/README.md), for checking the public feed against them,
 * formats (uuid, date, date-time, uri) asserted.
 */
public final class CommonGrantsSchemas {

    public static final String VERSION = "0.3.0-alpha.1";
    private static final String BASE = "https://commongrants.org/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:commongrants/" + VERSION + "/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private CommonGrantsSchemas() {
    }

    /** What does not hold of {@code schema} (a file name such as OpportunityBase.json): empty when the document conforms. */
    public static List<String> violations(String schema, JsonNode document) {
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of(BASE + schema), CONFIG);
        Set<ValidationMessage> messages = s.validate(document);
        return messages.stream().map(ValidationMessage::toString).sorted().toList();
    }
}
