package gov.commerce.aiexports.runtime.request;

import java.util.Set;

/** The roles of API.md, as they appear in the token's groups claim. */
public final class Roles {
    public static final String APPLICANT = "applicant";
    public static final String COMMERCE_OFFICER = "commerce-officer";
    public static final String AGENCY_REVIEWER = "agency-reviewer";
    public static final String EDAG_COORDINATOR = "edag-coordinator";
    public static final String FINANCING_OFFICER = "financing-officer";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";
    /**
     * A qualifier, not a role of its own: held beside agency-reviewer, it makes the token's holder
     * the lead of its agency's review desk (assigns its reviewers, assesses unassigned, reads its
     * workload). Alone it grants nothing.
     */
    public static final String AGENCY_LEAD = "agency-lead";

    /** Roles that act for a federal agency and may read government views. */
    public static final Set<String> GOVERNMENT = Set.of(COMMERCE_OFFICER, AGENCY_REVIEWER, EDAG_COORDINATOR, FINANCING_OFFICER);

    private Roles() {
    }
}
