package gov.commerce.aiexports.incentives.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Budget execution per fiscal year for the program report, as of an instant: for each fiscal year
 * and instrument the authority, what was obligated and de-obligated and what stayed available, and
 * the obligations net of de-obligations by financing agency. Built from the Antideficiency
 * projection's rows (replayable), counting only the events stored by the instant.
 */
public record BudgetExecution(Instant asOf, List<Year> fiscalYears) {

    public record Year(int fiscalYear, BigDecimal authorityUsd, BigDecimal obligatedUsd, BigDecimal deobligatedUsd,
            BigDecimal netObligatedUsd, BigDecimal availableUsd, List<Line> instruments, List<Agency> agencies) {
    }

    public record Line(String instrument, BigDecimal authorityUsd, BigDecimal obligatedUsd, BigDecimal deobligatedUsd,
            BigDecimal netObligatedUsd, BigDecimal availableUsd, int obligations, int deobligations) {
    }

    public record Agency(String agency, BigDecimal obligatedUsd, BigDecimal deobligatedUsd, BigDecimal netObligatedUsd, int obligations) {
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public static BudgetExecution of(List<AntideficiencyProjection.Row> rows, Instant asOf) {
        // per budget: its rows up to the instant, in order; the agency of a de-obligation is its obligation's
        Map<Integer, Map<String, List<AntideficiencyProjection.Row>>> byYear = new TreeMap<>();
        for (AntideficiencyProjection.Row r : rows) {
            if (!r.entry().at().isAfter(asOf)) {
                byYear.computeIfAbsent(r.fiscalYear(), y -> new TreeMap<>()).computeIfAbsent(r.instrument(), i -> new ArrayList<>()).add(r);
            }
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, instruments) -> {
            List<Line> lines = new ArrayList<>();
            Map<String, BigDecimal[]> agencies = new TreeMap<>();
            Map<String, Integer> agencyObligations = new TreeMap<>();
            instruments.forEach((instrument, entries) -> {
                entries.sort(java.util.Comparator.comparingLong(r -> r.entry().sequence()));
                Map<String, String> agencyOfRequest = new java.util.HashMap<>();
                BigDecimal obligated = ZERO;
                BigDecimal deobligated = ZERO;
                int obligations = 0;
                int deobligations = 0;
                for (AntideficiencyProjection.Row r : entries) {
                    AntideficiencyReport.Entry e = r.entry();
                    if ("OBLIGATION".equals(e.kind())) {
                        obligated = obligated.add(e.amountUsd());
                        obligations++;
                        agencyOfRequest.put(e.incentiveRequestId(), e.agency());
                        agencies.computeIfAbsent(e.agency(), a -> new BigDecimal[] {ZERO, ZERO})[0] =
                                agencies.get(e.agency())[0].add(e.amountUsd());
                        agencyObligations.merge(e.agency(), 1, Integer::sum);
                    } else if ("DEOBLIGATION".equals(e.kind())) {
                        deobligated = deobligated.add(e.amountUsd());
                        deobligations++;
                        String agency = agencyOfRequest.getOrDefault(e.incentiveRequestId(), "UNKNOWN");
                        agencies.computeIfAbsent(agency, a -> new BigDecimal[] {ZERO, ZERO})[1] = agencies.get(agency)[1].add(e.amountUsd());
                    }
                }
                AntideficiencyReport.Entry last = entries.get(entries.size() - 1).entry();
                lines.add(new Line(instrument, last.authorityAfterUsd(), obligated, deobligated, last.obligatedAfterUsd(),
                        last.availableAfterUsd(), obligations, deobligations));
            });
            List<Agency> agencyLines = agencies.entrySet().stream().map(a -> new Agency(a.getKey(), a.getValue()[0], a.getValue()[1],
                    a.getValue()[0].subtract(a.getValue()[1]), agencyObligations.getOrDefault(a.getKey(), 0))).toList();
            years.add(new Year(year, sum(lines, Line::authorityUsd), sum(lines, Line::obligatedUsd), sum(lines, Line::deobligatedUsd),
                    sum(lines, Line::netObligatedUsd), sum(lines, Line::availableUsd), List.copyOf(lines), agencyLines));
        });
        return new BudgetExecution(asOf, List.copyOf(years));
    }

    private static BigDecimal sum(List<Line> lines, java.util.function.Function<Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(ZERO, BigDecimal::add);
    }

    /** One CSV line per fiscal year and instrument, then per fiscal year and agency. */
    public String csv() {
        StringBuilder out = new StringBuilder("asOf,fiscalYear,section,key,authorityUsd,obligatedUsd,deobligatedUsd,netObligatedUsd,"
                + "availableUsd,obligations,deobligations\r\n");
        for (Year y : fiscalYears) {
            out.append(String.join(",", asOf.toString(), String.valueOf(y.fiscalYear()), "total", "", plain(y.authorityUsd()),
                    plain(y.obligatedUsd()), plain(y.deobligatedUsd()), plain(y.netObligatedUsd()), plain(y.availableUsd()), "", ""))
                    .append("\r\n");
            for (Line l : y.instruments()) {
                out.append(String.join(",", asOf.toString(), String.valueOf(y.fiscalYear()), "instrument", l.instrument(),
                        plain(l.authorityUsd()), plain(l.obligatedUsd()), plain(l.deobligatedUsd()), plain(l.netObligatedUsd()),
                        plain(l.availableUsd()), String.valueOf(l.obligations()), String.valueOf(l.deobligations()))).append("\r\n");
            }
            for (Agency a : y.agencies()) {
                out.append(String.join(",", asOf.toString(), String.valueOf(y.fiscalYear()), "agency", a.agency(), "",
                        plain(a.obligatedUsd()), plain(a.deobligatedUsd()), plain(a.netObligatedUsd()), "", String.valueOf(a.obligations()),
                        "")).append("\r\n");
            }
        }
        return out.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
