package gov.commerce.aiexports.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The federal fiscal year: FY2026 runs from 1 October 2025 to 30 September 2026, in Washington's
 * time ({@link FederalTime}): an instant's fiscal year is that of its date in America/New_York.
 */
public final class FiscalYear {

    private FiscalYear() {
    }

    public static int of(LocalDate date) {
        return date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    }

    /** The fiscal year of an instant, counted in America/New_York (never UTC). */
    public static int of(Instant instant) {
        return of(FederalTime.dateOf(instant));
    }

    /** The fiscal year now on that clock, counted in America/New_York. */
    public static int current(Clock clock) {
        return of(clock.instant());
    }

    public static LocalDate start(int fiscalYear) {
        return LocalDate.of(fiscalYear - 1, 10, 1);
    }

    public static LocalDate end(int fiscalYear) {
        return LocalDate.of(fiscalYear, 9, 30);
    }

    /** The instant the fiscal year begins: midnight of 1 October in Washington (04:00 UTC, daylight time). */
    public static Instant startsAt(int fiscalYear) {
        return FederalTime.startOf(start(fiscalYear));
    }
}
