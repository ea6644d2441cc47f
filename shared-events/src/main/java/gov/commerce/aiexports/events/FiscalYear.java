package gov.commerce.aiexports.events;

import java.time.LocalDate;

/** The federal fiscal year: FY2026 runs from 1 October 2025 to 30 September 2026. */
public final class FiscalYear {

    private FiscalYear() {
    }

    public static int of(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    public static LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear - 1, 10, 1);
    }

    public static LocalDate end(int fiscalYear) {
        return LocalDate.of(fiscalYear, 9, 30);
    }
}
