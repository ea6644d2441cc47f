package gov.commerce.aiexports.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The benchmark's verdicts without a stack: each one fails when its fault is there. */
class VerdictsTest {

    @Test
    void a_target_met_by_a_section_with_failed_steps_is_missed() {
        assertEquals(true, Verdicts.holds(true, 0, 0));
        assertEquals(false, Verdicts.holds(true, 1, 0));
        assertEquals(false, Verdicts.holds(true, 0, 1));
        assertEquals(false, Verdicts.holds(false, 0, 0));
        assertNull(Verdicts.holds(null, 3, 0), "a figure without a target has no verdict");
        assertEquals("holds", Verdicts.label(true, 0, 0));
        assertEquals("MISSED (2 errors, 1 time-outs)", Verdicts.label(true, 2, 1));
        assertEquals("MISSED", Verdicts.label(false, 0, 0));
        assertEquals("", Verdicts.label(null, 2, 0));
    }

    @Test
    void the_capacity_is_narrowed_down_between_the_last_passing_and_the_first_failing_step() {
        // 80 passed, 160 failed: 120, then 140 (120 passed) or 100 (120 failed), then close enough
        assertEquals(120, Verdicts.refinedCapacityRate(80, 160));
        assertEquals(140, Verdicts.refinedCapacityRate(120, 160));
        assertEquals(100, Verdicts.refinedCapacityRate(80, 120));
        assertEquals(-1, Verdicts.refinedCapacityRate(140, 160));
        assertEquals(-1, Verdicts.refinedCapacityRate(100, 120));
        assertEquals(30, Verdicts.refinedCapacityRate(20, 40));
        assertEquals(-1, Verdicts.refinedCapacityRate(30, 40));
        assertEquals(-1, Verdicts.refinedCapacityRate(0, 10), "the first step failed: nothing below it is measured");
        assertEquals(-1, Verdicts.refinedCapacityRate(320, -1), "no step failed");
    }

    @Test
    void a_timeout_is_told_from_another_error() {
        assertTrue(Verdicts.isTimeout(new IllegalStateException("POST /x failed", new HttpTimeoutException("request timed out"))));
        assertTrue(Verdicts.isTimeout(new java.net.SocketTimeoutException("read timed out")));
        assertFalse(Verdicts.isTimeout(new IllegalStateException("unexpected HTTP 500: {}")));
        assertFalse(Verdicts.isTimeout(new IllegalStateException("POST /x failed", new java.net.ConnectException("refused"))));
    }

    @Test
    void a_load_counts_its_failed_steps_and_keeps_them_out_of_the_samples() throws Exception {
        AtomicInteger n = new AtomicInteger();
        Load.Step step = (client, intended, latencies) -> {
            int i = n.incrementAndGet();
            if (i % 5 == 0) {
                throw new IllegalStateException("unexpected HTTP 500: {}");
            }
            if (i % 7 == 0) {
                throw new IllegalStateException("POST /x failed", new HttpTimeoutException("request timed out"));
            }
            latencies.add(1_000_000);
            Thread.sleep(1);
            return 1;
        };
        for (Load.Result r : List.of(Load.closed(2, Duration.ofMillis(300), step), Load.paced(400, Duration.ofMillis(300), 4, step))) {
            assertTrue(r.errors() > 0, "errors counted: " + r);
            assertTrue(r.timeouts() > 0, "time-outs counted apart: " + r);
            assertEquals(r.commands(), r.latencies().count(), "a failed step is no sample, and is not a command either");
            SectionHealth health = new SectionHealth();
            health.enter("intake");
            health.add(r);
            assertFalse(health.of("intake").clean());
            assertEquals(r.errors(), health.of("intake").errors);
            assertEquals(r.timeouts(), health.of("intake").timeouts);
            n.set(0);
        }
    }

    @Test
    void settling_the_report_fails_the_targets_of_a_section_with_errors_and_says_why() {
        Report report = new Report();
        report.row("intake", "16 clients", "900 cmd/s", "1000 INSERT/s (ratio 0.90)", "ratio >= 0.5", true);
        report.row("intake", "paced", "p99 10 ms", "", "p99 < 50 ms", true);
        report.row("propagation", "submission -> review", "p99 40 ms", "", "p99 < 250 ms", true);
        report.row("startup", "proposals-service ready", "3.1 s", "", "", null);
        SectionHealth health = new SectionHealth();
        health.enter("set-up");
        health.quiesced(1.5, false, "");
        health.enter("intake");
        health.failed(new IllegalStateException("unexpected HTTP 503: {}"));
        health.enter("propagation");
        health.quiesced(2.0, false, "");
        report.settle(health);

        Map<String, String> verdicts = new java.util.LinkedHashMap<>();
        report.rows.forEach(r -> verdicts.put(r.section() + ": " + r.measure(), r.verdict()));
        assertEquals("MISSED (1 errors, 0 time-outs)", verdicts.get("intake: 16 clients"));
        assertEquals("MISSED (1 errors, 0 time-outs)", verdicts.get("intake: paced"));
        assertEquals("MISSED", verdicts.get("intake: failed steps (errors, time-outs)"));
        assertEquals("holds", verdicts.get("propagation: submission -> review"));
        assertEquals("holds", verdicts.get("propagation: failed steps (errors, time-outs)"));
        assertEquals("", verdicts.get("startup: proposals-service ready"));
        assertTrue(verdicts.containsKey("set-up: failed steps (errors, time-outs)"), "a section without rows still reports: " + verdicts);
        Report.Row intakeHealth = report.rows.stream().filter(r -> r.section().equals("intake") && r.measure().startsWith("failed"))
                .findFirst().orElseThrow();
        assertTrue(intakeHealth.value().startsWith("1 errors, 0 time-outs; quiescing waited 0.0 s"), intakeHealth.value());
        assertTrue(intakeHealth.value().contains("HTTP 503"), intakeHealth.value());
        // the health row sits right after its section's last row
        List<String> order = report.rows.stream().map(r -> r.section() + ": " + r.measure()).toList();
        assertEquals(order.indexOf("intake: paced") + 1, order.indexOf("intake: failed steps (errors, time-outs)"), order.toString());
    }

    @Test
    void the_failed_steps_of_the_capacity_step_beyond_capacity_fail_that_step_not_the_ones_below() {
        Report report = new Report();
        SectionHealth health = new SectionHealth();
        health.enter("capacity/10");
        report.row("capacity", "capacity/10", "10/s offered", "10/s", "", "≥ 95% achieved", true);
        health.enter("capacity/20");
        health.failed(new IllegalStateException("POST /proposals/x/submit failed", new HttpTimeoutException("timed out")));
        report.row("capacity", "capacity/20", "20/s offered", "19/s", "", "≥ 95% achieved", true);
        health.enter("capacity");
        report.row("capacity", "capacity/10", "sustained", "10/s", "", "≥ 10/s", true);
        report.settle(health);
        Map<String, String> verdicts = new java.util.LinkedHashMap<>();
        report.rows.forEach(r -> verdicts.put(r.measure(), r.verdict()));
        assertEquals("holds", verdicts.get("10/s offered"));
        assertEquals("MISSED (0 errors, 1 time-outs)", verdicts.get("20/s offered"));
        assertEquals("holds", verdicts.get("sustained"), "judged by the highest passing step");
        Report.Row whole = report.rows.stream().filter(r -> r.measure().startsWith("failed")).findFirst().orElseThrow();
        assertEquals("MISSED", whole.verdict(), "the section's own row counts every step's failures");
        assertTrue(whole.value().startsWith("0 errors, 1 time-outs"), whole.value());
    }

    @Test
    void quiescing_that_gives_up_is_an_error_of_its_section() {
        SectionHealth health = new SectionHealth();
        health.enter("capacity");
        health.quiesced(0.9, false, "");
        assertTrue(health.of("capacity").clean());
        health.quiesced(60.2, true, "120/40 88/12 ...");
        SectionHealth.Counts c = health.of("capacity");
        assertFalse(c.clean());
        assertEquals(2, c.quiesces);
        assertEquals(1, c.quiesceGaveUp);
        assertEquals(61.1, c.quiesceSeconds, 1e-9);
        assertTrue(c.firstError.startsWith("quiescing gave up after 60 s"), c.firstError);
    }

    @Test
    void a_replay_holds_only_live_with_every_stored_event_applied() {
        assertTrue(Verdicts.replayHolds("LIVE", 1_000_000, 1_000_000, 0.4));
        assertFalse(Verdicts.replayHolds("FAILED", 1_000_000, 1_000_000, 0.4), "a fast replay that failed");
        assertFalse(Verdicts.replayHolds("REPLAYING", 400_000, 1_000_000, 0.4), "still running at the time-out");
        assertFalse(Verdicts.replayHolds("LIVE", 999_999, 1_000_000, 0.4), "an event skipped");
        assertFalse(Verdicts.replayHolds("LIVE", 0, 0, 0.4), "nothing stored, nothing shown");
        assertFalse(Verdicts.replayHolds("LIVE", 1_000_000, 1_000_000, 0.2), "too slow");
        assertFalse(Verdicts.replayHolds("LIVE", 1_000_000, 1_000_000, 0.3), "under issue 14's floor");
        assertEquals("ended FAILED", Verdicts.replayShortfall("FAILED", 10, 10, 1));
        assertEquals("9 of 10 stored events applied", Verdicts.replayShortfall("LIVE", 9, 10, 1));
        assertNull(Verdicts.replayShortfall("LIVE", 10, 10, 1));
    }

    @Test
    void a_capacity_step_with_a_failed_submission_does_not_pass() {
        assertTrue(Verdicts.capacityStepPasses(100, 99, 200, 500, 400, 1000, 0, 0));
        assertFalse(Verdicts.capacityStepPasses(100, 99, 200, 500, 400, 1000, 1, 0));
        assertFalse(Verdicts.capacityStepPasses(100, 99, 200, 500, 400, 1000, 0, 1));
        assertFalse(Verdicts.capacityStepPasses(100, 90, 200, 500, 400, 1000, 0, 0));
        assertFalse(Verdicts.capacityStepPasses(100, 99, 600, 500, 400, 1000, 0, 0));
    }

    @Test
    void growth_holds_only_for_two_warm_stores_within_the_limit() {
        assertTrue(Verdicts.growthHolds(1.05, 1.15, true, true));
        assertFalse(Verdicts.growthHolds(1.05, 1.15, false, true), "the small store measured cold");
        assertFalse(Verdicts.growthHolds(1.05, 1.15, true, false));
        assertFalse(Verdicts.growthHolds(1.25, 1.0, true, true));
        assertTrue(Verdicts.steady(10.0, 10.9));
        assertFalse(Verdicts.steady(10.0, 14.0), "still getting faster: not warm yet");
        assertFalse(Verdicts.steady(Double.NaN, 10.0), "one window says nothing");
    }
}
