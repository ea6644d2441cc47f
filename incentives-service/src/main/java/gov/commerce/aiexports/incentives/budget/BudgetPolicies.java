package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of budget authority, each with its stable code: every {@code check...} returns what it
 * finds and the aggregate or use case makes the refusal (400, 422 or 409, as each method says).
 */
public final class BudgetPolicies {

    public static final String INSUFFICIENT_BUDGET_AUTHORITY = "INSUFFICIENT_BUDGET_AUTHORITY";
    public static final String RESCISSION_EXCEEDS_AVAILABLE = "RESCISSION_EXCEEDS_AVAILABLE";
    public static final String DEOBLIGATION_EXCEEDS_OBLIGATION = "DEOBLIGATION_EXCEEDS_OBLIGATION";
    public static final String ALREADY_OBLIGATED = "ALREADY_OBLIGATED";
    public static final String FISCAL_YEAR_INVALID = "FISCAL_YEAR_INVALID";
    public static final String OUTSIDE_PERIOD_OF_AVAILABILITY = "OUTSIDE_PERIOD_OF_AVAILABILITY";
    public static final String LAST_FISCAL_YEAR_REQUIRED = "LAST_FISCAL_YEAR_REQUIRED";
    public static final String LAST_FISCAL_YEAR_INVALID = "LAST_FISCAL_YEAR_INVALID";
    public static final String LAST_FISCAL_YEAR_NOT_APPLICABLE = "LAST_FISCAL_YEAR_NOT_APPLICABLE";
    public static final String BUDGET_PERIOD_MISMATCH = "BUDGET_PERIOD_MISMATCH";

    private BudgetPolicies() {
    }

    /**
     * The Antideficiency guard, INSUFFICIENT_BUDGET_AUTHORITY (422): an obligation must fit the
     * authority still available in its fiscal year and instrument; nothing partial is obligated. The
     * aggregate refuses with {@link InsufficientBudgetAuthority}, which carries the figures compared.
     */
    public static List<Violation> checkAntideficiency(BudgetLedger ledger, int fiscalYear, Instrument instrument,
            BigDecimal budgetCostUsd) {
        return Violations.unless(budgetCostUsd.compareTo(ledger.availableUsd()) <= 0, INSUFFICIENT_BUDGET_AUTHORITY, "/fiscalYear",
                InsufficientBudgetAuthority.detail(fiscalYear, instrument, budgetCostUsd, ledger.availableUsd()));
    }

    /** RESCISSION_EXCEEDS_AVAILABLE (422): a rescission cancels only authority not yet obligated. */
    public static List<Violation> checkRescissionWithinAvailable(BudgetLedger ledger, BigDecimal amountUsd) {
        return Violations.unless(amountUsd.compareTo(ledger.availableUsd()) <= 0, RESCISSION_EXCEEDS_AVAILABLE, "/amountUsd",
                "a rescission of " + amountUsd + " USD exceeds the " + ledger.availableUsd() + " USD not yet obligated");
    }

    /** DEOBLIGATION_EXCEEDS_OBLIGATION (422): a line returns at most what it obligated. */
    public static List<Violation> checkDeobligationWithinObligation(BudgetLedger ledger, String incentiveRequestId,
            BigDecimal returnedUsd) {
        return Violations.unless(returnedUsd.signum() >= 0 && returnedUsd.compareTo(ledger.obligatedFor(incentiveRequestId)) <= 0,
                DEOBLIGATION_EXCEEDS_OBLIGATION, "/amountUsd", "returning " + returnedUsd + " USD exceeds the "
                        + ledger.obligatedFor(incentiveRequestId) + " USD this line has obligated");
    }

    /** ALREADY_OBLIGATED (409): a line is obligated once. */
    public static List<Violation> checkNotYetObligated(BudgetLedger ledger, String incentiveRequestId) {
        return Violations.unless(!ledger.obligatedByRequest().containsKey(incentiveRequestId), ALREADY_OBLIGATED, null,
                "incentive request " + incentiveRequestId + " is already obligated");
    }

    /**
     * OUTSIDE_PERIOD_OF_AVAILABILITY (422, field /fiscalYear): a new obligation only within the
     * budget's period of availability, judged by the fiscal year in which it is made (counted in
     * America/New_York). Not applied to de-obligations and disbursements: expired authority stays
     * available to adjust and liquidate the obligations made in its period.
     */
    public static List<Violation> checkWithinPeriodOfAvailability(String budgetId, PeriodOfAvailability period,
            int obligationFiscalYear) {
        if (period.availableForNewObligationsIn(obligationFiscalYear)) {
            return List.of();
        }
        String why = period.statusIn(obligationFiscalYear) == PeriodOfAvailability.Status.EXPIRED
                ? "its period has ended (expired authority only records, adjusts and liquidates the obligations made in it)"
                : "its period has not begun";
        return List.of(new Violation(OUTSIDE_PERIOD_OF_AVAILABILITY, "/fiscalYear", budgetId + " is " + period.describe()
                + " and this obligation would be made in FY" + obligationFiscalYear
                + " (fiscal years counted in America/New_York): " + why + "; nothing was obligated"));
    }

    /**
     * The period a POST /budgets states, checked as input (400): MULTI_YEAR needs lastFiscalYear
     * (LAST_FISCAL_YEAR_REQUIRED), after the fiscal year and no later than FY2100
     * (LAST_FISCAL_YEAR_INVALID); lastFiscalYear belongs to MULTI_YEAR only, a one-year authority
     * ending in its own year and a no-year one never (LAST_FISCAL_YEAR_NOT_APPLICABLE).
     */
    public static List<Violation> checkPeriod(Integer fiscalYear, AvailabilityKind kind, Integer lastFiscalYear) {
        Checks checks = new Checks();
        if (kind == AvailabilityKind.MULTI_YEAR) {
            checks.require(lastFiscalYear != null, LAST_FISCAL_YEAR_REQUIRED, "/lastFiscalYear",
                    "a MULTI_YEAR authority names its lastFiscalYear");
            if (lastFiscalYear != null) {
                boolean afterFirst = !validFiscalYear(fiscalYear) || lastFiscalYear > fiscalYear;
                checks.require(afterFirst && lastFiscalYear <= 2100, LAST_FISCAL_YEAR_INVALID, "/lastFiscalYear",
                        "lastFiscalYear comes after the fiscal year " + fiscalYear + " (a multi-year period spans more than one), "
                                + "by FY2100 at the latest");
            }
        } else {
            checks.require(lastFiscalYear == null, LAST_FISCAL_YEAR_NOT_APPLICABLE, "/lastFiscalYear",
                    "lastFiscalYear is given only with periodOfAvailability MULTI_YEAR; " + (kind == null ? "ONE_YEAR (the default)" : kind)
                            + (kind == AvailabilityKind.NO_YEAR ? " is available until spent" : " ends with its own fiscal year"));
        }
        return checks.violations();
    }

    /**
     * BUDGET_PERIOD_MISMATCH (422, field /periodOfAvailability): a budget has one period; a later
     * appropriation to it that states another is refused (one that states none takes the budget's).
     */
    public static List<Violation> checkSamePeriod(String budgetId, PeriodOfAvailability budgets, PeriodOfAvailability stated) {
        return Violations.unless(stated == null || stated.equals(budgets), BUDGET_PERIOD_MISMATCH, "/periodOfAvailability",
                budgetId + " is " + budgets.describe() + "; an appropriation to it cannot be "
                        + (stated == null ? null : stated.describe()));
    }

    /** FISCAL_YEAR_INVALID (400): a federal fiscal year from FY2025. */
    public static boolean validFiscalYear(Integer fiscalYear) {
        return fiscalYear != null && fiscalYear >= 2025 && fiscalYear <= 2100;
    }
}
