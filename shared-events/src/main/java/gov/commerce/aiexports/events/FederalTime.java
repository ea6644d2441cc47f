package gov.commerce.aiexports.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The federal government's calendar is Washington's: a fiscal year, and the year of a designation
 * number, turn at midnight in America/New_York, not at midnight UTC (2026-10-01T02:00Z is still
 * 30 September 2026 there, hence FY2026). The one place that names the zone; every year or date
 * derived from an instant goes through here.
 */
public final class FederalTime {

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private FederalTime() {
    }

    /** The date in Washington at that instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** Today in Washington on that clock (whatever the clock's own zone). */
    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    /** The first instant of that date in Washington (midnight EST or EDT). */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }
}
