package gov.commerce.aiexports.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** The run as a PNG: throughput beside its baseline, and latency percentiles per scenario (log scale). Headless java.awt. */
final class Chart {

    private static final Color INTAKE = new Color(0x1f77b4);
    private static final Color BASELINE = new Color(0xbbbbbb);
    private static final Color[] PERCENTILES = {new Color(0x2ca02c), new Color(0xff7f0e), new Color(0xd62728)};

    private Chart() {
    }

    static void draw(Report report, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 1400;
        // a run of some sections only (./bench --only=capacity) draws only the panels it has figures for
        boolean intake = !report.throughput.isEmpty() || !report.latencies.isEmpty();
        int height = (intake ? 700 : 70) + (report.capacity.isEmpty() ? 20 : 620);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title, 30, 36);
        if (intake) {
            throughput(g, report, 30, 70, 520, 590);
            latencies(g, report, 610, 70, 770, 590);
        }
        if (!report.capacity.isEmpty()) {
            capacity(g, report, 30, intake ? 700 : 70, 1350, 590);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void throughput(Graphics2D g, Report report, int x, int y, int w, int h) {
        List<Report.Throughput> data = report.throughput;
        double max = 1;
        for (Report.Throughput t : data) {
            max = Math.max(max, Math.max(t.intakePerSecond(), t.baselinePerSecond()));
        }
        max = niceCeiling(max);
        int left = x + 70;
        int bottom = y + h - 60;
        int top = y + 40;
        panelTitle(g, "Intake commands/s vs PostgreSQL INSERT commits/s", x, y + 15);
        axes(g, left, top, x + w, bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int py = bottom - (int) ((bottom - top) * (v / max));
            gridLine(g, left, py, x + w, String.format("%,.0f", v));
        }
        int groups = Math.max(1, data.size());
        int groupWidth = (x + w - left) / groups;
        for (int i = 0; i < data.size(); i++) {
            Report.Throughput t = data.get(i);
            int gx = left + i * groupWidth + groupWidth / 6;
            int bw = groupWidth / 3;
            bar(g, gx, bottom, bw, (int) ((bottom - top) * t.intakePerSecond() / max), INTAKE, Report.fmt(t.intakePerSecond()));
            bar(g, gx + bw, bottom, bw, (int) ((bottom - top) * t.baselinePerSecond() / max), BASELINE, Report.fmt(t.baselinePerSecond()));
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            String label = t.clients() + " client" + (t.clients() == 1 ? "" : "s");
            g.drawString(label, gx + bw - g.getFontMetrics().stringWidth(label) / 2, bottom + 20);
            String ratio = String.format("ratio %.2f", t.intakePerSecond() / Math.max(1e-9, t.baselinePerSecond()));
            g.drawString(ratio, gx + bw - g.getFontMetrics().stringWidth(ratio) / 2, bottom + 38);
        }
        legend(g, x + 80, y + h - 8, new String[] {"intake over HTTP (create + submit)", "INSERT commit baseline"},
                new Color[] {INTAKE, BASELINE});
    }

    private static void latencies(Graphics2D g, Report report, int x, int y, int w, int h) {
        List<Map.Entry<String, Latencies.Summary>> data = new ArrayList<>(report.latencies.entrySet());
        double max = 1;
        for (Map.Entry<String, Latencies.Summary> e : data) {
            max = Math.max(max, e.getValue().p99());
        }
        double logMin = Math.log10(0.5);
        double logMax = Math.ceil(Math.log10(max * 1.5));
        int left = x + 60;
        int bottom = y + h - 90;
        int top = y + 40;
        panelTitle(g, "Latency percentiles, ms (log scale)", x, y + 15);
        axes(g, left, top, x + w, bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (double v : new double[] {1, 10, 100, 1000, 10000, 100000}) {
            if (Math.log10(v) <= logMax) {
                int py = bottom - (int) ((bottom - top) * (Math.log10(v) - logMin) / (logMax - logMin));
                gridLine(g, left, py, x + w, String.format("%,.0f", v));
            }
        }
        int groups = Math.max(1, data.size());
        int groupWidth = (x + w - left) / groups;
        for (int i = 0; i < data.size(); i++) {
            Latencies.Summary s = data.get(i).getValue();
            double[] values = {s.p50(), s.p95(), s.p99()};
            int bw = Math.max(6, groupWidth / 4);
            int gx = left + i * groupWidth + (groupWidth - 3 * bw) / 2;
            for (int k = 0; k < 3; k++) {
                double v = Math.max(0.5, values[k]);
                int bh = (int) ((bottom - top) * (Math.log10(v) - logMin) / (logMax - logMin));
                bar(g, gx + k * bw, bottom, bw - 1, bh, PERCENTILES[k], null);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String[] words = data.get(i).getKey().split(" ", 2);
            for (int line = 0; line < words.length; line++) {
                String text = words[line];
                g.drawString(text, left + i * groupWidth + (groupWidth - g.getFontMetrics().stringWidth(text)) / 2, bottom + 18 + 15 * line);
            }
            String p99 = "p99 " + Report.fmt(s.p99());
            g.drawString(p99, left + i * groupWidth + (groupWidth - g.getFontMetrics().stringWidth(p99)) / 2, bottom + 50);
        }
        legend(g, x + 70, y + h - 8, new String[] {"p50", "p95", "p99"}, PERCENTILES);
    }

    private static final Color[] HOPS = {new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2)};

    /**
     * The capacity curve: achieved against offered submissions/s (left axis, with the ideal diagonal)
     * and the p99 of each hop per step (right axis, ms, log scale); a failed step is marked.
     */
    private static void capacity(Graphics2D g, Report report, int x, int y, int w, int h) {
        // in the order of their rates: the steps that narrow the capacity down come after the ladder
        List<Report.CapacityStep> steps = report.capacity.stream()
                .sorted(java.util.Comparator.comparingInt(Report.CapacityStep::offered)).toList();
        double maxRate = 1;
        double maxMs = 10;
        for (Report.CapacityStep s : steps) {
            maxRate = Math.max(maxRate, Math.max(s.offered(), s.achieved()));
            maxMs = Math.max(maxMs, Math.max(s.reviewP99(), Math.max(s.incentivesP99(), s.inboxP99())));
        }
        maxRate = niceCeiling(maxRate);
        double logMin = 0;
        double logMax = Math.ceil(Math.log10(maxMs * 1.5));
        int left = x + 70;
        int right = x + w - 80;
        int bottom = y + h - 70;
        int top = y + 40;
        panelTitle(g, "Capacity: achieved vs offered submissions/s (left), p99 of each hop in ms, log scale (right)", x, y + 15);
        axes(g, left, top, right, bottom);
        g.drawLine(right, top, right, bottom);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int i = 0; i <= 5; i++) {
            double v = maxRate * i / 5;
            gridLine(g, left, bottom - (int) ((bottom - top) * (v / maxRate)), right, String.format("%,.0f", v));
        }
        for (double v : new double[] {1, 10, 100, 1000, 10000, 100000}) {
            if (Math.log10(v) <= logMax) {
                int py = bottom - (int) ((bottom - top) * (Math.log10(v) - logMin) / (logMax - logMin));
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format("%,.0f ms", v), right + 6, py + 5);
            }
        }
        int n = steps.size();
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = left + (int) ((right - left) * (i + 0.5) / n);
            g.setColor(Color.BLACK);
            String label = steps.get(i).offered() + "/s" + (steps.get(i).passed() ? "" : " (failed)");
            g.drawString(label, px[i] - g.getFontMetrics().stringWidth(label) / 2, bottom + 20);
        }
        g.setStroke(new BasicStroke(2.5f));
        for (int i = 0; i < n; i++) {
            int offered = bottom - (int) ((bottom - top) * steps.get(i).offered() / maxRate);
            int achieved = bottom - (int) ((bottom - top) * steps.get(i).achieved() / maxRate);
            g.setColor(BASELINE);
            g.fillOval(px[i] - 5, offered - 5, 10, 10);
            g.setColor(INTAKE);
            g.fillOval(px[i] - 6, achieved - 6, 12, 12);
            if (i > 0) {
                g.drawLine(px[i - 1], bottom - (int) ((bottom - top) * steps.get(i - 1).achieved() / maxRate), px[i], achieved);
            }
            double[] hops = {steps.get(i).reviewP99(), steps.get(i).incentivesP99(), steps.get(i).inboxP99()};
            for (int k = 0; k < 3; k++) {
                int py = bottom - (int) ((bottom - top) * (Math.log10(Math.max(1, hops[k])) - logMin) / (logMax - logMin));
                g.setColor(HOPS[k]);
                g.fillRect(px[i] - 14 + 10 * k, py - 4, 8, 8);
            }
        }
        g.setStroke(new BasicStroke(1f));
        legend(g, x + 80, y + h - 8, new String[] {"achieved/s", "offered/s", "p99 submission->review", "p99 designation->incentives",
            "p99 designation->inbox"}, new Color[] {INTAKE, BASELINE, HOPS[0], HOPS[1], HOPS[2]});
    }

    private static void panelTitle(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(text, x, y + 10);
    }

    private static void axes(Graphics2D g, int left, int top, int right, int bottom) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);
    }

    private static void gridLine(Graphics2D g, int left, int y, int right, String label) {
        g.setColor(new Color(0xe6e6e6));
        g.setStroke(new BasicStroke(1f));
        g.drawLine(left + 1, y, right, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 5);
    }

    private static void bar(Graphics2D g, int x, int bottom, int w, int h, Color color, String label) {
        g.setColor(color);
        g.fillRect(x, bottom - h, w, h);
        if (label != null) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(label, x + (w - g.getFontMetrics().stringWidth(label)) / 2, bottom - h - 4);
        }
    }

    private static void legend(Graphics2D g, int x, int y, String[] names, Color[] colors) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int at = x;
        for (int i = 0; i < names.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(at, y - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(names[i], at + 20, y);
            at += 20 + g.getFontMetrics().stringWidth(names[i]) + 24;
        }
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
