package gov.commerce.aiexports.runtime.request;

import gov.commerce.aiexports.events.Actor;
import java.util.Set;

/** The authenticated caller of a request, read from its token. */
public record Caller(String subject, String organisation, Set<String> roles) {

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isGovernment() {
        return roles.stream().anyMatch(Roles.GOVERNMENT::contains);
    }

    /**
     * Government roles and auditors read across organisations; applicants only their own.
     * Operators run the system, not the program: they see no consortium's proposals.
     */
    public boolean readsAcrossOrganisations() {
        return isGovernment() || has(Roles.AUDITOR);
    }

    public Actor actor() {
        return new Actor(subject, organisation, roles.stream().sorted().toList());
    }
}
