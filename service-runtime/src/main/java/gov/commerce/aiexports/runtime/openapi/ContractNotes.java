package gov.commerce.aiexports.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the resources cannot say through their Java types, in one file per module
 * ({@value #RESOURCE}: service-runtime's for the operations every service has, each service's
 * for its own), read by {@link ContractOpenApi}:
 * <ul>
 * <li>{@code parameters}: a description per parameter name, or per "path name" where one name means
 * different things; with {@code enum} naming a Java enum (its constants are the accepted values) or
 * listing them;</li>
 * <li>{@code schemas}: components the answers below name (an answer built as a map has no Java type);</li>
 * <li>{@code operations}, by operationId: an {@code example} of the request body, and the
 * {@code responses} an operation answers where its Java type does not say (a JAX-RS Response, a
 * view shown through the disclosure rule as a JSON tree): status, description, JSON schema
 * (a {@code $ref} to a component or inline) and headers; {@code "ifMatch": "optional"} or {@code "required"}
 * for a change that honours If-Match (the header parameter is added where a helper reads it; 412
 * always, 428 only where required); {@code "etag"}: the description of the ETag a single resource's
 * answer carries.</li>
 * <li>{@code withheld}: per schema, the properties the disclosure rule may withhold from a caller
 * (the schema gains {@code withheldFields}, and every read that can answer it the {@code Prefer} header).</li>
 * </ul>
 */
final class ContractNotes {

    static final String RESOURCE = "META-INF/openapi-contract.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    final ObjectNode parameters = JSON.createObjectNode();
    final ObjectNode operations = JSON.createObjectNode();
    final ObjectNode schemas = JSON.createObjectNode();
    /** {@code withheld}: per schema, the properties the disclosure rule may withhold (WithheldPreference). */
    final ObjectNode withheld = JSON.createObjectNode();

    static ContractNotes load() {
        ContractNotes notes = new ContractNotes();
        try {
            // the build runs the filter with the application on the context class loader; the filter's own may differ
            List<URL> ordered = new ArrayList<>();
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(), ContractNotes.class.getClassLoader()}) {
                if (loader == null) {
                    continue;
                }
                Enumeration<URL> files = loader.getResources(RESOURCE);
                while (files.hasMoreElements()) {
                    URL file = files.nextElement();
                    if (ordered.stream().noneMatch(u -> u.toString().equals(file.toString()))) {
                        ordered.add(file);
                    }
                }
            }
            // the module's own notes win over service-runtime's shared ones: read those last
            ordered.sort(java.util.Comparator.comparing((URL u) -> !u.toString().contains("service-runtime")));
            for (URL file : ordered) {
                try (InputStream in = file.openStream()) {
                    JsonNode tree = JSON.readTree(in);
                    if (tree.has("parameters")) {
                        notes.parameters.setAll((ObjectNode) tree.get("parameters"));
                    }
                    if (tree.has("schemas")) {
                        notes.schemas.setAll((ObjectNode) tree.get("schemas"));
                    }
                    if (tree.has("withheld")) {
                        notes.withheld.setAll((ObjectNode) tree.get("withheld"));
                    }
                    if (tree.has("operations")) {
                        notes.operations.setAll((ObjectNode) tree.get("operations"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return notes;
    }

    /** The note on a parameter: by "path name" first, then by name; null when there is none. */
    JsonNode parameter(String path, String name) {
        JsonNode note = parameters.get(path + " " + name);
        if (note == null) {
            note = parameters.get(name);
        }
        if (note != null && note.isTextual()) {
            ObjectNode full = JSON.createObjectNode();
            full.put("description", note.asText());
            return full;
        }
        return note;
    }

    JsonNode operation(String operationId) {
        return operations.get(operationId);
    }

    /** The accepted values: listed, or the constants of the Java enum named. */
    static List<Object> enumeration(JsonNode note) {
        List<Object> values = new ArrayList<>();
        if (note.isArray()) {
            note.forEach(v -> values.add(v.asText()));
            return values;
        }
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(note.asText(), false, loader == null ? ContractNotes.class.getClassLoader() : loader);
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the enum " + note.asText() + " named in " + RESOURCE + " does not exist", e);
        }
        return values;
    }

    /** A JSON schema of the notes as the OpenAPI model's: the keywords the notes use. */
    static Schema schema(JsonNode node) {
        Schema schema = OASFactory.createSchema();
        if (node.has("$ref")) {
            return schema.ref(node.get("$ref").asText());
        }
        JsonNode type = node.get("type");
        if (type != null) {
            for (JsonNode t : type.isArray() ? type : JSON.createArrayNode().add(type)) {
                schema.addType(Schema.SchemaType.valueOf(t.asText().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        if (node.has("format")) {
            schema.format(node.get("format").asText());
        }
        if (node.has("description")) {
            schema.description(node.get("description").asText());
        }
        if (node.has("enum")) {
            schema.enumeration(enumeration(node.get("enum")));
        }
        if (node.has("items")) {
            schema.items(schema(node.get("items")));
        }
        if (node.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.get("properties").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                schema.addProperty(property.getKey(), schema(property.getValue()));
            }
        }
        if (node.has("additionalProperties") && node.get("additionalProperties").isObject()) {
            schema.additionalPropertiesSchema(schema(node.get("additionalProperties")));
        }
        if (node.has("required")) {
            List<String> required = new ArrayList<>();
            node.get("required").forEach(r -> required.add(r.asText()));
            schema.required(required);
        }
        return schema;
    }

    /** An example as plain maps, lists and scalars, in the order written (the document stays stable). */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(e -> list.add(plain(e)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().bitLength() < 63 ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText());
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.asText();
    }
}
