package gov.commerce.aiexports.incentives.budget;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.budget.BudgetCommand.AdjustBudget;
import gov.commerce.aiexports.incentives.budget.BudgetCommand.DeobligateBudget;
import gov.commerce.aiexports.incentives.budget.BudgetCommand.ObligateBudget;
import gov.commerce.aiexports.incentives.budget.BudgetCommand.RecordAppropriation;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.math.BigDecimal;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The budget authority of one fiscal year and instrument, given/when/then on the aggregate alone:
 * appropriations and adjustments, the Antideficiency guard, the period of availability, de-obligations.
 */
@ExtendWith(QuietRefusals.class)
class BudgetAggregateTest {

    private static final String ID = "budget-FY2027-DIRECT_LOAN";
    private static final Instrument LOAN = Instrument.DIRECT_LOAN;

    private FixtureConfiguration<Budget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Budget.class);
    }

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static BudgetEvent.AppropriationRecorded appropriated(String amount, String authorityAfter, String availableAfter,
            AvailabilityKind kind, Integer lastFiscalYear) {
        return new BudgetEvent.AppropriationRecorded(ID, 2027, LOAN, usd(amount), "P.L. 119-1", usd(authorityAfter), usd(availableAfter),
                kind, lastFiscalYear);
    }

    private static BudgetEvent.AppropriationRecorded million() {
        return appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.ONE_YEAR, 2027);
    }

    private static BudgetEvent.Obligated obligated(String request, String cost, String availableBefore, String obligatedAfter,
            String availableAfter) {
        return new BudgetEvent.Obligated(ID, 2027, LOAN, request, "proposal-1", "AIEP-D-2027-001", "DFC", usd("10000000.00"), usd("5.00"),
                usd(cost), usd(availableBefore), usd(obligatedAfter), usd(availableAfter));
    }

    private static ObligateBudget obligate(String request, String cost, int inFiscalYear) {
        return new ObligateBudget(ID, request, "proposal-1", "AIEP-D-2027-001", "DFC", usd("10000000.00"), usd("5.00"), usd(cost),
                inFiscalYear);
    }

    // --- appropriations

    @Test
    void the_first_appropriation_opens_a_one_year_budget_unless_it_states_its_period() {
        fixture.givenNoPriorActivity().when(new RecordAppropriation(ID, 2027, LOAN, usd("1000000.00"), "P.L. 119-1", null, null))
                .expectEvents(million());
        fixture.givenNoPriorActivity()
                .when(new RecordAppropriation(ID, 2027, LOAN, usd("1000000.00"), "P.L. 119-1", AvailabilityKind.MULTI_YEAR, 2029))
                .expectEvents(appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.MULTI_YEAR, 2029));
        fixture.givenNoPriorActivity()
                .when(new RecordAppropriation(ID, 2027, LOAN, usd("1000000.00"), "P.L. 119-1", AvailabilityKind.NO_YEAR, null))
                .expectEvents(appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.NO_YEAR, null));
    }

    @Test
    void a_later_appropriation_adds_authority_and_keeps_the_budgets_period() {
        fixture.given(million(), obligated("line-1", "100000.00", "1000000.00", "100000.00", "900000.00"))
                .when(new RecordAppropriation(ID, 2027, LOAN, usd("500000.00"), "P.L. 119-1", null, null))
                .expectEvents(appropriated("500000.00", "1500000.00", "1400000.00", AvailabilityKind.ONE_YEAR, 2027));
        fixture.given(million()).when(new RecordAppropriation(ID, 2027, LOAN, usd("500000.00"), "P.L. 119-1", AvailabilityKind.ONE_YEAR,
                        null))
                .expectEvents(appropriated("500000.00", "1500000.00", "1500000.00", AvailabilityKind.ONE_YEAR, 2027));
    }

    @Test
    void a_later_appropriation_stating_another_period_is_refused() {
        fixture.given(million())
                .when(new RecordAppropriation(ID, 2027, LOAN, usd("500000.00"), "P.L. 119-1", AvailabilityKind.NO_YEAR, null))
                .expectException(refused(RuleViolation.class, "BUDGET_PERIOD_MISMATCH", "/periodOfAvailability")).expectNoEvents();
    }

    @Test
    void an_appropriation_of_another_year_or_instrument_does_not_land_on_this_budget() {
        fixture.given(million()).when(new RecordAppropriation(ID, 2028, LOAN, usd("1.00"), "r", null, null))
                .expectException(refused(StateConflict.class, "BUDGET_MISMATCH")).expectNoEvents();
        fixture.given(million()).when(new RecordAppropriation(ID, 2027, Instrument.EQUITY_INVESTMENT, usd("1.00"), "r", null, null))
                .expectException(refused(StateConflict.class, "BUDGET_MISMATCH")).expectNoEvents();
    }

    // --- adjustments

    @Test
    void a_supplemental_adds_and_a_rescission_cancels_authority() {
        fixture.given(million()).when(new AdjustBudget(ID, AdjustmentKind.SUPPLEMENTAL, usd("250000.00"), "P.L. 119-9", "more"))
                .expectEvents(new BudgetEvent.Adjusted(ID, 2027, LOAN, AdjustmentKind.SUPPLEMENTAL, usd("250000.00"), "P.L. 119-9", "more",
                        usd("1250000.00"), usd("1250000.00")));
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(new AdjustBudget(ID, AdjustmentKind.RESCISSION, usd("400000.00"), "P.L. 119-9", "less"))
                .expectEvents(new BudgetEvent.Adjusted(ID, 2027, LOAN, AdjustmentKind.RESCISSION, usd("400000.00"), "P.L. 119-9", "less",
                        usd("600000.00"), usd("0.00")));
    }

    @Test
    void a_rescission_cancels_only_authority_not_yet_obligated() {
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(new AdjustBudget(ID, AdjustmentKind.RESCISSION, usd("400000.01"), "P.L. 119-9", "less"))
                .expectException(refused(RuleViolation.class, "RESCISSION_EXCEEDS_AVAILABLE", "/amountUsd")).expectNoEvents();
    }

    @Test
    void a_budget_never_appropriated_is_not_adjusted() {
        fixture.givenNoPriorActivity().when(new AdjustBudget(ID, AdjustmentKind.SUPPLEMENTAL, usd("1.00"), "r", "why"))
                .expectException(AggregateNotFoundException.class).expectNoEvents();
    }

    // --- obligations: the Antideficiency guard and the period of availability

    @Test
    void an_obligation_within_the_available_authority_is_recorded_with_the_figures_it_was_judged_on() {
        fixture.given(million()).when(obligate("line-1", "1000000.00", 2027))
                .expectEvents(obligated("line-1", "1000000.00", "1000000.00", "1000000.00", "0.00"));
    }

    @Test
    void the_antideficiency_guard_refuses_what_does_not_fit() {
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(obligate("line-2", "400000.01", 2027))
                .expectException(refused(InsufficientBudgetAuthority.class, "INSUFFICIENT_BUDGET_AUTHORITY", "/fiscalYear"))
                .expectNoEvents();
    }

    @Test
    void a_line_is_obligated_once() {
        fixture.given(million(), obligated("line-1", "100000.00", "1000000.00", "100000.00", "900000.00"))
                .when(obligate("line-1", "100000.00", 2027))
                .expectException(refused(StateConflict.class, "ALREADY_OBLIGATED")).expectNoEvents();
    }

    @Test
    void a_one_year_budget_obligates_only_in_its_year() {
        fixture.given(million()).when(obligate("line-1", "1.00", 2028))
                .expectException(refused(RuleViolation.class, "OUTSIDE_PERIOD_OF_AVAILABILITY", "/fiscalYear")).expectNoEvents();
        fixture.given(million()).when(obligate("line-1", "1.00", 2026))
                .expectException(refused(RuleViolation.class, "OUTSIDE_PERIOD_OF_AVAILABILITY", "/fiscalYear")).expectNoEvents();
    }

    @Test
    void a_multi_year_budget_obligates_through_its_last_year_and_a_no_year_one_until_spent() {
        fixture.given(appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.MULTI_YEAR, 2029))
                .when(obligate("line-1", "1.00", 2029)).expectEvents(obligated("line-1", "1.00", "1000000.00", "1.00", "999999.00"));
        fixture.given(appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.MULTI_YEAR, 2029))
                .when(obligate("line-1", "1.00", 2030))
                .expectException(refused(RuleViolation.class, "OUTSIDE_PERIOD_OF_AVAILABILITY", "/fiscalYear")).expectNoEvents();
        fixture.given(appropriated("1000000.00", "1000000.00", "1000000.00", AvailabilityKind.NO_YEAR, null))
                .when(obligate("line-1", "1.00", 2040)).expectEvents(obligated("line-1", "1.00", "1000000.00", "1.00", "999999.00"));
    }

    @Test
    void an_appropriation_stored_before_periods_existed_is_read_as_one_year() {
        fixture.given(appropriated("1000000.00", "1000000.00", "1000000.00", null, null)).when(obligate("line-1", "1.00", 2028))
                .expectException(refused(RuleViolation.class, "OUTSIDE_PERIOD_OF_AVAILABILITY", "/fiscalYear")).expectNoEvents();
    }

    // --- de-obligations

    @Test
    void a_deobligation_returns_the_lines_cost_whatever_the_year_as_it_names_none() {
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(new DeobligateBudget(ID, "line-1", usd("200000.00"), "smaller"))
                .expectEvents(new BudgetEvent.Deobligated(ID, 2027, LOAN, "line-1", usd("200000.00"), "smaller", usd("400000.00"),
                        usd("600000.00")));
    }

    @Test
    void a_line_returns_at_most_what_it_obligated() {
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(new DeobligateBudget(ID, "line-1", usd("600000.01"), "x"))
                .expectException(refused(RuleViolation.class, "DEOBLIGATION_EXCEEDS_OBLIGATION", "/amountUsd")).expectNoEvents();
        fixture.given(million()).when(new DeobligateBudget(ID, "line-9", usd("1.00"), "x"))
                .expectException(refused(RuleViolation.class, "DEOBLIGATION_EXCEEDS_OBLIGATION", "/amountUsd")).expectNoEvents();
        fixture.given(million(), obligated("line-1", "600000.00", "1000000.00", "600000.00", "400000.00"))
                .when(new DeobligateBudget(ID, "line-1", usd("-1.00"), "x"))
                .expectException(refused(RuleViolation.class, "DEOBLIGATION_EXCEEDS_OBLIGATION", "/amountUsd")).expectNoEvents();
    }
}
