package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of contact addresses, in one place; each {@code check...} returns what it finds (400 when refused). */
public final class ContactPolicies {

    /** The agencies of API.md; any other organisation is a consortium, known by its anchor member's UEI. */
    public static final Set<String> AGENCIES = Set.copyOf(gov.commerce.aiexports.events.AgencyCodes.ALL);

    /** One address, no display name, no spaces or line breaks (nothing that could inject mail headers). */
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");
    /** An organisation as it may be asked for: an agency code or a UEI. */
    private static final String ORGANISATION_DETAIL = "organisation is an agency code or a 12-character UEI";
    public static final Pattern ORGANISATION = Pattern.compile("^([A-Z0-9]{12}|" + String.join("|", AGENCIES) + ")$");

    private ContactPolicies() {
    }

    /** EMAIL_INVALID, NAME_TOO_LONG, ORGANISATION_INVALID: an address must be deliverable and the organisation real. */
    public static List<Violation> check(String organisation, String email, String name) {
        return new Checks()
                .required(email, "/email")
                .require(email == null || email.isBlank() || (email.length() <= 254 && EMAIL.matcher(email).matches()),
                        "EMAIL_INVALID", "/email", "email must be one plain address such as name@agency.gov")
                .require(name == null || name.length() <= 200, "NAME_TOO_LONG", "/name", "name has at most 200 characters")
                .require(organisation != null && ORGANISATION.matcher(organisation).matches(),
                        "ORGANISATION_INVALID", "/organisation", ORGANISATION_DETAIL)
                .violations();
    }

    /** ORGANISATION_INVALID for an organisation given in a malformed shape; absent, it is the caller's. */
    public static List<Violation> checkOrganisation(String organisation) {
        return new Checks().require(organisation == null || ORGANISATION.matcher(organisation).matches(), "ORGANISATION_INVALID",
                "/organisation", ORGANISATION_DETAIL).violations();
    }

    /** Addresses compare without case: one mailbox is registered once per organisation. */
    public static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
