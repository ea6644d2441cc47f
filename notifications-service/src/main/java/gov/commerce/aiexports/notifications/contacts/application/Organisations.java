package gov.commerce.aiexports.notifications.contacts.application;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.ForbiddenException;

/** Whose contacts a caller manages: operators any organisation's, everyone else only the organisation in its token. */
public final class Organisations {

    private Organisations() {
    }

    /** The organisation the caller acts for; an operator names it, anyone else may only name its own (403). */
    public static String actedFor(Caller caller, String requested) {
        if (caller.has(Roles.OPERATOR)) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidInput("FIELD_REQUIRED", "/organisation", "an operator names the organisation");
            }
            return requested;
        }
        if (requested != null && !requested.equals(caller.organisation())) {
            throw new ForbiddenException("contacts of another organisation");
        }
        return caller.organisation();
    }
}
