package gov.commerce.aiexports.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latency samples in nanoseconds, collected from many threads; percentiles from the sorted samples (exact, no buckets). */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile (0..100) in milliseconds, nearest-rank; NaN without samples. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    Summary summary() {
        return new Summary(count(), percentileMillis(50), percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }

    /** p50/p95/p99/max in milliseconds. */
    record Summary(int count, double p50, double p95, double p99, double max) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("samples", count);
            m.put("p50Ms", Report.round(p50));
            m.put("p95Ms", Report.round(p95));
            m.put("p99Ms", Report.round(p99));
            m.put("maxMs", Report.round(max));
            return m;
        }

        @Override
        public String toString() {
            return String.format("p50 %.1f / p95 %.1f / p99 %.1f ms", p50, p95, p99);
        }
    }
}
