package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface IncentiveRequestCommand {

    record OpenIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, String proposalId,
            String designationNumber, int lineNumber, String consortiumId, String applicantOrganisation,
            Instrument instrument, BigDecimal amountUsd, Integer tenorYears) implements IncentiveRequestCommand {
    }

    record RouteIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, FinancingAgency agency, String terms,
            BigDecimal creditSubsidyRatePercent) implements IncentiveRequestCommand {
    }

    /** actingAgency: the organisation of the financing officer's token. */
    record RecordBoardApproval(@TargetAggregateIdentifier String incentiveRequestId, String actingAgency, String reference,
            String notes) implements IncentiveRequestCommand {
    }

    /** Answers the {@link ObligationToRecord} that the budget must then take in the same transaction. */
    record ApproveIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, String actingAgency, int fiscalYear,
            String requiredMilestoneId) implements IncentiveRequestCommand {

        public ApproveIncentiveRequest(String incentiveRequestId, String actingAgency, int fiscalYear) {
            this(incentiveRequestId, actingAgency, fiscalYear, null);
        }
    }

    record DeclineIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, String actingAgency, String reason)
            implements IncentiveRequestCommand {
    }

    /** amountUsd: the part of the committed (face) amount cancelled. Answers the {@link ObligationToRecord} to return. */
    record DeobligateIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, String actingAgency,
            BigDecimal amountUsd, String reason) implements IncentiveRequestCommand {
    }

    record RecordDisbursement(@TargetAggregateIdentifier String incentiveRequestId, String actingAgency, BigDecimal amountUsd,
            String reference) implements IncentiveRequestCommand {
    }

    /** The Antideficiency guard refused the approval: the refusal's own record, written after the rollback. */
    record RecordApprovalRefusal(@TargetAggregateIdentifier String incentiveRequestId, int fiscalYear, String budgetId,
            String rule, BigDecimal budgetCostUsd, BigDecimal availableUsd) implements IncentiveRequestCommand {
    }

    /**
     * The line's designation was revoked (cause as in DesignationRevoked, causeEventId that event):
     * a line not yet obligated is cancelled, an obligated one flagged for de-obligation, one never
     * opened created cancelled (what the revocation knows of it: its designation and number).
     */
    record ApplyDesignationRevocation(@TargetAggregateIdentifier String incentiveRequestId, String proposalId,
            String designationNumber, int lineNumber, String consortiumId, String applicantOrganisation, String cause,
            String causeEventId, String reason) implements IncentiveRequestCommand {
    }

    /** What the budget must record for a line: obligate budgetCostUsd, or return it on a de-obligation. */
    record ObligationToRecord(String budgetId, Instrument instrument, String incentiveRequestId, String proposalId, String designationNumber,
            String agency, BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent, BigDecimal budgetCostUsd) {
    }

    /** The designation was suspended (suspend true) or reinstated, per DesignationSuspended / DesignationReinstated. */
    record ApplyDesignationSuspension(@TargetAggregateIdentifier String incentiveRequestId, boolean suspend, String reason,
            java.time.LocalDate effectiveDate, String causeEventId) implements IncentiveRequestCommand {
    }

    /** Commerce accepted a milestone (ObligationAccepted, causeEventId that event). */
    record RecordMilestoneAcceptance(@TargetAggregateIdentifier String incentiveRequestId, String milestoneId,
            String causeEventId) implements IncentiveRequestCommand {
    }
}
