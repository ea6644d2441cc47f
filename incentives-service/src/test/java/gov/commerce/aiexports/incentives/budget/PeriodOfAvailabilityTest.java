package gov.commerce.aiexports.incentives.budget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.budget.PeriodOfAvailability.Status;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodOfAvailabilityTest {

    private static final String ID = BudgetId.of(2027, Instrument.DIRECT_LOAN);
    private static final PeriodOfAvailability ONE_YEAR = PeriodOfAvailability.oneYear(2027);
    private static final PeriodOfAvailability MULTI_YEAR = new PeriodOfAvailability(AvailabilityKind.MULTI_YEAR, 2027, 2029);
    private static final PeriodOfAvailability NO_YEAR = new PeriodOfAvailability(AvailabilityKind.NO_YEAR, 2027, null);

    /** The fiscal year an obligation at that instant is made in (Washington's), judged against the period. */
    private static boolean obligatesAt(PeriodOfAvailability p, String instant) {
        return p.availableForNewObligationsIn(FiscalYear.of(Instant.parse(instant)));
    }

    @Test
    void a_one_year_authority_is_available_in_its_fiscal_year_only_with_the_edges_counted_in_new_york() {
        assertEquals(2027, ONE_YEAR.lastFiscalYear());
        // FY2027 begins at midnight EDT on 1 October 2026, 04:00Z; at 02:00Z it is still 30 September in Washington
        assertFalse(obligatesAt(ONE_YEAR, "2026-10-01T02:00:00Z"));
        assertFalse(obligatesAt(ONE_YEAR, "2026-10-01T03:59:59Z"));
        assertTrue(obligatesAt(ONE_YEAR, "2026-10-01T04:00:00Z"));
        // New Year's Eve in Washington (03:00Z on 1 January) and New Year's Day: the same fiscal year
        assertTrue(obligatesAt(ONE_YEAR, "2027-01-01T03:00:00Z"));
        assertTrue(obligatesAt(ONE_YEAR, "2027-01-01T05:00:00Z"));
        // its last evening: 23:59 EDT on 30 September 2027 is 03:59Z on 1 October
        assertTrue(obligatesAt(ONE_YEAR, "2027-10-01T03:59:59Z"));
        assertFalse(obligatesAt(ONE_YEAR, "2027-10-01T04:00:00Z"));
        assertEquals(Status.NOT_YET_AVAILABLE, ONE_YEAR.statusIn(2026));
        assertEquals(Status.CURRENT, ONE_YEAR.statusIn(2027));
        assertEquals(Status.EXPIRED, ONE_YEAR.statusIn(2028));
    }

    @Test
    void a_multi_year_authority_is_available_from_its_fiscal_year_through_its_last() {
        assertFalse(obligatesAt(MULTI_YEAR, "2026-10-01T03:59:59Z"));
        assertTrue(obligatesAt(MULTI_YEAR, "2026-10-01T04:00:00Z"));
        assertTrue(MULTI_YEAR.availableForNewObligationsIn(2028));
        assertTrue(obligatesAt(MULTI_YEAR, "2029-10-01T03:59:59Z"));
        assertFalse(obligatesAt(MULTI_YEAR, "2029-10-01T04:00:00Z"));
        assertEquals(Status.EXPIRED, MULTI_YEAR.statusIn(2030));
        assertEquals("multi-year (FY2027 through FY2029)", MULTI_YEAR.describe());
    }

    @Test
    void a_no_year_authority_is_available_from_its_fiscal_year_until_spent() {
        assertNull(NO_YEAR.lastFiscalYear());
        assertFalse(obligatesAt(NO_YEAR, "2026-10-01T03:59:59Z"));
        assertTrue(obligatesAt(NO_YEAR, "2026-10-01T04:00:00Z"));
        assertTrue(NO_YEAR.availableForNewObligationsIn(2040));
        assertTrue(NO_YEAR.availableForNewObligationsIn(2100));
        assertEquals(Status.CURRENT, NO_YEAR.statusIn(2090));
    }

    @Test
    void an_obligation_outside_the_period_is_refused_naming_the_period_and_the_obligations_fiscal_year() {
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkWithinPeriodOfAvailability(ID, ONE_YEAR, 2027)));
        RuleViolation late = assertThrows(RuleViolation.class, () -> Violations.refuseIfAny(BudgetPolicies.checkWithinPeriodOfAvailability(ID, ONE_YEAR, 2028)));
        assertEquals("OUTSIDE_PERIOD_OF_AVAILABILITY", late.first().rule());
        assertEquals("/fiscalYear", late.first().field());
        assertTrue(late.first().detail().contains("one-year (FY2027 only)"), late.first().detail());
        assertTrue(late.first().detail().contains("FY2028"), late.first().detail());
        assertTrue(late.first().detail().contains("period has ended"), late.first().detail());
        RuleViolation early = assertThrows(RuleViolation.class, () -> Violations.refuseIfAny(BudgetPolicies.checkWithinPeriodOfAvailability(ID, MULTI_YEAR, 2026)));
        assertTrue(early.first().detail().contains("not begun"), early.first().detail());
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkWithinPeriodOfAvailability(ID, NO_YEAR, 2061)));
    }

    @Test
    void appropriation_events_stored_before_periods_are_read_as_one_year() {
        var old = new BudgetEvent.AppropriationRecorded(ID, 2027, Instrument.DIRECT_LOAN, new BigDecimal("1.00"), "P.L. 119-1",
                new BigDecimal("1.00"), new BigDecimal("1.00"), null, null);
        assertEquals(ONE_YEAR, PeriodOfAvailability.recorded(old));
        var multi = new BudgetEvent.AppropriationRecorded(ID, 2027, Instrument.DIRECT_LOAN, new BigDecimal("1.00"), "P.L. 119-1",
                new BigDecimal("1.00"), new BigDecimal("1.00"), AvailabilityKind.MULTI_YEAR, 2029);
        assertEquals(MULTI_YEAR, PeriodOfAvailability.recorded(multi));
    }

    @Test
    void an_appropriation_stored_before_periods_deserialises_without_them_and_replays_as_one_year() throws Exception {
        // the payload as the event store kept it before the period fields existed
        String stored = "{\"budgetId\":\"" + ID + "\",\"fiscalYear\":2027,\"instrument\":\"DIRECT_LOAN\",\"amountUsd\":5000000.00,"
                + "\"appropriationReference\":\"P.L. 119-4\",\"authorityAfterUsd\":5000000.00,\"availableAfterUsd\":5000000.00}";
        var old = gov.commerce.aiexports.runtime.axon.AxonRuntime.eventObjectMapper().readValue(stored,
                BudgetEvent.AppropriationRecorded.class);
        assertNull(old.periodOfAvailability());
        assertNull(old.lastFiscalYear());
        assertEquals(ONE_YEAR, PeriodOfAvailability.recorded(old));
        assertEquals(new BigDecimal("5000000.00"), BudgetLedger.replay(java.util.List.of(old)).authorityUsd());
    }

    @Test
    void a_stated_period_is_checked_as_input_naming_the_last_fiscal_year() {
        assertTrue(BudgetPolicies.checkPeriod(2027, null, null).isEmpty());
        assertTrue(BudgetPolicies.checkPeriod(2027, AvailabilityKind.ONE_YEAR, null).isEmpty());
        assertTrue(BudgetPolicies.checkPeriod(2027, AvailabilityKind.NO_YEAR, null).isEmpty());
        assertTrue(BudgetPolicies.checkPeriod(2027, AvailabilityKind.MULTI_YEAR, 2028).isEmpty());
        assertRefused("LAST_FISCAL_YEAR_REQUIRED", 2027, AvailabilityKind.MULTI_YEAR, null);
        assertRefused("LAST_FISCAL_YEAR_INVALID", 2027, AvailabilityKind.MULTI_YEAR, 2026);
        assertRefused("LAST_FISCAL_YEAR_INVALID", 2027, AvailabilityKind.MULTI_YEAR, 2027);
        assertRefused("LAST_FISCAL_YEAR_INVALID", 2027, AvailabilityKind.MULTI_YEAR, 2101);
        assertRefused("LAST_FISCAL_YEAR_NOT_APPLICABLE", 2027, AvailabilityKind.ONE_YEAR, 2027);
        assertRefused("LAST_FISCAL_YEAR_NOT_APPLICABLE", 2027, AvailabilityKind.NO_YEAR, 2030);
        assertRefused("LAST_FISCAL_YEAR_NOT_APPLICABLE", 2027, null, 2030);
    }

    @Test
    void a_budget_keeps_one_period_and_a_later_appropriation_stating_another_is_refused() {
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkSamePeriod(ID, MULTI_YEAR, null)));
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkSamePeriod(ID, MULTI_YEAR, new PeriodOfAvailability(AvailabilityKind.MULTI_YEAR, 2027, 2029))));
        RuleViolation other = assertThrows(RuleViolation.class, () -> Violations.refuseIfAny(BudgetPolicies.checkSamePeriod(ID, MULTI_YEAR, ONE_YEAR)));
        assertEquals("BUDGET_PERIOD_MISMATCH", other.first().rule());
        assertEquals("/periodOfAvailability", other.first().field());
    }

    private static void assertRefused(String rule, Integer fiscalYear, AvailabilityKind kind, Integer last) {
        InvalidInput refused = assertThrows(InvalidInput.class,
                () -> Violations.invalidIfAny(BudgetPolicies.checkPeriod(fiscalYear, kind, last)));
        assertEquals(rule, refused.violations().get(0).rule());
        assertEquals("/lastFiscalYear", refused.violations().get(0).field());
    }
}
