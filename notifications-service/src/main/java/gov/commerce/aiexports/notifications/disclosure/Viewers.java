package gov.commerce.aiexports.notifications.disclosure;

import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.notifications.routing.Recipient;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who reads what this service sends, as the disclosure rule sees it.
 * <ul>
 * <li>An inbox entry or e-mail to an organisation is read by that organisation in its part of the
 *     program: a consortium as its applicant, an agency in its one role (COMMERCE the commerce
 *     officer; STATE, DEFENSE, ENERGY, OSTP agency reviewers; EDAG the coordinator; EXIM, DFC,
 *     USTDA financing officers). A person, or an organisation of no known part, sees no
 *     confidential section.</li>
 * <li>A webhook reads as the token that registered it: its agency and the government roles that
 *     token held (the roles that permitted the registration; an auditor or operator role riding
 *     on the same token adds nothing). A webhook whose roles are not recorded (registered before
 *     they were kept, and not yet replayed) sees no confidential section.</li>
 * </ul>
 */
public final class Viewers {

    /** The roles that may register a webhook: only these count for what it is sent. */
    public static final Set<String> WEBHOOK_ROLES = Set.of(Viewer.COMMERCE_OFFICER, Viewer.AGENCY_REVIEWER, Viewer.EDAG_COORDINATOR,
            Viewer.FINANCING_OFFICER);

    private static final Map<String, String> AGENCY_ROLE = Map.of(
            "COMMERCE", Viewer.COMMERCE_OFFICER,
            "STATE", Viewer.AGENCY_REVIEWER, "DEFENSE", Viewer.AGENCY_REVIEWER, "ENERGY", Viewer.AGENCY_REVIEWER,
            "OSTP", Viewer.AGENCY_REVIEWER,
            "EDAG", Viewer.EDAG_COORDINATOR,
            "EXIM", Viewer.FINANCING_OFFICER, "DFC", Viewer.FINANCING_OFFICER, "USTDA", Viewer.FINANCING_OFFICER);

    private Viewers() {
    }

    public static Viewer of(Recipient recipient) {
        return switch (recipient.type()) {
            case CONSORTIUM -> new Viewer(recipient.id(), Set.of(Viewer.APPLICANT));
            case AGENCY -> new Viewer(recipient.id(), AGENCY_ROLE.containsKey(recipient.id())
                    ? Set.of(AGENCY_ROLE.get(recipient.id())) : Set.of());
            case PERSON -> new Viewer(null, Set.of());
        };
    }

    /** @param registeredRoles the registering token's roles; null when not recorded */
    public static Viewer ofWebhook(String agency, Collection<String> registeredRoles) {
        Set<String> roles = registeredRoles == null ? Set.of()
                : registeredRoles.stream().filter(WEBHOOK_ROLES::contains).collect(Collectors.toSet());
        return new Viewer(agency, roles);
    }
}
