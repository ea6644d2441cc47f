package gov.commerce.aiexports.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * The JSON Schema (2020-12) of each contract, derived from its record. The schemas are committed
 * under resources/contracts; a test keeps them equal to the records, so a field cannot change
 * without the contract file (and its reviewer) noticing.
 */
public final class ContractSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ContractSchemas() {
    }

    public static String fileName(Class<? extends IntegrationPayload> type) {
        EventContract c = EventCatalog.contractOf(type);
        return c.type() + ".v" + c.version() + ".schema.json";
    }

    public static ObjectNode schemaOf(Class<? extends IntegrationPayload> type) {
        EventContract c = EventCatalog.contractOf(type);
        ObjectNode schema = JSON.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://aiexports.commerce.gov/contracts/" + fileName(type));
        schema.put("title", c.type() + " v" + c.version());
        schema.put("description", "Payload of the integration event " + c.type() + ", schemaVersion " + c.version()
                + ", published by " + c.producer() + " on topic " + Topics.of(c.producer()) + ".");
        schema.setAll(objectSchema(type));
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOfType(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        return node;
    }

    private static ObjectNode schemaOfType(Type type) {
        ObjectNode node = JSON.objectNode();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            node.put("type", "array");
            node.set("items", schemaOfType(p.getActualTypeArguments()[0]));
            return node;
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            node.put("type", "string");
        } else if (c == int.class || c == long.class || c == Integer.class || c == Long.class) {
            node.put("type", "integer");
        } else if (c == boolean.class || c == Boolean.class) {
            node.put("type", "boolean");
        } else if (c == BigDecimal.class) {
            node.put("type", "number");
            node.put("description", "US dollars, at most two decimals");
        } else if (c == Instant.class) {
            node.put("type", "string");
            node.put("format", "date-time");
        } else if (c == LocalDate.class) {
            node.put("type", "string");
            node.put("format", "date");
        } else if (c.isEnum()) {
            node.put("type", "string");
            ArrayNode values = node.putArray("enum");
            for (Object v : c.getEnumConstants()) {
                values.add(((Enum<?>) v).name());
            }
        } else if (c.isRecord()) {
            node.setAll(objectSchema(c));
        } else {
            throw new IllegalArgumentException("no schema mapping for " + c);
        }
        return node;
    }
}
