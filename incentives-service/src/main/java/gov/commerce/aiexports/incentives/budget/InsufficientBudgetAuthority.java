package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import java.math.BigDecimal;

/** INSUFFICIENT_BUDGET_AUTHORITY (422), with the figures the guard compared, for the refusal's record. */
public class InsufficientBudgetAuthority extends RuleViolation {

    private final String budgetId;
    private final BigDecimal budgetCostUsd;
    private final BigDecimal availableUsd;

    public InsufficientBudgetAuthority(int fiscalYear, Instrument instrument, BigDecimal budgetCostUsd, BigDecimal availableUsd) {
        super(BudgetPolicies.INSUFFICIENT_BUDGET_AUTHORITY, "/fiscalYear", detail(fiscalYear, instrument, budgetCostUsd, availableUsd));
        this.budgetId = BudgetId.of(fiscalYear, instrument);
        this.budgetCostUsd = budgetCostUsd;
        this.availableUsd = availableUsd;
    }

    static String detail(int fiscalYear, Instrument instrument, BigDecimal budgetCostUsd, BigDecimal availableUsd) {
        return "the budget cost " + budgetCostUsd + " USD does not fit the " + availableUsd + " USD of budget authority available for "
                + instrument + " in FY" + fiscalYear + " (Antideficiency Act): nothing was obligated";
    }

    public String budgetId() {
        return budgetId;
    }

    public BigDecimal budgetCostUsd() {
        return budgetCostUsd;
    }

    public BigDecimal availableUsd() {
        return availableUsd;
    }
}
