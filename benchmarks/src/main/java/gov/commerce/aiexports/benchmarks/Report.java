package gov.commerce.aiexports.benchmarks;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run measured: the printed table, the JSON document and the data the chart draws. */
final class Report {

    /**
     * One line of the table; {@code met} is whether the figure meets its target (null: no target),
     * before errors count; {@code health} names whose failed steps spoil it: its section, or a part
     * of it ("capacity/40" for one capacity step).
     */
    record Row(String section, String measure, String value, String baseline, String target, String verdict, Boolean met,
            String health) {
    }

    /** Intake at one concurrency: commands/s over HTTP beside the database's INSERT commits/s. */
    record Throughput(int clients, double intakePerSecond, double baselinePerSecond) {
    }

    final Map<String, Object> json = new LinkedHashMap<>();
    final List<Row> rows = new ArrayList<>();
    final List<Throughput> throughput = new ArrayList<>();
    final Map<String, Latencies.Summary> latencies = new LinkedHashMap<>();
    final List<CapacityStep> capacity = new ArrayList<>();

    /** One step of the capacity measure: offered and achieved submissions/s and the p99 of the three hops. */
    record CapacityStep(int offered, double achieved, double reviewP99, double incentivesP99, double inboxP99, boolean passed) {
    }

    void row(String section, String measure, String value, String baseline, String target, Boolean holds) {
        row(section, section, measure, value, baseline, target, holds);
    }

    /** A row whose verdict only the failed steps of {@code health} (a part of the section) can spoil. */
    void row(String section, String health, String measure, String value, String baseline, String target, Boolean holds) {
        rows.add(new Row(section, measure, value, baseline, target, Verdicts.label(holds, 0, 0), holds, health));
        System.out.printf("  %-40s %s%n", measure, value);
    }

    /**
     * Settles the verdicts once the run is over: a target of a section that had errors or
     * time-outs is MISSED whatever its figure (the failed steps are not in its samples), and each
     * section gets a row with its errors, time-outs and how long quiescing waited.
     */
    void settle(SectionHealth health) {
        Map<String, SectionHealth.Counts> counts = health.all();
        List<Row> settled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            SectionHealth.Counts c = counts.getOrDefault(r.health(), new SectionHealth.Counts());
            settled.add(new Row(r.section(), r.measure(), r.value(), r.baseline(), r.target(), Verdicts.label(r.met(), c.errors,
                    c.timeouts), r.met(), r.health()));
            boolean lastOfSection = rows.subList(i + 1, rows.size()).stream().noneMatch(n -> n.section().equals(r.section()));
            SectionHealth.Counts whole = SectionHealth.sum(counts, r.section());
            if (lastOfSection && whole != null) {
                settled.add(healthRow(r.section(), whole));
            }
        }
        // sections that wrote no row (the set-up) still say how they went
        counts.keySet().stream().map(k -> k.split("/")[0]).distinct().forEach(section -> {
            if (rows.stream().noneMatch(r -> r.section().equals(section))) {
                settled.add(0, healthRow(section, SectionHealth.sum(counts, section)));
            }
        });
        rows.clear();
        rows.addAll(settled);
        Map<String, Object> j = new LinkedHashMap<>();
        counts.forEach((section, c) -> j.put(section, c.json()));
        json.put("errors", j);
    }

    private static Row healthRow(String section, SectionHealth.Counts c) {
        String value = String.format("%d errors, %d time-outs; quiescing waited %.1f s (%d times%s)", c.errors, c.timeouts,
                c.quiesceSeconds, c.quiesces, c.quiesceGaveUp == 0 ? "" : ", gave up " + c.quiesceGaveUp);
        if (c.firstError != null) {
            value += "; first: " + (c.firstError.length() > 120 ? c.firstError.substring(0, 120) + "..." : c.firstError);
        }
        return new Row(section, "failed steps (errors, time-outs)", value, "", "none", c.clean() ? "holds" : "MISSED", c.clean(),
                section);
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? -1 : Math.round(v * 100) / 100.0;
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }

    void printTable() {
        String[] head = {"section", "measure", "value", "baseline (same run)", "target", "verdict"};
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
        }
        for (Row r : rows) {
            String[] c = cells(r);
            for (int i = 0; i < c.length; i++) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder("\n");
        line(sb, head, w);
        String[] rule = new String[head.length];
        for (int i = 0; i < w.length; i++) {
            rule[i] = "-".repeat(w[i]);
        }
        line(sb, rule, w);
        for (Row r : rows) {
            line(sb, cells(r), w);
        }
        System.out.print(sb);
    }

    /** The same table in Markdown, for docs/performance.md. */
    String markdown() {
        StringBuilder sb = new StringBuilder("| section | measure | value | baseline (same run) | target | verdict |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
        }
        return sb.toString();
    }

    private static String[] cells(Row r) {
        return new String[] {r.section(), r.measure(), r.value(), r.baseline(), r.target(), r.verdict()};
    }

    private static void line(StringBuilder sb, String[] cells, int[] w) {
        for (int i = 0; i < cells.length; i++) {
            sb.append(String.format("%-" + w[i] + "s", cells[i])).append(i + 1 < cells.length ? "  " : "\n");
        }
    }

    void write(Path jsonFile, Path markdownFile) throws IOException {
        Files.createDirectories(jsonFile.getParent());
        Map<String, Object> doc = new LinkedHashMap<>(json);
        List<Map<String, String>> table = new ArrayList<>();
        for (Row r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("section", r.section());
            m.put("measure", r.measure());
            m.put("value", r.value());
            m.put("baseline", r.baseline());
            m.put("target", r.target());
            m.put("verdict", r.verdict());
            table.add(m);
        }
        doc.put("table", table);
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), doc);
        Files.writeString(markdownFile, markdown());
    }
}
