package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;

/** One budget per fiscal year and instrument, with a deterministic id, e.g. budget-FY2027-DIRECT_LOAN. */
public final class BudgetId {

    private BudgetId() {
    }

    public static String of(int fiscalYear, Instrument instrument) {
        return "budget-FY" + fiscalYear + "-" + instrument.name();
    }
}
