package gov.commerce.aiexports.incentives.budget;

/**
 * The fiscal years in which a budget authority may be obligated: one-year (its fiscal year only),
 * multi-year (its fiscal year through {@code lastFiscalYear}) or no-year (from its fiscal year on,
 * {@code lastFiscalYear} null). Only NEW obligations are bound by it: once the period has ended the
 * authority is expired, and by appropriations law (31 U.S.C. 1553) expired funds stay available
 * for five more fiscal years to record, adjust and liquidate the obligations made during the
 * period, so de-obligations and disbursements are never refused by this rule.
 */
public record PeriodOfAvailability(AvailabilityKind kind, int firstFiscalYear, Integer lastFiscalYear) {

    /** Where a budget stands in a fiscal year. */
    public enum Status {
        /** Before its first fiscal year (an advance appropriation): nothing may be obligated yet. */
        NOT_YET_AVAILABLE,
        /** Within its period: available for new obligations. */
        CURRENT,
        /** After its last fiscal year: de-obligations and disbursements only. */
        EXPIRED
    }

    public PeriodOfAvailability {
        if (kind == null) {
            throw new IllegalArgumentException("a period of availability has a kind");
        }
        lastFiscalYear = switch (kind) {
            case ONE_YEAR -> firstFiscalYear;
            case NO_YEAR -> null;
            case MULTI_YEAR -> {
                if (lastFiscalYear == null || lastFiscalYear <= firstFiscalYear) {
                    throw new IllegalArgumentException("a multi-year period ends after its first fiscal year");
                }
                yield lastFiscalYear;
            }
        };
    }

    public static PeriodOfAvailability oneYear(int fiscalYear) {
        return new PeriodOfAvailability(AvailabilityKind.ONE_YEAR, fiscalYear, fiscalYear);
    }

    /**
     * The period an AppropriationRecorded event carries. Events stored before periods were recorded
     * carry none: they are read as one-year, the presumption of appropriations law and the default
     * of POST /budgets, so a replay gives the same budget a request without a period gives today.
     */
    public static PeriodOfAvailability recorded(BudgetEvent.AppropriationRecorded e) {
        return e.periodOfAvailability() == null ? oneYear(e.fiscalYear())
                : new PeriodOfAvailability(e.periodOfAvailability(), e.fiscalYear(), e.lastFiscalYear());
    }

    public Status statusIn(int fiscalYear) {
        if (fiscalYear < firstFiscalYear) {
            return Status.NOT_YET_AVAILABLE;
        }
        return lastFiscalYear == null || fiscalYear <= lastFiscalYear ? Status.CURRENT : Status.EXPIRED;
    }

    public boolean availableForNewObligationsIn(int fiscalYear) {
        return statusIn(fiscalYear) == Status.CURRENT;
    }

    /** E.g. "one-year (FY2027 only)", "multi-year (FY2027 through FY2029)", "no-year (from FY2027 until spent)". */
    public String describe() {
        return switch (kind) {
            case ONE_YEAR -> "one-year (FY" + firstFiscalYear + " only)";
            case MULTI_YEAR -> "multi-year (FY" + firstFiscalYear + " through FY" + lastFiscalYear + ")";
            case NO_YEAR -> "no-year (from FY" + firstFiscalYear + " until spent)";
        };
    }
}
