package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface BudgetCommand {

    /** periodOfAvailability null: not stated (the budget's own period, or one-year for a new budget). */
    record RecordAppropriation(@TargetAggregateIdentifier String budgetId, int fiscalYear, Instrument instrument,
            BigDecimal amountUsd, String appropriationReference, AvailabilityKind periodOfAvailability,
            Integer lastFiscalYear) implements BudgetCommand {
    }

    record AdjustBudget(@TargetAggregateIdentifier String budgetId, AdjustmentKind kind, BigDecimal amountUsd, String reference,
            String reason) implements BudgetCommand {
    }

    /** obligationFiscalYear: the fiscal year (counted in America/New_York) in which the obligation is made. */
    record ObligateBudget(@TargetAggregateIdentifier String budgetId, String incentiveRequestId, String proposalId,
            String designationNumber, String agency, BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent,
            BigDecimal budgetCostUsd, int obligationFiscalYear) implements BudgetCommand {
    }

    record DeobligateBudget(@TargetAggregateIdentifier String budgetId, String incentiveRequestId,
            BigDecimal budgetCostReturnedUsd, String reason) implements BudgetCommand {
    }
}
