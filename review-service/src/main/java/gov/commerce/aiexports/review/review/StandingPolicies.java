package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.StateConflict;

/**
 * The rules of Commerce's suspension, reinstatement and revocation of a designation. Each acts
 * when recorded; effectiveDate says from when it counts and may lie in the past (a breach found
 * later), never in the future (nothing here is scheduled).
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

    /** Input first (400, then 422), then the state (409). */
    public static void check(ReviewCommand.ChangeDesignationStanding c, ReviewStatus status) {
        checkInput(c.reason(), c.effectiveDate(), c.today());
        if (status == ReviewStatus.REVOKED) {
            throw new StateConflict(DESIGNATION_REVOKED, "the designation is revoked; nothing more can change it");
        }
        if (status != ReviewStatus.DESIGNATED && status != ReviewStatus.SUSPENDED) {
            throw new StateConflict(NOT_DESIGNATED, "the review holds no designation (it is " + status + ")");
        }
        if (c.change() == ReviewCommand.Standing.SUSPEND && status != ReviewStatus.DESIGNATED) {
            throw new StateConflict(DESIGNATION_NOT_ACTIVE, "the designation is already suspended");
        }
        if (c.change() == ReviewCommand.Standing.REINSTATE && status != ReviewStatus.SUSPENDED) {
            throw new StateConflict(DESIGNATION_NOT_SUSPENDED, "only a suspended designation is reinstated");
        }
    }

    public static void checkInput(String reason, java.time.LocalDate effectiveDate, java.time.LocalDate today) {
        new Checks().required(reason, "/reason")
                .require(reason == null || reason.length() <= 4000, REASON_TOO_LONG, "/reason", "a reason is at most 4000 characters")
                .require(effectiveDate != null, EFFECTIVE_DATE_REQUIRED, "/effectiveDate", "effectiveDate (YYYY-MM-DD) is required")
                .throwIfInvalid();
        new Checks().require(!effectiveDate.isAfter(today), EFFECTIVE_DATE_IN_FUTURE, "/effectiveDate",
                "the effective date is at most today in Washington (" + today + "): a change acts when it is recorded")
                .throwIfViolated();
    }
}
