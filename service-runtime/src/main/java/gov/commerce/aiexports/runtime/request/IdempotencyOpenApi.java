package gov.commerce.aiexports.runtime.request;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import java.util.List;

/**
 * Declares the optional Idempotency-Key header on every POST of the service's OpenAPI document
 * (IdempotencyFilter serves it). Run by {@code ContractOpenApi} before its own steps, not as a filter
 * of its own: the order of two build-time filters is not fixed, and the written documents must come
 * out the same from every build.
 */
public class IdempotencyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getPOST() != null) {
                item.getPOST().addParameter(OASFactory.createParameter()
                        .name(IdempotencyFilter.HEADER)
                        .in(Parameter.In.HEADER)
                        .required(false)
                        .description("Makes the POST safe to repeat: the same key and body from the same caller return the "
                                + "first successful answer (with Idempotent-Replayed: true) and change nothing; the same key "
                                + "with another body is 422 IDEMPOTENCY_KEY_REUSED; a malformed key is 400 "
                                + "IDEMPOTENCY_KEY_INVALID; a repeat while the first still runs waits for it, or gets 409 "
                                + "IDEMPOTENCY_KEY_IN_USE; a repeat of a key whose first request never recorded its answer gets 409 "
                                + "IDEMPOTENCY_OUTCOME_UNKNOWN (check the resource, use a new key). Only 2xx answers are kept: "
                                + "a repeat after a refusal is judged again. Keys are kept 24 hours.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                                .maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
                ifMatchLast(item.getPOST());
            }
        }
    }

    /** Puts an If-Match header last among the operation's parameters (whichever step added it). */
    public static void ifMatchLast(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        List<Parameter> ifMatch = operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())).toList();
        List<Parameter> all = operation.getParameters();
        if (ifMatch.isEmpty() || all.subList(all.size() - ifMatch.size(), all.size()).equals(ifMatch)) {
            return;
        }
        // moved within the list in place: setting a new list would also move the key "parameters" in the document
        for (Parameter p : ifMatch) {
            operation.removeParameter(p);
            operation.addParameter(p);
        }
    }
}
