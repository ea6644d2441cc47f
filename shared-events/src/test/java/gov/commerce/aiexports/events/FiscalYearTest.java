package gov.commerce.aiexports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
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
}
