package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.runtime.domain.InvalidInput;

/** Every write of the review desk carries a body: its absence (an empty or a JSON null one) is refused as any missing field is. */
public final class Bodies {

    private Bodies() {
    }

    public static void require(Object body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
    }
}
