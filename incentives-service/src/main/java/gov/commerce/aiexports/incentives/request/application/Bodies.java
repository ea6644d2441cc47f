package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.runtime.domain.InvalidInput;

/** A decision on a line always carries a body: its absence is refused as any missing field is. */
public final class Bodies {

    private Bodies() {
    }

    public static void require(Object body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
    }
}
