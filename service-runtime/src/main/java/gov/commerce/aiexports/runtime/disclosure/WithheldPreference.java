package gov.commerce.aiexports.runtime.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code Prefer: withheld=null} (RFC 7240): a withheld value is {@code null} in its place instead of
 * the marker object {@code {"withheld": ..., "because": ...}}, and the object that holds it names it
 * with the reason in {@code withheldFields} ({@code {"summary": "AGENCY_NOT_REQUIRED"}}). Every value
 * then has the type its OpenAPI document gives it, so a generated client reads the view typed, and
 * can still tell a withheld value from an absent one. Without the preference the answer is as it
 * always was. Applies to every JSON answer of every service; the answer says
 * {@code Preference-Applied: withheld=null}.
 */
@Provider
public class WithheldPreference implements ContainerResponseFilter {

    public static final String PREFER = "Prefer";
    public static final String APPLIED = "Preference-Applied";
    public static final String PREFERENCE = "withheld=null";
    /** The property naming, in an object, each of its properties withheld, with the reason. */
    public static final String FIELDS = "withheldFields";

    @Inject
    ObjectMapper mapper;

    private volatile ObjectMapper trees;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!requested(request.getHeaders().get(PREFER))) {
            return;
        }
        response.getHeaders().add("Vary", PREFER);
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        // no type yet is a method without @Produces: these services then answer JSON
        if (entity == null || type != null && !MediaType.APPLICATION_JSON_TYPE.isCompatible(type)
                || entity instanceof CharSequence || entity instanceof byte[] || entity instanceof java.io.InputStream
                || entity instanceof jakarta.ws.rs.core.StreamingOutput) {
            return;
        }
        JsonNode tree = entity instanceof JsonNode node ? node.deepCopy() : trees().valueToTree(entity);
        separate(tree);
        response.setEntity(tree, response.getEntityAnnotations(), type == null ? MediaType.APPLICATION_JSON_TYPE : type);
        response.getHeaders().putSingle(APPLIED, PREFERENCE);
    }

    /** The service's own mapper, with decimals kept exact in the tree (25000000.00 stays so). */
    private ObjectMapper trees() {
        if (trees == null) {
            trees = mapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        }
        return trees;
    }

    /** Whether one of the request's Prefer headers asks for {@code withheld=null} (token and value in any case, value quoted or not). */
    public static boolean requested(List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            for (String preference : header.split(",")) {
                String[] parts = preference.split(";")[0].split("=", 2);
                if (parts.length == 2 && parts[0].trim().equalsIgnoreCase("withheld")
                        && parts[1].trim().replace("\"", "").equalsIgnoreCase("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Replaces, in place, every marker that stands for a property by null and names it in its object's {@value #FIELDS}. */
    public static void separate(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(WithheldPreference::separate);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> withheld = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (isMarker(field.getValue())) {
                withheld.add(field.getKey());
            } else {
                separate(field.getValue());
            }
        }
        if (withheld.isEmpty()) {
            return;
        }
        ObjectNode reasons = object.has(FIELDS) && object.get(FIELDS).isObject() ? (ObjectNode) object.get(FIELDS) : object.objectNode();
        for (String field : withheld) {
            reasons.put(field, object.get(field).get("because").asText());
            object.putNull(field);
        }
        object.set(FIELDS, reasons);
    }

    /** Exactly the marker, {"withheld": "BUSINESS_CONFIDENTIAL", "because": ...}: a document entry that also has its id is not one. */
    static boolean isMarker(JsonNode value) {
        return value instanceof ObjectNode o && o.size() == 2 && Disclosure.WITHHELD.equals(o.path("withheld").asText(null))
                && o.path("because").isTextual();
    }
}
