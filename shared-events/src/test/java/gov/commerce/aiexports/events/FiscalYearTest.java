package gov.commerce.aiexports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void the_federal_fiscal_year_starts_on_the_first_of_october() {
        assertEquals(2026, FiscalYear.of(LocalDate.of(2025, 10, 1)));
        assertEquals(2025, FiscalYear.of(LocalDate.of(2025, 9, 30)));
        assertEquals(2027, FiscalYear.of(LocalDate.of(2026, 11, 26)));
        assertEquals(LocalDate.of(2025, 10, 1), FiscalYear.start(2026));
        assertEquals(LocalDate.of(2026, 9, 30), FiscalYear.end(2026));
    }

    @Test
    void an_instant_counts_in_washington_so_the_first_hours_of_1_october_utc_are_still_the_old_fiscal_year() {
        // EDT is UTC-4 on 1 October: the new fiscal year begins at 04:00Z
        assertEquals(2026, FiscalYear.of(Instant.parse("2026-10-01T02:00:00Z")));
        assertEquals(2026, FiscalYear.of(Instant.parse("2026-10-01T03:59:59Z")));
        assertEquals(2027, FiscalYear.of(Instant.parse("2026-10-01T04:00:00Z")));
        assertEquals(Instant.parse("2026-10-01T04:00:00Z"), FiscalYear.startsAt(2027));
        // a UTC clock gives the same answer: the clock's own zone does not matter
        assertEquals(2026, FiscalYear.current(Clock.fixed(Instant.parse("2026-10-01T03:00:00Z"), ZoneOffset.UTC)));
        // and the late evening of 30 September in Washington is the next day in UTC
        assertEquals(2026, FiscalYear.of(Instant.parse("2026-09-30T23:30:00-04:00")));
    }

    @Test
    void new_years_eve_in_washington_is_still_the_old_calendar_year_at_03_00_utc() {
        assertEquals(LocalDate.of(2026, 12, 31), FederalTime.dateOf(Instant.parse("2027-01-01T03:00:00Z")));
        assertEquals(LocalDate.of(2027, 1, 1), FederalTime.dateOf(Instant.parse("2027-01-01T05:00:00Z")));
        // EST (UTC-5) in winter
        assertEquals(Instant.parse("2027-01-01T05:00:00Z"), FederalTime.startOf(LocalDate.of(2027, 1, 1)));
        // a fiscal year does not turn on 1 January: both sides are FY2027
        assertEquals(2027, FiscalYear.of(Instant.parse("2027-01-01T03:00:00Z")));
        assertEquals(2027, FiscalYear.of(Instant.parse("2027-01-01T05:00:00Z")));
    }
}
