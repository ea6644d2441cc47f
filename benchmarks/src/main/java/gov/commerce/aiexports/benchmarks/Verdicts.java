package gov.commerce.aiexports.benchmarks;

/**
 * The benchmark's verdicts, as pure functions so that its unit tests can show each one failing:
 * a target holds only if the section it belongs to ran without errors and time-outs, a replay only
 * if it ended live with every stored event applied, a growth ratio only if both stores were
 * measured warm.
 */
final class Verdicts {

    /** The largest growth of a latency from the small store to the large one (issue 8). */
    static final double GROWTH_LIMIT = 1.20;
    /** The replay's events/s against a plain JDBC read of the same rows: issue 14's floor (issue 8 asked 0.25). */
    static final double REPLAY_RATIO = 0.4;
    /** Two consecutive warm-up windows whose p50s differ by less than this share: the JIT has settled. */
    static final double STEADY_SHARE = 0.15;

    private Verdicts() {
    }

    /** A failed step that was a time-out (the HTTP client's, a socket's, a JDBC query's), told from other errors. */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A target's verdict in a section that had these errors and time-outs: null (no target) stays null. */
    static Boolean holds(Boolean targetMet, long errors, long timeouts) {
        return targetMet == null ? null : targetMet && errors == 0 && timeouts == 0;
    }

    /** The verdict column: empty without a target; MISSED saying why when errors or time-outs spoil a target met. */
    static String label(Boolean targetMet, long errors, long timeouts) {
        Boolean holds = holds(targetMet, errors, timeouts);
        if (holds == null) {
            return "";
        }
        if (holds) {
            return "holds";
        }
        return targetMet ? "MISSED (" + errors + " errors, " + timeouts + " time-outs)" : "MISSED";
    }

    /** The share of the offered rate a capacity step achieves (issue 14). */
    static final double ACHIEVED_SHARE = 0.95;

    /** A capacity step: 95% of the offered rate achieved, both tails under their limits, and no step failed. */
    static boolean capacityStepPasses(int offered, double achieved, double reviewP99, double reviewLimit, double inboxP99,
            double inboxLimit, long errors, long timeouts) {
        return achieved >= ACHIEVED_SHARE * offered && reviewP99 < reviewLimit && inboxP99 < inboxLimit && errors == 0 && timeouts == 0;
    }

    /**
     * The next rate to measure once the capacity ladder has a failed step: halfway between the
     * highest passing rate and the lowest failing one, while they lie further apart than a quarter
     * of the passing rate (and 10/s); -1 when they are that close, or when no step failed.
     */
    static int refinedCapacityRate(int highestPassed, int lowestFailed) {
        int gap = lowestFailed - highestPassed;
        if (lowestFailed < 0 || gap <= Math.max(10, highestPassed / 4)) {
            return -1;
        }
        return highestPassed + gap / 2;
    }

    /** The replay: it ended LIVE (not FAILED, not still running), applied every stored event, at a quarter of a raw read. */
    static boolean replayHolds(String status, long eventsApplied, long storedEvents, double ratioToRawRead) {
        return "LIVE".equals(status) && eventsApplied >= storedEvents && storedEvents > 0 && ratioToRawRead >= REPLAY_RATIO;
    }

    /** Why a replay verdict fails, or null when it holds. */
    static String replayShortfall(String status, long eventsApplied, long storedEvents, double ratioToRawRead) {
        if (!"LIVE".equals(status)) {
            return "ended " + status;
        }
        if (eventsApplied < storedEvents || storedEvents == 0) {
            return eventsApplied + " of " + storedEvents + " stored events applied";
        }
        return ratioToRawRead < REPLAY_RATIO ? "ratio " + ratioToRawRead : null;
    }

    /** Growth holds when both stores were measured warm and neither p50 nor p99 grew beyond the limit. */
    static boolean growthHolds(double p50Ratio, double p99Ratio, boolean smallWarm, boolean largeWarm) {
        return smallWarm && largeWarm && p50Ratio <= GROWTH_LIMIT && p99Ratio <= GROWTH_LIMIT;
    }

    /** Two consecutive windows' p50s within the steady share of each other. */
    static boolean steady(double previousP50, double p50) {
        if (Double.isNaN(previousP50) || Double.isNaN(p50) || previousP50 <= 0 || p50 <= 0) {
            return false;
        }
        return Math.abs(p50 - previousP50) / Math.max(previousP50, p50) < STEADY_SHARE;
    }
}
