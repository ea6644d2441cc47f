package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;

/** What happened to the budget authority of one fiscal year and instrument; each carries the figures after it. */
public sealed interface BudgetEvent {

    String budgetId();

    /**
     * An appropriation (its reference, e.g. the public law and account) adds authority. The budget's
     * period of availability (kind, and the last fiscal year of a multi-year one) was added later:
     * events stored before carry neither, and {@link PeriodOfAvailability#recorded} reads them as
     * one-year. Every appropriation of a budget carries the budget's period.
     */
    record AppropriationRecorded(String budgetId, int fiscalYear, Instrument instrument, BigDecimal amountUsd,
            String appropriationReference, BigDecimal authorityAfterUsd, BigDecimal availableAfterUsd,
            AvailabilityKind periodOfAvailability, Integer lastFiscalYear) implements BudgetEvent {
    }

    /** A supplemental appropriation adds authority, a rescission cancels some. */
    record Adjusted(String budgetId, int fiscalYear, Instrument instrument, AdjustmentKind kind, BigDecimal amountUsd,
            String reference, String reason, BigDecimal authorityAfterUsd, BigDecimal availableAfterUsd) implements BudgetEvent {
    }

    /** An approved line's budget cost is obligated; availableBeforeUsd is what the Antideficiency guard compared it to. */
    record Obligated(String budgetId, int fiscalYear, Instrument instrument, String incentiveRequestId, String proposalId,
            String designationNumber, String agency, BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent,
            BigDecimal budgetCostUsd, BigDecimal availableBeforeUsd, BigDecimal obligatedAfterUsd,
            BigDecimal availableAfterUsd) implements BudgetEvent {
    }

    /** A de-obligation returns budget cost of one line to the budget. */
    record Deobligated(String budgetId, int fiscalYear, Instrument instrument, String incentiveRequestId,
            BigDecimal budgetCostReturnedUsd, String reason, BigDecimal obligatedAfterUsd,
            BigDecimal availableAfterUsd) implements BudgetEvent {
    }
}
