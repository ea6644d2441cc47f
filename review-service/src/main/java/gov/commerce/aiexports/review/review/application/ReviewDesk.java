package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.ForbiddenException;

/** Who acts for an agency's review desk: its lead, or Commerce. */
public final class ReviewDesk {

    /** Commerce leads its own desk. */
    private static final String COMMERCE = "COMMERCE";

    private ReviewDesk() {
    }

    /**
     * Whether the caller leads that agency's review desk: an agency-reviewer holding agency-lead of
     * that agency, or a commerce-officer for COMMERCE (Commerce leads its own desk).
     */
    public static boolean leads(Caller caller, String agency) {
        if (agency == null || !agency.equals(caller.organisation())) {
            return false;
        }
        return (caller.has(Roles.AGENCY_REVIEWER) && caller.has(Roles.AGENCY_LEAD))
                || (caller.has(Roles.COMMERCE_OFFICER) && COMMERCE.equals(agency));
    }

    /** Commerce assigns for any agency; an agency's lead for its own only. Returns whether the lead acts (else Commerce). */
    static boolean mayAssign(Caller caller, String agency) {
        if (leads(caller, agency)) {
            return !caller.has(Roles.COMMERCE_OFFICER);
        }
        if (caller.has(Roles.COMMERCE_OFFICER)) {
            return false;
        }
        throw new ForbiddenException("only Commerce, or the agency's lead for its own agency, assigns reviewers");
    }

    /** Commerce reads any agency's workload; an agency's lead its own. */
    public static void mayReadWorkload(Caller caller, String agency) {
        if (!caller.has(Roles.COMMERCE_OFFICER) && !leads(caller, agency)) {
            throw new ForbiddenException("only Commerce, or the agency's lead for its own agency, reads its workload");
        }
    }
}
