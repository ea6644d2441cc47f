package gov.commerce.aiexports.incentives.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AntideficiencyReportTest {

    private static final String BUDGET = "budget-FY2027-DIRECT_LOAN";
    private static final Instant AT = Instant.parse("2027-01-05T15:00:00Z");

    private static AntideficiencyReport.Stored stored(long seq, BudgetEvent e) {
        return new AntideficiencyReport.Stored(seq, AT.plusSeconds(seq), "user-DFC", e);
    }

    private static BudgetEvent appropriation(String amount) {
        return new BudgetEvent.AppropriationRecorded(BUDGET, 2027, Instrument.DIRECT_LOAN, new BigDecimal(amount), "P.L. 119-1",
                new BigDecimal(amount), new BigDecimal(amount), AvailabilityKind.ONE_YEAR, null);
    }

    private static BudgetEvent obligated(String request, String cost, String availableBefore, String obligatedAfter, String availableAfter) {
        return new BudgetEvent.Obligated(BUDGET, 2027, Instrument.DIRECT_LOAN, request, "p-" + request, "AIEP-D-1", "DFC",
                new BigDecimal(cost).multiply(BigDecimal.TEN), new BigDecimal("10.0000"), new BigDecimal(cost),
                new BigDecimal(availableBefore), new BigDecimal(obligatedAfter), new BigDecimal(availableAfter));
    }

    @Test
    void each_change_shows_the_budget_before_and_after_and_the_check_passes_when_all_agrees() {
        var report = AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", List.of(stored(0, appropriation("1000.00")),
                stored(1, obligated("r1", "600.00", "1000.00", "600.00", "400.00")),
                stored(2, new BudgetEvent.Deobligated(BUDGET, 2027, Instrument.DIRECT_LOAN, "r1", new BigDecimal("100.00"),
                        "relinquished", new BigDecimal("500.00"), new BigDecimal("500.00"))),
                stored(3, obligated("r2", "500.00", "500.00", "1000.00", "0.00"))));
        assertTrue(report.check().passed(), report.check().findings().toString());
        assertEquals(List.of("APPROPRIATION", "OBLIGATION", "DEOBLIGATION", "OBLIGATION"),
                report.entries().stream().map(AntideficiencyReport.Entry::kind).toList());
        var last = report.entries().get(3);
        assertEquals(new BigDecimal("500.00"), last.availableBeforeUsd());
        assertEquals(new BigDecimal("0.00"), last.availableAfterUsd());
        assertEquals(new BigDecimal("1100.00"), report.totals().obligatedUsd());
        assertEquals(new BigDecimal("100.00"), report.totals().deobligatedUsd());
        assertEquals(new BigDecimal("1000.00"), report.totals().netObligatedUsd());
        assertEquals(5, report.csv().split("\r\n").length);
    }

    @Test
    void an_obligation_beyond_the_authority_fails_the_check_naming_the_event() {
        var report = AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", List.of(stored(0, appropriation("1000.00")),
                stored(1, obligated("r1", "600.00", "1000.00", "600.00", "400.00")),
                // written by a faulty guard: it believed 1000 were still available
                stored(2, obligated("r2", "600.00", "1000.00", "1200.00", "-200.00"))));
        assertFalse(report.check().passed());
        assertEquals(List.of("RECORDED_FIGURES_DIFFER", "ANTIDEFICIENCY_AVAILABLE_NEGATIVE"),
                report.check().findings().stream().map(AntideficiencyReport.Finding::rule).toList());
        assertTrue(report.check().findings().stream().allMatch(f -> f.sequence() == 2));
    }

    @Test
    void figures_recorded_differently_from_the_fold_fail_the_check() {
        var report = AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", List.of(stored(0, appropriation("1000.00")),
                stored(1, obligated("r1", "600.00", "1000.00", "600.00", "500.00"))));
        assertFalse(report.check().passed());
        assertEquals(List.of("RECORDED_FIGURES_DIFFER"), report.check().findings().stream().map(AntideficiencyReport.Finding::rule).toList());
    }

    /**
     * The projection works each event out from the row before it (the budget's figures after it,
     * nothing else): that gives the fold's report, entries, findings and totals, also when a check fails.
     */
    @Test
    void stepping_from_each_entrys_figures_gives_the_folded_report() {
        List<AntideficiencyReport.Stored> stored = List.of(stored(0, appropriation("1000.00")),
                stored(1, obligated("r1", "600.00", "1000.00", "600.00", "400.00")),
                stored(2, new BudgetEvent.Deobligated(BUDGET, 2027, Instrument.DIRECT_LOAN, "r1", new BigDecimal("100.00"),
                        "relinquished", new BigDecimal("500.00"), new BigDecimal("500.00"))),
                stored(3, obligated("r2", "600.00", "1000.00", "1100.00", "-100.00")));
        AntideficiencyReport folded = AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", stored);
        List<AntideficiencyReport.Entry> entries = new java.util.ArrayList<>();
        List<AntideficiencyReport.Finding> findings = new java.util.ArrayList<>();
        for (AntideficiencyReport.Stored s : stored) {
            AntideficiencyReport.Entry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            BudgetLedger before = previous == null ? BudgetLedger.EMPTY
                    : new BudgetLedger(previous.authorityAfterUsd(), previous.obligatedAfterUsd(), java.util.Map.of());
            AntideficiencyReport.Step step = AntideficiencyReport.step(s, before);
            entries.add(step.entry());
            findings.addAll(step.findings());
        }
        AntideficiencyReport stepped = AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", entries, findings);
        assertEquals(folded, stepped);
        assertTrue(AntideficiencyReports.same(folded, stepped));
        assertFalse(stepped.check().passed());
        assertFalse(AntideficiencyReports.same(folded, AntideficiencyReport.of(BUDGET, 2027, "DIRECT_LOAN", entries.subList(0, 3),
                findings)));
    }
}
