package gov.commerce.aiexports.runtime.axon;

import java.time.Duration;

/**
 * How long and how far back the tracking processors wait for a gap in {@code global_index} to fill.
 *
 * <p>An event's index is drawn from a sequence when it is inserted, but other readers see the row
 * only when its transaction commits: a transaction that stays open while later events commit
 * leaves a gap below them. Axon gives up on a gap once it lies more than {@code maxGapOffset}
 * indexes behind the newest event, or (when the token holds more than {@code gapCleaningThreshold}
 * gaps) once the events after it are older than {@code gapTimeout}. A gap given up on is an event
 * skipped for good: never published, never linked in the hash chain. So both bounds are derived
 * from the longest transaction that may append events (its timeout: a transaction cannot commit
 * after it), with room for clock skew between instances, instead of Axon's defaults (60 s and
 * 10,000 events, whatever the transactions do).
 */
public record GapSettings(int gapTimeoutMillis, int maxGapOffset, int gapCleaningThreshold) {

    /** Instances stamp events with their own clocks: a later event may carry an earlier time. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * @param longestAppendingTransaction the longest timeout of any transaction that appends events
     * @param peakAppendsPerSecond        the most events the store takes per second, all instances together
     */
    public static GapSettings derive(Duration longestAppendingTransaction, int peakAppendsPerSecond) {
        if (longestAppendingTransaction.isNegative() || longestAppendingTransaction.isZero() || peakAppendsPerSecond < 1) {
            throw new IllegalArgumentException("a transaction timeout and a peak append rate are needed");
        }
        long window = longestAppendingTransaction.plus(CLOCK_SKEW).toMillis();
        // every event appended while the oldest open transaction may still commit must stay behind the gap
        long offset = Math.max(10_000, Math.multiplyExact(peakAppendsPerSecond, (window + 999) / 1000));
        return new GapSettings(Math.toIntExact(window), Math.toIntExact(Math.min(offset, Integer.MAX_VALUE)), 250);
    }

    /** True when an event committed {@code late} after it was stamped would still be read. */
    public boolean waitsFor(Duration late, long laterEvents) {
        return late.toMillis() < gapTimeoutMillis && laterEvents < maxGapOffset;
    }
}
