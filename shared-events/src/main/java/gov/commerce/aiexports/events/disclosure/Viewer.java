package gov.commerce.aiexports.events.disclosure;

import java.util.Set;

/** Who reads: the token's organisation (agency code or applicant's UEI) and roles (API.md's names). */
public record Viewer(String organisation, Set<String> roles) {

    public static final String APPLICANT = "applicant";
    public static final String COMMERCE_OFFICER = "commerce-officer";
    public static final String AGENCY_REVIEWER = "agency-reviewer";
    public static final String EDAG_COORDINATOR = "edag-coordinator";
    public static final String FINANCING_OFFICER = "financing-officer";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";

    public Viewer {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
