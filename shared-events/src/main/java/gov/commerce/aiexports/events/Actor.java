package gov.commerce.aiexports.events;

import java.util.List;

/** Who did it: the token's subject, organisation (agency code or applicant UEI) and roles. */
public record Actor(String subject, String organisation, List<String> roles) {

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The actor recorded when the system itself acts on an event it consumed or a schedule. */
    public static Actor system(String service) {
        return new Actor("system:" + service, "SYSTEM", List.of());
    }
}
