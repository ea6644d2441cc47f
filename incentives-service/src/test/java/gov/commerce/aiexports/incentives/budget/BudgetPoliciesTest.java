package gov.commerce.aiexports.incentives.budget;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetPoliciesTest {

    private static final String ID = BudgetId.of(2027, Instrument.DIRECT_LOAN);

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    private static BudgetLedger ledger(String authority, String... obligations) {
        BudgetLedger l = BudgetLedger.EMPTY.apply(new BudgetEvent.AppropriationRecorded(ID, 2027, Instrument.DIRECT_LOAN,
                usd(authority), "P.L. 119-1", usd(authority), usd(authority), AvailabilityKind.ONE_YEAR, 2027));
        for (int i = 0; i < obligations.length; i++) {
            l = l.apply(obligated("ir-" + i, obligations[i]));
        }
        return l;
    }

    private static BudgetEvent.Obligated obligated(String request, String cost) {
        return new BudgetEvent.Obligated(ID, 2027, Instrument.DIRECT_LOAN, request, "p", "d", "DFC", usd(cost), usd("100"),
                usd(cost), null, null, null);
    }

    /** As the aggregate guards an obligation: the refusal carries the figures compared. */
    private static void guard(BudgetLedger l, int fiscalYear, Instrument instrument, BigDecimal cost) {
        if (!BudgetPolicies.checkAntideficiency(l, fiscalYear, instrument, cost).isEmpty()) {
            throw new InsufficientBudgetAuthority(fiscalYear, instrument, cost, l.availableUsd());
        }
    }

    @Test
    void the_budget_id_is_deterministic_per_fiscal_year_and_instrument() {
        assertEquals("budget-FY2027-DIRECT_LOAN", BudgetId.of(2027, Instrument.DIRECT_LOAN));
    }

    @Test
    void an_obligation_that_fits_exactly_is_allowed_and_one_cent_more_is_refused_with_the_figures() {
        BudgetLedger l = ledger("1000.00", "600.00");
        assertDoesNotThrow(() -> guard(l, 2027, Instrument.DIRECT_LOAN, usd("400.00")));
        InsufficientBudgetAuthority refused = assertThrows(InsufficientBudgetAuthority.class,
                () -> guard(l, 2027, Instrument.DIRECT_LOAN, usd("400.01")));
        assertEquals("INSUFFICIENT_BUDGET_AUTHORITY", refused.first().rule());
        assertEquals("/fiscalYear", refused.first().field());
        assertEquals(usd("400.00"), refused.availableUsd());
        assertEquals(usd("400.01"), refused.budgetCostUsd());
        assertEquals(ID, refused.budgetId());
    }

    @Test
    void a_budget_without_authority_refuses_any_positive_cost_but_a_zero_cost_fits() {
        assertThrows(InsufficientBudgetAuthority.class,
                () -> guard(BudgetLedger.EMPTY, 2027, Instrument.DIRECT_LOAN, usd("0.01")));
        assertDoesNotThrow(() -> guard(BudgetLedger.EMPTY, 2027, Instrument.DIRECT_LOAN, usd("0.00")));
    }

    @Test
    void a_rescission_cancels_only_authority_not_yet_obligated() {
        BudgetLedger l = ledger("1000.00", "600.00");
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkRescissionWithinAvailable(l, usd("400.00"))));
        RuleViolation v = assertThrows(RuleViolation.class, () -> Violations.refuseIfAny(BudgetPolicies.checkRescissionWithinAvailable(l, usd("400.01"))));
        assertEquals("RESCISSION_EXCEEDS_AVAILABLE", v.first().rule());
    }

    @Test
    void a_line_returns_at_most_what_it_obligated_and_is_obligated_once() {
        BudgetLedger l = ledger("1000.00", "600.00");
        assertDoesNotThrow(() -> Violations.refuseIfAny(BudgetPolicies.checkDeobligationWithinObligation(l, "ir-0", usd("600.00"))));
        assertEquals("DEOBLIGATION_EXCEEDS_OBLIGATION", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(BudgetPolicies.checkDeobligationWithinObligation(l, "ir-0", usd("600.01")))).first().rule());
        assertEquals("DEOBLIGATION_EXCEEDS_OBLIGATION", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(BudgetPolicies.checkDeobligationWithinObligation(l, "ir-other", usd("0.01")))).first().rule());
        assertEquals("ALREADY_OBLIGATED", assertThrows(StateConflict.class,
                () -> Violations.conflictIfAny(BudgetPolicies.checkNotYetObligated(l, "ir-0"))).rule());
    }

    @Test
    void the_ledger_folds_appropriations_adjustments_obligations_and_deobligations_exactly() {
        List<BudgetEvent> events = List.of(
                new BudgetEvent.AppropriationRecorded(ID, 2027, Instrument.DIRECT_LOAN, usd("1000000.00"), "P.L. 119-1", null, null,
                        null, null),
                new BudgetEvent.Adjusted(ID, 2027, Instrument.DIRECT_LOAN, AdjustmentKind.SUPPLEMENTAL, usd("250000.10"), "P.L. 119-9",
                        "supplemental", null, null),
                obligated("a", "33333.34"),
                obligated("b", "0.01"),
                new BudgetEvent.Deobligated(ID, 2027, Instrument.DIRECT_LOAN, "a", usd("16666.50"), "reduced", null, null),
                new BudgetEvent.Adjusted(ID, 2027, Instrument.DIRECT_LOAN, AdjustmentKind.RESCISSION, usd("0.10"), "P.L. 119-12",
                        "rescinded", null, null));
        BudgetLedger l = BudgetLedger.replay(events);
        assertEquals(usd("1250000.00"), l.authorityUsd());
        assertEquals(usd("16666.85"), l.obligatedUsd());
        assertEquals(usd("1233333.15"), l.availableUsd());
        assertEquals(usd("16666.84"), l.obligatedFor("a"));
        assertEquals(usd("0.01"), l.obligatedFor("b"));
    }

    @Test
    void fiscal_years_are_federal_years_from_2025() {
        assertTrue(BudgetPolicies.validFiscalYear(2027));
        assertFalse(BudgetPolicies.validFiscalYear(2024));
        assertFalse(BudgetPolicies.validFiscalYear(null));
    }
}
