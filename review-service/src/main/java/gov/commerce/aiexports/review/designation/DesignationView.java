package gov.commerce.aiexports.review.designation;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.IncentiveLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry of the public catalogue of priority AI export packages, as stored; DesignationResource
 * withholds the sections marked confidential ({@code confidentialSections}: names only; null, for a
 * review opened before proposals said, counts as all marked) before serving it. status is ACTIVE or
 * REVOKED (or SUSPENDED, with its suspension); a revoked entry stays listed with its revocation (cause, e.g. RELINQUISHED), so the
 * catalogue never shows as live a designation that is not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DesignationView(@org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String number,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String proposalId, String title, String consortiumName,
        List<String> targetCountries, LocalDate effectiveDate, List<String> conditions, List<IncentiveLine> endorsedIncentives,
        Instant designatedAt, @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true) String status, Revocation revocation,
        // never served: DesignationResource removes it (the names of the marked sections are the consortium's business)
        @org.eclipse.microprofile.openapi.annotations.media.Schema(hidden = true) List<String> confidentialSections, Suspension suspension) {

    public static final String ACTIVE = "ACTIVE";
    public static final String REVOKED = "REVOKED";
    /** Suspended by Commerce: shown with when it counts from, not Commerce's reason (kept in the review). */
    public static final String SUSPENDED = "SUSPENDED";

    public record Suspension(java.time.LocalDate effectiveDate, Instant suspendedAt) {
    }

    /**
     * Only the cause and when: the catalogue is open to every token, so the applicant's own reason
     * and the id of its withdrawal stay in the review (see ReviewView.Revocation).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Revocation(String cause, Instant revokedAt, java.time.LocalDate effectiveDate) {
        public Revocation(String cause, Instant revokedAt) {
            this(cause, revokedAt, null);
        }
    }

    public DesignationView {
        // entries stored before revocations existed were all live
        status = status == null ? ACTIVE : status;
    }

    public DesignationView revoked(Revocation r) {
        return new DesignationView(number, proposalId, title, consortiumName, targetCountries, effectiveDate, conditions,
                endorsedIncentives, designatedAt, REVOKED, r, confidentialSections, null);
    }

    /** Suspended (s) or, with null, reinstated: ACTIVE again. */
    public DesignationView suspended(Suspension s) {
        return new DesignationView(number, proposalId, title, consortiumName, targetCountries, effectiveDate, conditions,
                endorsedIncentives, designatedAt, s == null ? ACTIVE : SUSPENDED, revocation, confidentialSections, s);
    }
}
