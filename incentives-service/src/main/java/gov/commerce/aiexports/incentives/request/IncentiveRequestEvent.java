package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;

/** What happened to one incentive line; each decision carries the figures it used (who decided is in the metadata). */
public sealed interface IncentiveRequestEvent {

    String incentiveRequestId();

    /** One endorsed line of a designation, awaiting EDAG's routing. */
    record Opened(String incentiveRequestId, String proposalId, String designationNumber, int lineNumber,
            String consortiumId, String applicantOrganisation, Instrument instrument, BigDecimal amountUsd,
            Integer tenorYears) implements IncentiveRequestEvent {
    }

    /** EDAG routed the line to a financing agency, with terms and, for credit lines, the credit subsidy rate. */
    record Routed(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            Instrument instrument, BigDecimal amountUsd, FinancingAgency agency, String terms,
            BigDecimal creditSubsidyRatePercent) implements IncentiveRequestEvent {
    }

    /** EXIM's board approved the line (needed above the threshold before commitment). */
    record BoardApproved(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            BigDecimal amountUsd, BigDecimal thresholdUsd, String reference, String notes) implements IncentiveRequestEvent {
    }

    /** The routed agency approved the line; budgetCostUsd is obligated against budgetId in the same transaction. */
    record Approved(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            FinancingAgency agency, Instrument instrument, int fiscalYear, String budgetId, BigDecimal faceAmountUsd,
            BigDecimal creditSubsidyRatePercent, BigDecimal budgetCostUsd) implements IncentiveRequestEvent {
    }

    record Declined(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            FinancingAgency agency, String reason) implements IncentiveRequestEvent {
    }

    /** Part (or all) of the commitment cancelled; budgetCostReturnedUsd goes back to budgetId. */
    record Deobligated(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            FinancingAgency agency, String budgetId, BigDecimal amountUsd, BigDecimal budgetCostReturnedUsd, String reason,
            BigDecimal commitmentAfterUsd, BigDecimal budgetCostObligatedAfterUsd) implements IncentiveRequestEvent {
    }

    record Disbursed(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            FinancingAgency agency, BigDecimal amountUsd, String reference, BigDecimal disbursedTotalUsd,
            BigDecimal undisbursedUsd) implements IncentiveRequestEvent {
    }

    /** The designation was revoked before the line was obligated: it is closed for good. agency is null if not routed. */
    record Cancelled(String incentiveRequestId, String proposalId, String designationNumber, String applicantOrganisation,
            FinancingAgency agency, Instrument instrument, BigDecimal amountUsd, String cause, String causeEventId, String reason)
            implements IncentiveRequestEvent {
    }

    /**
     * The designation was revoked before this service opened the line (the revocation came first):
     * the line exists only as a tombstone, cancelled, so the designation arriving later opens nothing.
     * No instrument or amount: the revocation does not carry them. Not published (nothing was announced).
     */
    record CancelledUnopened(String incentiveRequestId, String proposalId, String designationNumber, int lineNumber,
            String consortiumId, String applicantOrganisation, String cause, String causeEventId, String reason)
            implements IncentiveRequestEvent {
    }

    /**
     * The designation was revoked after the line was obligated: the financing agency is to
     * de-obligate what is undisbursed (undisbursedUsd face, budgetCostUsd of budget cost still
     * obligated), and no further disbursement is accepted.
     */
    record FlaggedForDeobligation(String incentiveRequestId, String proposalId, String designationNumber,
            String applicantOrganisation, FinancingAgency agency, String budgetId, BigDecimal undisbursedUsd,
            BigDecimal budgetCostUsd, String cause, String causeEventId, String reason) implements IncentiveRequestEvent {
    }

    /** The refusal's own record: the approval did not fit the available authority and nothing was obligated. */
    record ApprovalRefused(String incentiveRequestId, int fiscalYear, String budgetId, String rule, BigDecimal budgetCostUsd,
            BigDecimal availableUsd) implements IncentiveRequestEvent {
    }

    /** The line's designation was suspended by Commerce: no approval or disbursement until it is reinstated. */
    record Suspended(String incentiveRequestId, String designationNumber, String reason, java.time.LocalDate effectiveDate,
            String causeEventId) implements IncentiveRequestEvent {
    }

    /** The suspension was lifted. */
    record Reinstated(String incentiveRequestId, String designationNumber, String reason, java.time.LocalDate effectiveDate,
            String causeEventId) implements IncentiveRequestEvent {
    }

    /** Set with the approval: a disbursement needs Commerce's acceptance of this milestone of the designation first. */
    record MilestoneRequired(String incentiveRequestId, String milestoneId) implements IncentiveRequestEvent {
    }

    /** Commerce accepted the evidence of a milestone of the line (or of its whole package), learnt from ObligationAccepted. */
    record MilestoneAccepted(String incentiveRequestId, String milestoneId, String causeEventId) implements IncentiveRequestEvent {
    }
}
