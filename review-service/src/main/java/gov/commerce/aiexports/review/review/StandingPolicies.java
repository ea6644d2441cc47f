package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.time.LocalDate;
import java.util.List;

/**
 * The rules of Commerce's suspension, reinstatement and revocation of a designation. Each acts
 * when recorded; effectiveDate says from when it counts and may lie in the past (a breach found
 * later), never in the future (nothing here is scheduled). Checked in this order: the input (400),
 * the date (422), the state (409).
 */
public final class StandingPolicies {

    /** 409: suspension of a designation that is not live (or already suspended). */
    public static final String DESIGNATION_NOT_ACTIVE = "DESIGNATION_NOT_ACTIVE";
    /** 409: reinstatement of a designation that is not suspended. */
    public static final String DESIGNATION_NOT_SUSPENDED = "DESIGNATION_NOT_SUSPENDED";
    /** 409: any change to a revoked designation (relinquished or revoked by Commerce). */
    public static final String DESIGNATION_REVOKED = "DESIGNATION_REVOKED";
    /** 409: the review holds no designation (undecided, rejected or closed). */
    public static final String NOT_DESIGNATED = "NOT_DESIGNATED";
    /** 400: reason or effective date missing. */
    public static final String EFFECTIVE_DATE_REQUIRED = "EFFECTIVE_DATE_REQUIRED";
    /** 422: an effective date after today in Washington. */
    public static final String EFFECTIVE_DATE_IN_FUTURE = "EFFECTIVE_DATE_IN_FUTURE";
    /** 400: a reason over 4000 characters. */
    public static final String REASON_TOO_LONG = "REASON_TOO_LONG";

    private StandingPolicies() {
    }

    /** The input (400): a reason of at most 4000 characters and an effective date. */
    public static List<Violation> checkInput(String reason, LocalDate effectiveDate) {
        return new Checks().required(reason, "/reason")
                .require(reason == null || reason.length() <= 4000, REASON_TOO_LONG, "/reason", "a reason is at most 4000 characters")
                .require(effectiveDate != null, EFFECTIVE_DATE_REQUIRED, "/effectiveDate", "effectiveDate (YYYY-MM-DD) is required")
                .violations();
    }

    /** EFFECTIVE_DATE_IN_FUTURE (422): a change acts when it is recorded. */
    public static List<Violation> checkEffectiveDate(LocalDate effectiveDate, LocalDate today) {
        return Violations.unless(effectiveDate == null || !effectiveDate.isAfter(today), EFFECTIVE_DATE_IN_FUTURE, "/effectiveDate",
                "the effective date is at most today in Washington (" + today + "): a change acts when it is recorded");
    }

    /** The state (409): DESIGNATION_REVOKED, NOT_DESIGNATED, DESIGNATION_NOT_ACTIVE, DESIGNATION_NOT_SUSPENDED. */
    public static List<Violation> checkStanding(ReviewCommand.Standing change, ReviewStatus status) {
        if (status == ReviewStatus.REVOKED) {
            return List.of(new Violation(DESIGNATION_REVOKED, null, "the designation is revoked; nothing more can change it"));
        }
        if (status != ReviewStatus.DESIGNATED && status != ReviewStatus.SUSPENDED) {
            return List.of(new Violation(NOT_DESIGNATED, null, "the review holds no designation (it is " + status + ")"));
        }
        if (change == ReviewCommand.Standing.SUSPEND && status != ReviewStatus.DESIGNATED) {
            return List.of(new Violation(DESIGNATION_NOT_ACTIVE, null, "the designation is already suspended"));
        }
        if (change == ReviewCommand.Standing.REINSTATE && status != ReviewStatus.SUSPENDED) {
            return List.of(new Violation(DESIGNATION_NOT_SUSPENDED, null, "only a suspended designation is reinstated"));
        }
        return List.of();
    }
}
