package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import java.math.BigDecimal;

/** The rules of budget authority, each with its stable code. */
public final class BudgetRules {

    public static final String INSUFFICIENT_BUDGET_AUTHORITY = "INSUFFICIENT_BUDGET_AUTHORITY";
    public static final String RESCISSION_EXCEEDS_AVAILABLE = "RESCISSION_EXCEEDS_AVAILABLE";
    public static final String DEOBLIGATION_EXCEEDS_OBLIGATION = "DEOBLIGATION_EXCEEDS_OBLIGATION";
    public static final String ALREADY_OBLIGATED = "ALREADY_OBLIGATED";
    public static final String FISCAL_YEAR_INVALID = "FISCAL_YEAR_INVALID";

    private BudgetRules() {
    }

    /**
     * The Antideficiency guard, INSUFFICIENT_BUDGET_AUTHORITY (422): an obligation must fit the
     * authority still available in its fiscal year and instrument; nothing partial is obligated.
     */
    public static void antideficiencyGuard(BudgetLedger ledger, int fiscalYear, Instrument instrument, BigDecimal budgetCostUsd) {
        if (budgetCostUsd.compareTo(ledger.availableUsd()) > 0) {
            throw new InsufficientBudgetAuthority(fiscalYear, instrument, budgetCostUsd, ledger.availableUsd());
        }
    }

    /** RESCISSION_EXCEEDS_AVAILABLE (422): a rescission cancels only authority not yet obligated. */
    public static void rescissionWithinAvailable(BudgetLedger ledger, BigDecimal amountUsd) {
        if (amountUsd.compareTo(ledger.availableUsd()) > 0) {
            throw new RuleViolation(RESCISSION_EXCEEDS_AVAILABLE, "/amountUsd", "a rescission of " + amountUsd
                    + " USD exceeds the " + ledger.availableUsd() + " USD not yet obligated");
        }
    }

    /** DEOBLIGATION_EXCEEDS_OBLIGATION (422): a line returns at most what it obligated. */
    public static void deobligationWithinObligation(BudgetLedger ledger, String incentiveRequestId, BigDecimal returnedUsd) {
        if (returnedUsd.signum() < 0 || returnedUsd.compareTo(ledger.obligatedFor(incentiveRequestId)) > 0) {
            throw new RuleViolation(DEOBLIGATION_EXCEEDS_OBLIGATION, "/amountUsd", "returning " + returnedUsd
                    + " USD exceeds the " + ledger.obligatedFor(incentiveRequestId) + " USD this line has obligated");
        }
    }

    /** ALREADY_OBLIGATED (409): a line is obligated once. */
    public static void notYetObligated(BudgetLedger ledger, String incentiveRequestId) {
        if (ledger.obligatedByRequest().containsKey(incentiveRequestId)) {
            throw new StateConflict(ALREADY_OBLIGATED, "incentive request " + incentiveRequestId + " is already obligated");
        }
    }

    /** FISCAL_YEAR_INVALID (400): a federal fiscal year from FY2025. */
    public static boolean validFiscalYear(Integer fiscalYear) {
        return fiscalYear != null && fiscalYear >= 2025 && fiscalYear <= 2100;
    }
}
