package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface BudgetCommand {

    record RecordAppropriation(@TargetAggregateIdentifier String budgetId, int fiscalYear, Instrument instrument,
            BigDecimal amountUsd, String appropriationReference) implements BudgetCommand {
    }

    record AdjustBudget(@TargetAggregateIdentifier String budgetId, AdjustmentKind kind, BigDecimal amountUsd, String reference,
            String reason) implements BudgetCommand {
    }

    record ObligateBudget(@TargetAggregateIdentifier String budgetId, String incentiveRequestId, String proposalId,
            String designationNumber, String agency, BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent,
            BigDecimal budgetCostUsd) implements BudgetCommand {
    }

    record DeobligateBudget(@TargetAggregateIdentifier String budgetId, String incentiveRequestId,
            BigDecimal budgetCostReturnedUsd, String reason) implements BudgetCommand {
    }
}
