package gov.commerce.aiexports.proposals.report;

import gov.commerce.aiexports.events.IncentiveLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The program report for Congress and OMB as of an instant, from the proposals' facts: how many
 * were submitted, designated, rejected and withdrawn, and the financing they requested, by call,
 * fiscal year, target country, target region and instrument; how long proposals spent in each
 * stage (nearest-rank 50th and 90th percentiles, in hours, of the stays that had ended by then).
 * A fact counts only in the stages it had reached by the instant.
 */
public record ProgramReport(Instant asOf, Totals totals, List<Group> byCall, List<Group> byFiscalYear, List<Group> byCountry,
        List<Group> byRegion, List<Group> byInstrument, List<Stage> stages) {

    public record Totals(int drafted, int submitted, int inReview, int designated, int rejected, int withdrawn,
            BigDecimal requestedUsd, BigDecimal designatedRequestedUsd) {
    }

    /** One value of a breakdown: proposals submitted, designated and rejected by then, and the financing they requested. */
    public record Group(String key, int submitted, int designated, int rejected, BigDecimal requestedUsd,
            BigDecimal designatedRequestedUsd) {
    }

    /** DRAFT (drafted to submitted), SUBMITTED (submitted to under review), UNDER_REVIEW (under review to a decision). */
    public record Stage(String stage, int completed, BigDecimal p50Hours, BigDecimal p90Hours) {
    }

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    public static ProgramReport of(List<ProgramFact> facts, Instant asOf) {
        int drafted = 0;
        int submitted = 0;
        int inReview = 0;
        int designated = 0;
        int rejected = 0;
        int withdrawn = 0;
        BigDecimal requested = ZERO;
        BigDecimal designatedRequested = ZERO;
        Map<String, Acc> byCall = new TreeMap<>();
        Map<String, Acc> byYear = new TreeMap<>();
        Map<String, Acc> byCountry = new TreeMap<>();
        Map<String, Acc> byRegion = new TreeMap<>();
        Map<String, Acc> byInstrument = new TreeMap<>();
        List<Duration> draft = new ArrayList<>();
        List<Duration> queued = new ArrayList<>();
        List<Duration> review = new ArrayList<>();
        for (ProgramFact f : facts) {
            if (!ProgramFact.by(f.draftedAt(), asOf)) {
                continue;
            }
            drafted++;
            if (!ProgramFact.by(f.submittedAt(), asOf)) {
                continue;
            }
            submitted++;
            boolean isDesignated = ProgramFact.by(f.designatedAt(), asOf);
            boolean isRejected = ProgramFact.by(f.rejectedAt(), asOf);
            boolean isWithdrawn = ProgramFact.by(f.withdrawnAt(), asOf);
            designated += isDesignated ? 1 : 0;
            rejected += isRejected ? 1 : 0;
            withdrawn += isWithdrawn ? 1 : 0;
            boolean reviewing = ProgramFact.by(f.underReviewAt(), asOf) && !isDesignated && !isRejected && !isWithdrawn;
            inReview += reviewing ? 1 : 0;
            BigDecimal amount = f.requested().stream().map(IncentiveLine::amountUsd).reduce(ZERO, BigDecimal::add);
            requested = requested.add(amount);
            designatedRequested = designatedRequested.add(isDesignated ? amount : ZERO);
            add(byCall, f.callId(), isDesignated, isRejected, amount);
            add(byYear, String.valueOf(f.fiscalYear()), isDesignated, isRejected, amount);
            f.countries().forEach(c -> add(byCountry, c, isDesignated, isRejected, amount));
            f.regions().forEach(r -> add(byRegion, r, isDesignated, isRejected, amount));
            for (IncentiveLine line : f.requested()) {
                add(byInstrument, line.instrument().name(), isDesignated, isRejected, line.amountUsd());
            }
            draft.add(Duration.between(f.draftedAt(), f.submittedAt()));
            if (ProgramFact.by(f.underReviewAt(), asOf)) {
                queued.add(Duration.between(f.submittedAt(), f.underReviewAt()));
                Instant decided = isDesignated ? f.designatedAt() : isRejected ? f.rejectedAt() : null;
                if (decided != null) {
                    review.add(Duration.between(f.underReviewAt(), decided));
                }
            }
        }
        Function<Map<String, Acc>, List<Group>> groups = m -> m.entrySet().stream().map(e -> e.getValue().group(e.getKey())).toList();
        return new ProgramReport(asOf, new Totals(drafted, submitted, inReview, designated, rejected, withdrawn, requested,
                designatedRequested), groups.apply(byCall), groups.apply(byYear), groups.apply(byCountry), groups.apply(byRegion),
                groups.apply(byInstrument), List.of(stage("DRAFT", draft), stage("SUBMITTED", queued), stage("UNDER_REVIEW", review)));
    }

    private static void add(Map<String, Acc> m, String key, boolean designated, boolean rejected, BigDecimal amount) {
        m.computeIfAbsent(key == null ? "" : key, k -> new Acc()).add(designated, rejected, amount);
    }

    /** The nearest-rank percentile: the smallest stay that at least q of the stays do not exceed. */
    static BigDecimal percentile(List<Duration> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        Duration d = sorted.get(Math.max(rank, 1) - 1);
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000), 2, RoundingMode.HALF_UP);
    }

    private static Stage stage(String name, List<Duration> stays) {
        List<Duration> sorted = stays.stream().sorted().toList();
        return new Stage(name, sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    private static final class Acc {
        int submitted;
        int designated;
        int rejected;
        BigDecimal requested = ZERO;
        BigDecimal designatedRequested = ZERO;

        void add(boolean isDesignated, boolean isRejected, BigDecimal amount) {
            submitted++;
            designated += isDesignated ? 1 : 0;
            rejected += isRejected ? 1 : 0;
            requested = requested.add(amount);
            designatedRequested = designatedRequested.add(isDesignated ? amount : ZERO);
        }

        Group group(String key) {
            return new Group(key, submitted, designated, rejected, requested, designatedRequested);
        }
    }

    /** The report as CSV: one line per breakdown value, then one per stage; amounts as plain decimals. */
    public String csv() {
        StringBuilder out = new StringBuilder("asOf,section,key,submitted,designated,rejected,requestedUsd,designatedRequestedUsd,"
                + "completed,p50Hours,p90Hours\r\n");
        out.append(line(asOf, "totals", "", totals.submitted(), totals.designated(), totals.rejected(), totals.requestedUsd(),
                totals.designatedRequestedUsd(), null, null, null));
        Map<String, List<Group>> sections = new java.util.LinkedHashMap<>();
        sections.put("call", byCall);
        sections.put("fiscalYear", byFiscalYear);
        sections.put("country", byCountry);
        sections.put("region", byRegion);
        sections.put("instrument", byInstrument);
        sections.forEach((section, groups) -> groups.forEach(g -> out.append(line(asOf, section, g.key(), g.submitted(),
                g.designated(), g.rejected(), g.requestedUsd(), g.designatedRequestedUsd(), null, null, null))));
        stages.forEach(s -> out.append(line(asOf, "stage", s.stage(), null, null, null, null, null, s.completed(), s.p50Hours(),
                s.p90Hours())));
        return out.toString();
    }

    private static String line(Object... cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            Object c = cells[i];
            String v = c == null ? "" : c instanceof BigDecimal b ? b.toPlainString() : c.toString();
            // keys are codes and ids, but a region is the applicant's text: quoted (RFC 4180), a formula neutralised
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !(c instanceof BigDecimal)) {
                v = "'" + v;
            }
            s.append(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return s.append("\r\n").toString();
    }
}
