package gov.commerce.aiexports.incentives.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence that a budget never obligated beyond its authority (31 U.S.C. 1341): every change of
 * one fiscal year's and instrument's budget in the order it was stored, with the budget as it stood
 * at that moment. Each entry shows the figures the event recorded when the decision was taken beside
 * the figures a fold of all earlier events gives ({@link BudgetLedger}); the check fails when the
 * two differ or when anything available ever went below zero.
 */
public record AntideficiencyReport(String budgetId, int fiscalYear, String instrument, List<Entry> entries, Totals totals,
        Check check) {

    /** One stored budget event as evidence. Amounts of an obligation are positive, of a de-obligation the amount returned. */
    public record Entry(long sequence, Instant at, String actor, String kind, String reference, String incentiveRequestId,
            String proposalId, String designationNumber, String agency, BigDecimal faceAmountUsd,
            BigDecimal creditSubsidyRatePercent, BigDecimal amountUsd, BigDecimal authorityBeforeUsd, BigDecimal obligatedBeforeUsd,
            BigDecimal availableBeforeUsd, BigDecimal authorityAfterUsd, BigDecimal obligatedAfterUsd, BigDecimal availableAfterUsd,
            BigDecimal recordedAvailableAfterUsd) {
    }

    public record Totals(BigDecimal authorityUsd, BigDecimal obligatedUsd, BigDecimal deobligatedUsd, BigDecimal netObligatedUsd,
            BigDecimal availableUsd, int obligations, int deobligations) {
    }

    /** ANTIDEFICIENCY_AVAILABLE_NEGATIVE, RECORDED_FIGURES_DIFFER: what failed, at which stored event. */
    public record Finding(String rule, long sequence, String detail) {
    }

    public record Check(boolean passed, List<Finding> findings) {
    }

    /** A stored budget event with what its message says around it. */
    public record Stored(long sequence, Instant at, String actor, BudgetEvent event) {
    }

    public static final String AVAILABLE_NEGATIVE = "ANTIDEFICIENCY_AVAILABLE_NEGATIVE";
    public static final String RECORDED_FIGURES_DIFFER = "RECORDED_FIGURES_DIFFER";

    public static AntideficiencyReport of(String budgetId, int fiscalYear, String instrument, List<Stored> stored) {
        BudgetLedger ledger = BudgetLedger.EMPTY;
        List<Entry> entries = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Stored s : stored) {
            Step step = step(s, ledger);
            ledger = step.after();
            entries.add(step.entry());
            findings.addAll(step.findings());
        }
        return of(budgetId, fiscalYear, instrument, entries, findings);
    }

    /**
     * The report from entries and findings already worked out one event at a time (the
     * Antideficiency projection's rows): the totals follow from the entries alone.
     */
    public static AntideficiencyReport of(String budgetId, int fiscalYear, String instrument, List<Entry> entries,
            List<Finding> findings) {
        BigDecimal obligated = Money.ZERO;
        BigDecimal deobligated = Money.ZERO;
        int obligations = 0;
        int deobligations = 0;
        for (Entry e : entries) {
            if (e.kind().equals("OBLIGATION")) {
                obligated = obligated.add(e.amountUsd());
                obligations++;
            } else if (e.kind().equals("DEOBLIGATION")) {
                deobligated = deobligated.add(e.amountUsd());
                deobligations++;
            }
        }
        Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        Totals totals = last == null ? new Totals(Money.ZERO, obligated, deobligated, Money.ZERO, Money.ZERO, 0, 0)
                : new Totals(last.authorityAfterUsd(), obligated, deobligated, last.obligatedAfterUsd(), last.availableAfterUsd(),
                        obligations, deobligations);
        return new AntideficiencyReport(budgetId, fiscalYear, instrument, List.copyOf(entries), totals,
                new Check(findings.isEmpty(), List.copyOf(findings)));
    }

    /** One stored event's evidence: its entry, the budget after it, and what its check found. */
    public record Step(Entry entry, BudgetLedger after, List<Finding> findings) {
    }

    /** The evidence of one stored event, given the budget as the earlier events left it. */
    public static Step step(Stored s, BudgetLedger before) {
        BudgetLedger after = before.apply(s.event());
        Entry entry = entry(s, before, after);
        List<Finding> findings = new ArrayList<>();
        if (s.event() instanceof BudgetEvent.Obligated o && o.availableBeforeUsd().compareTo(before.availableUsd()) != 0) {
            findings.add(new Finding(RECORDED_FIGURES_DIFFER, s.sequence(), "the obligation was checked against "
                    + o.availableBeforeUsd() + " available, the earlier events leave " + before.availableUsd()));
        }
        if (entry.recordedAvailableAfterUsd() != null && entry.recordedAvailableAfterUsd().compareTo(entry.availableAfterUsd()) != 0) {
            findings.add(new Finding(RECORDED_FIGURES_DIFFER, s.sequence(), "the event recorded " + entry.recordedAvailableAfterUsd()
                    + " available after it, the fold of the events gives " + entry.availableAfterUsd()));
        }
        if (entry.availableAfterUsd().signum() < 0 || (entry.recordedAvailableAfterUsd() != null
                && entry.recordedAvailableAfterUsd().signum() < 0)) {
            findings.add(new Finding(AVAILABLE_NEGATIVE, s.sequence(), entry.kind() + " left " + entry.availableAfterUsd()
                    + " available: more was obligated than the authority"));
        }
        return new Step(entry, after, findings);
    }

    private static Entry entry(Stored s, BudgetLedger before, BudgetLedger after) {
        BudgetEvent e = s.event();
        if (e instanceof BudgetEvent.AppropriationRecorded a) {
            return new Entry(s.sequence(), s.at(), s.actor(), "APPROPRIATION", a.appropriationReference(), null, null, null, null,
                    null, null, a.amountUsd(), before.authorityUsd(), before.obligatedUsd(), before.availableUsd(),
                    after.authorityUsd(), after.obligatedUsd(), after.availableUsd(), a.availableAfterUsd());
        }
        if (e instanceof BudgetEvent.Adjusted a) {
            return new Entry(s.sequence(), s.at(), s.actor(), a.kind().name(), a.reference(), null, null, null, null, null, null,
                    a.amountUsd(), before.authorityUsd(), before.obligatedUsd(), before.availableUsd(), after.authorityUsd(),
                    after.obligatedUsd(), after.availableUsd(), a.availableAfterUsd());
        }
        if (e instanceof BudgetEvent.Obligated o) {
            return new Entry(s.sequence(), s.at(), s.actor(), "OBLIGATION", null, o.incentiveRequestId(), o.proposalId(),
                    o.designationNumber(), o.agency(), o.faceAmountUsd(), o.creditSubsidyRatePercent(), o.budgetCostUsd(),
                    before.authorityUsd(), before.obligatedUsd(), before.availableUsd(), after.authorityUsd(), after.obligatedUsd(),
                    after.availableUsd(), o.availableAfterUsd());
        }
        BudgetEvent.Deobligated d = (BudgetEvent.Deobligated) e;
        return new Entry(s.sequence(), s.at(), s.actor(), "DEOBLIGATION", d.reason(), d.incentiveRequestId(), null, null, null,
                null, null, d.budgetCostReturnedUsd(), before.authorityUsd(), before.obligatedUsd(), before.availableUsd(),
                after.authorityUsd(), after.obligatedUsd(), after.availableUsd(), d.availableAfterUsd());
    }

    /** The entries as CSV, one line per stored event, amounts as plain decimals. */
    public String csv() {
        StringBuilder out = new StringBuilder("sequence,at,actor,kind,reference,incentiveRequestId,proposalId,designationNumber,agency,"
                + "faceAmountUsd,creditSubsidyRatePercent,amountUsd,authorityBeforeUsd,obligatedBeforeUsd,availableBeforeUsd,"
                + "authorityAfterUsd,obligatedAfterUsd,availableAfterUsd,recordedAvailableAfterUsd\r\n");
        for (Entry e : entries) {
            Object[] cells = {e.sequence(), e.at(), e.actor(), e.kind(), e.reference(), e.incentiveRequestId(), e.proposalId(),
                    e.designationNumber(), e.agency(), e.faceAmountUsd(), e.creditSubsidyRatePercent(), e.amountUsd(),
                    e.authorityBeforeUsd(), e.obligatedBeforeUsd(), e.availableBeforeUsd(), e.authorityAfterUsd(),
                    e.obligatedAfterUsd(), e.availableAfterUsd(), e.recordedAvailableAfterUsd()};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof BigDecimal b ? b.toPlainString() : value.toString();
        // RFC 4180 quoting; a leading formula character is neutralised for spreadsheets
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof BigDecimal)) {
            s = "'" + s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
