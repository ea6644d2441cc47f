package gov.commerce.aiexports.incentives.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetCostTest {

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void credit_lines_cost_face_times_subsidy_rate() {
        assertEquals(usd("1000000.00"), BudgetCost.of(Instrument.DIRECT_LOAN, usd("20000000.00"), usd("5")));
        assertEquals(usd("123456.79"), BudgetCost.of(Instrument.CREDIT_GUARANTEE, usd("12345678.90"), usd("1")));
    }

    @Test
    void the_subsidy_cost_is_rounded_up_to_the_cent_never_down() {
        // 1,000,000.01 × 3.3333% = 33,333.000333...: HALF_EVEN would give 33,333.00 and under-obligate
        assertEquals(usd("33333.01"), BudgetCost.of(Instrument.DIRECT_LOAN, usd("1000000.01"), usd("3.3333")));
        // 0.50 × 5% = 0.025, a tie: HALF_EVEN would give 0.02; UP never goes below the true cost
        assertEquals(usd("0.03"), BudgetCost.of(Instrument.DIRECT_LOAN, usd("0.50"), usd("5")));
        assertEquals(usd("0.01"), BudgetCost.of(Instrument.DIRECT_LOAN, usd("0.01"), usd("0.0001")));
        assertEquals(usd("0.00"), BudgetCost.of(Instrument.DIRECT_LOAN, usd("5000000.00"), usd("0")));
        assertEquals(2, BudgetCost.of(Instrument.DIRECT_LOAN, usd("777.77"), usd("12.3456")).scale());
    }

    @Test
    void other_instruments_cost_their_full_amount() {
        assertEquals(usd("750000.00"), BudgetCost.of(Instrument.FEASIBILITY_STUDY, usd("750000"), null));
        assertEquals(usd("0.01"), BudgetCost.of(Instrument.EQUITY_INVESTMENT, usd("0.01"), null));
        assertEquals(usd("99.90"), BudgetCost.of(Instrument.TECHNICAL_ASSISTANCE, usd("99.9"), null));
    }

    @Test
    void a_credit_line_without_a_rate_has_no_cost_to_compute() {
        assertThrows(IllegalArgumentException.class, () -> BudgetCost.of(Instrument.DIRECT_LOAN, usd("1.00"), null));
    }

    @Test
    void a_partial_deobligation_returns_its_cost_rounded_down_and_the_last_one_returns_the_rest() {
        // obligated 33,333.01 for 1,000,000.01 at 3.3333%
        BigDecimal obligated = BudgetCost.of(Instrument.DIRECT_LOAN, usd("1000000.01"), usd("3.3333"));
        BigDecimal first = BudgetCost.returnedOnDeobligation(Instrument.DIRECT_LOAN, usd("3.3333"), usd("500000.00"),
                usd("500000.01"), obligated);
        assertEquals(usd("16666.50"), first);
        // 0.01 × 3.3333% is 0.00033...: rounded down to nothing while some commitment remains
        assertEquals(usd("0.00"), BudgetCost.returnedOnDeobligation(Instrument.DIRECT_LOAN, usd("3.3333"), usd("0.01"),
                usd("500000.00"), obligated.subtract(first)));
        BigDecimal rest = BudgetCost.returnedOnDeobligation(Instrument.DIRECT_LOAN, usd("3.3333"), usd("500000.01"),
                usd("0.00"), obligated.subtract(first));
        assertEquals(usd("16666.51"), rest);
        assertEquals(obligated, first.add(rest), "the budget gets back exactly what was obligated, never more");
    }

    @Test
    void a_deobligation_never_returns_more_than_is_still_obligated() {
        assertEquals(usd("10.00"), BudgetCost.returnedOnDeobligation(Instrument.DIRECT_LOAN, usd("50"), usd("100.00"),
                usd("1.00"), usd("10.00")));
        assertEquals(usd("250.00"), BudgetCost.returnedOnDeobligation(Instrument.FEASIBILITY_STUDY, null, usd("250.00"),
                usd("750.00"), usd("1000.00")));
    }
}
