package gov.commerce.aiexports.incentives.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Budget execution per fiscal year from the Antideficiency rows: sums by instrument and agency, as of an instant, CSV. */
class BudgetExecutionTest {

    private static final Instant AT = Instant.parse("2027-01-05T15:00:00Z");

    /** The rows the projection writes for these events of one budget, one step after the other. */
    private static List<AntideficiencyProjection.Row> rows(String budget, int year, Instrument instrument, List<BudgetEvent> events) {
        List<AntideficiencyProjection.Row> rows = new ArrayList<>();
        BudgetLedger ledger = BudgetLedger.EMPTY;
        for (int i = 0; i < events.size(); i++) {
            AntideficiencyReport.Step step = AntideficiencyReport.step(new AntideficiencyReport.Stored(i, AT.plusSeconds(3600L * i),
                    "user", events.get(i)), ledger);
            ledger = new BudgetLedger(step.entry().authorityAfterUsd(), step.entry().obligatedAfterUsd(), Map.of());
            rows.add(new AntideficiencyProjection.Row(budget, year, instrument.name(), step.entry(), step.findings()));
        }
        return rows;
    }

    private static BudgetEvent appropriation(String budget, int year, Instrument i, String amount) {
        return new BudgetEvent.AppropriationRecorded(budget, year, i, new BigDecimal(amount), "P.L. 119-1", new BigDecimal(amount),
                new BigDecimal(amount), AvailabilityKind.ONE_YEAR, null);
    }

    private static BudgetEvent obligated(String budget, int year, Instrument i, String request, String agency, String cost,
            String availableBefore, String obligatedAfter, String availableAfter) {
        return new BudgetEvent.Obligated(budget, year, i, request, "p-" + request, "PAEP-2027-0001", agency,
                new BigDecimal(cost).multiply(BigDecimal.TEN), new BigDecimal("10.0000"), new BigDecimal(cost),
                new BigDecimal(availableBefore), new BigDecimal(obligatedAfter), new BigDecimal(availableAfter));
    }

    @Test
    void per_fiscal_year_instrument_and_agency_as_of_an_instant() {
        List<AntideficiencyProjection.Row> all = new ArrayList<>(rows("b-27-loan", 2027, Instrument.DIRECT_LOAN, List.of(
                appropriation("b-27-loan", 2027, Instrument.DIRECT_LOAN, "1000.00"),
                obligated("b-27-loan", 2027, Instrument.DIRECT_LOAN, "r1", "EXIM", "600.00", "1000.00", "600.00", "400.00"),
                new BudgetEvent.Deobligated("b-27-loan", 2027, Instrument.DIRECT_LOAN, "r1", new BigDecimal("100.00"), "relinquished",
                        new BigDecimal("500.00"), new BigDecimal("500.00")),
                obligated("b-27-loan", 2027, Instrument.DIRECT_LOAN, "r2", "DFC", "300.00", "500.00", "800.00", "200.00"))));
        all.addAll(rows("b-27-fs", 2027, Instrument.FEASIBILITY_STUDY, List.of(
                appropriation("b-27-fs", 2027, Instrument.FEASIBILITY_STUDY, "50.00"),
                obligated("b-27-fs", 2027, Instrument.FEASIBILITY_STUDY, "r3", "USTDA", "20.00", "50.00", "20.00", "30.00"))));
        all.addAll(rows("b-28-loan", 2028, Instrument.DIRECT_LOAN, List.of(appropriation("b-28-loan", 2028, Instrument.DIRECT_LOAN,
                "70.00"))));

        BudgetExecution x = BudgetExecution.of(all, AT.plusSeconds(36000));
        assertEquals(List.of(2027, 2028), x.fiscalYears().stream().map(BudgetExecution.Year::fiscalYear).toList());
        BudgetExecution.Year y = x.fiscalYears().get(0);
        assertEquals(new BigDecimal("1050.00"), y.authorityUsd());
        assertEquals(new BigDecimal("920.00"), y.obligatedUsd());
        assertEquals(new BigDecimal("100.00"), y.deobligatedUsd());
        assertEquals(new BigDecimal("820.00"), y.netObligatedUsd());
        assertEquals(new BigDecimal("230.00"), y.availableUsd());
        assertEquals(List.of(new BudgetExecution.Agency("DFC", new BigDecimal("300.00"), new BigDecimal("0.00"), new BigDecimal("300.00"), 1),
                new BudgetExecution.Agency("EXIM", new BigDecimal("600.00"), new BigDecimal("100.00"), new BigDecimal("500.00"), 1),
                new BudgetExecution.Agency("USTDA", new BigDecimal("20.00"), new BigDecimal("0.00"), new BigDecimal("20.00"), 1)),
                y.agencies());
        assertEquals(new BudgetExecution.Line("DIRECT_LOAN", new BigDecimal("1000.00"), new BigDecimal("900.00"), new BigDecimal("100.00"),
                new BigDecimal("800.00"), new BigDecimal("200.00"), 2, 1), y.instruments().get(0));

        // as of after the first obligation only (hour 1): 600 obligated of the loan, nothing yet of the study's (hour 1 too: counted)
        BudgetExecution early = BudgetExecution.of(all, AT.plusSeconds(3600));
        assertEquals(new BigDecimal("620.00"), early.fiscalYears().get(0).obligatedUsd());
        assertEquals(new BigDecimal("0.00"), early.fiscalYears().get(0).deobligatedUsd());
        assertTrue(x.csv().contains(",2027,agency,EXIM,,600.00,100.00,500.00,,1,\r\n"), x.csv());
        assertTrue(x.csv().contains(",2027,instrument,DIRECT_LOAN,1000.00,900.00,100.00,800.00,200.00,2,1\r\n"), x.csv());
    }
}
