package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The rules of routing, approval, de-obligation and disbursement of a line, each with its stable
 * code: every {@code check...} returns what it finds and the aggregate makes the refusal (400, 422
 * or 409, as each method says) with {@link Violations}.
 */
public final class IncentiveRequestPolicies {

    public static final String AGENCY_NOT_VALID_FOR_INSTRUMENT = "AGENCY_NOT_VALID_FOR_INSTRUMENT";
    public static final String CREDIT_SUBSIDY_RATE_REQUIRED = "CREDIT_SUBSIDY_RATE_REQUIRED";
    public static final String CREDIT_SUBSIDY_RATE_INVALID = "CREDIT_SUBSIDY_RATE_INVALID";
    public static final String CREDIT_SUBSIDY_RATE_NOT_APPLICABLE = "CREDIT_SUBSIDY_RATE_NOT_APPLICABLE";
    public static final String BOARD_APPROVAL_REQUIRED = "BOARD_APPROVAL_REQUIRED";
    public static final String BOARD_APPROVAL_NOT_APPLICABLE = "BOARD_APPROVAL_NOT_APPLICABLE";
    public static final String AGENCY_NOT_ROUTED = "AGENCY_NOT_ROUTED";
    public static final String DISBURSEMENT_EXCEEDS_OBLIGATION = "DISBURSEMENT_EXCEEDS_OBLIGATION";
    public static final String DEOBLIGATION_EXCEEDS_OBLIGATION = "DEOBLIGATION_EXCEEDS_OBLIGATION";
    public static final String LINE_NOT_ROUTABLE = "LINE_NOT_ROUTABLE";
    public static final String LINE_NOT_DECIDABLE = "LINE_NOT_DECIDABLE";
    public static final String LINE_NOT_OBLIGATED = "LINE_NOT_OBLIGATED";
    /** 409: the line's designation was revoked; the line is cancelled and takes no routing or decision. */
    public static final String LINE_CANCELLED = "LINE_CANCELLED";
    /** 409: the line is flagged for de-obligation after its designation's revocation; nothing more is disbursed. */
    public static final String LINE_FLAGGED_FOR_DEOBLIGATION = "LINE_FLAGGED_FOR_DEOBLIGATION";

    /** EXIM lines above this amount need a board approval before commitment. */
    public static final BigDecimal EXIM_BOARD_THRESHOLD_USD = new BigDecimal("10000000.00");

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private IncentiveRequestPolicies() {
    }

    /**
     * Routing input (400): CREDIT_SUBSIDY_RATE_REQUIRED for DIRECT_LOAN and CREDIT_GUARANTEE, a
     * percentage from 0 to 100 with at most four decimals (CREDIT_SUBSIDY_RATE_INVALID), and none for
     * the other instruments (CREDIT_SUBSIDY_RATE_NOT_APPLICABLE).
     */
    public static List<Violation> checkRoutingInput(Instrument instrument, FinancingAgency agency, BigDecimal rate) {
        Checks input = new Checks().required(agency, "/agency");
        if (instrument.isCredit()) {
            input.require(rate != null, CREDIT_SUBSIDY_RATE_REQUIRED, "/creditSubsidyRatePercent",
                    "a credit line needs its credit subsidy rate (Federal Credit Reform Act)");
            if (rate != null) {
                input.require(rate.signum() >= 0 && rate.compareTo(HUNDRED) <= 0 && rate.stripTrailingZeros().scale() <= 4,
                        CREDIT_SUBSIDY_RATE_INVALID, "/creditSubsidyRatePercent",
                        "the credit subsidy rate is a percentage from 0 to 100 with at most four decimals");
            }
        } else {
            input.require(rate == null, CREDIT_SUBSIDY_RATE_NOT_APPLICABLE, "/creditSubsidyRatePercent",
                    instrument + " is not a credit instrument: its budget cost is its full amount");
        }
        return input.violations();
    }

    /** AGENCY_NOT_VALID_FOR_INSTRUMENT (422) by {@link FinancingAgency}'s table. */
    public static List<Violation> checkAgencyFinances(Instrument instrument, FinancingAgency agency) {
        return Violations.unless(agency == null || agency.takes(instrument), AGENCY_NOT_VALID_FOR_INSTRUMENT, "/agency",
                agency + " does not finance " + instrument + "; it takes " + (agency == null ? null : agency.instruments()));
    }

    /** BOARD_APPROVAL_REQUIRED (422): an EXIM line above 10,000,000.00 USD needs its board's approval first. */
    public static boolean needsBoardApproval(FinancingAgency agency, BigDecimal amountUsd) {
        return agency == FinancingAgency.EXIM && amountUsd.compareTo(EXIM_BOARD_THRESHOLD_USD) > 0;
    }

    /** BOARD_APPROVAL_REQUIRED (422), see {@link #needsBoardApproval}. */
    public static List<Violation> checkBoardApproval(FinancingAgency agency, BigDecimal amountUsd, boolean boardApproved) {
        return Violations.unless(!needsBoardApproval(agency, amountUsd) || boardApproved, BOARD_APPROVAL_REQUIRED, "/boardApproval",
                "EXIM lines above " + EXIM_BOARD_THRESHOLD_USD + " USD need a recorded board approval before commitment; this one is "
                        + amountUsd + " USD");
    }

    /** BOARD_APPROVAL_NOT_APPLICABLE (422): only lines routed to EXIM go to the EXIM board. */
    public static List<Violation> checkBoardApplies(FinancingAgency routed) {
        return Violations.unless(routed == FinancingAgency.EXIM, BOARD_APPROVAL_NOT_APPLICABLE, "/agency",
                "only lines routed to EXIM go to the EXIM board; this one is routed to " + routed);
    }

    /** AGENCY_NOT_ROUTED (422): only the agency the line is routed to decides on it. */
    public static List<Violation> checkActingForRoutedAgency(FinancingAgency routed, String actingAgency) {
        return Violations.unless(routed != null && routed.name().equals(actingAgency), AGENCY_NOT_ROUTED, "/agency",
                "the line is routed to " + routed + ", not to " + actingAgency);
    }

    /** DISBURSEMENT_EXCEEDS_OBLIGATION (422): disbursements never exceed what is committed and not yet disbursed. */
    public static List<Violation> checkDisbursementWithinObligation(BigDecimal amountUsd, BigDecimal undisbursedUsd) {
        return Violations.unless(amountUsd.compareTo(undisbursedUsd) <= 0, DISBURSEMENT_EXCEEDS_OBLIGATION, "/amountUsd",
                "a disbursement of " + amountUsd + " USD exceeds the " + undisbursedUsd + " USD obligated and not yet disbursed");
    }

    /** DEOBLIGATION_EXCEEDS_OBLIGATION (422): only the undisbursed part of the commitment can be cancelled. */
    public static List<Violation> checkDeobligationWithinObligation(BigDecimal amountUsd, BigDecimal undisbursedUsd) {
        return Violations.unless(amountUsd.compareTo(undisbursedUsd) <= 0, DEOBLIGATION_EXCEEDS_OBLIGATION, "/amountUsd",
                "a de-obligation of " + amountUsd + " USD exceeds the " + undisbursedUsd + " USD obligated and not yet disbursed");
    }

    /** LINE_CANCELLED (409): a cancelled line is closed for routing, board approval, approval and decline. */
    public static List<Violation> checkNotCancelled(IncentiveStatus status, String step) {
        return Violations.unless(status != IncentiveStatus.CANCELLED, LINE_CANCELLED, null,
                "the line's designation was revoked and the line cancelled; it cannot be " + step);
    }

    /** LINE_FLAGGED_FOR_DEOBLIGATION (409): a line flagged after its designation's revocation takes no disbursement. */
    public static List<Violation> checkNotFlaggedForDeobligation(boolean flagged) {
        return Violations.unless(!flagged, LINE_FLAGGED_FOR_DEOBLIGATION, null, "the line's designation was revoked: its undisbursed "
                + "commitment is flagged for de-obligation and nothing more is disbursed");
    }

    /** The line's state allows the step: LINE_NOT_ROUTABLE, LINE_NOT_DECIDABLE, LINE_NOT_OBLIGATED (409). */
    public static List<Violation> checkInState(IncentiveStatus status, Set<IncentiveStatus> allowed, String rule, String step) {
        return Violations.unless(allowed.contains(status), rule, null, "a line that is " + status + " cannot be " + step);
    }

    /** 409: the line's designation is suspended by Commerce: no approval, no disbursement. */
    public static final String DESIGNATION_SUSPENDED = "DESIGNATION_SUSPENDED";
    /** 409: the line's disbursements need a milestone Commerce has not accepted (yet). */
    public static final String MILESTONE_NOT_ACCEPTED = "MILESTONE_NOT_ACCEPTED";
    /** 400: a requiredMilestoneId that is not a milestone id (M1, M2, ...). */
    public static final String MILESTONE_ID_INVALID = "MILESTONE_ID_INVALID";

    /** DESIGNATION_SUSPENDED (409). */
    public static List<Violation> checkNotSuspended(boolean suspended, String step) {
        return Violations.unless(!suspended, DESIGNATION_SUSPENDED, null, "the line's designation is suspended by Commerce; it cannot be "
                + step + " until the designation is reinstated");
    }

    /** MILESTONE_NOT_ACCEPTED (409). */
    public static List<Violation> checkMilestoneAccepted(String required, Set<String> accepted) {
        return Violations.unless(required == null || accepted.contains(required), MILESTONE_NOT_ACCEPTED, null,
                "disbursements of this line need milestone " + required + " accepted by Commerce first");
    }
}
