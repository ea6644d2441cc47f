package gov.commerce.aiexports.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/** Load shapes: closed loops (N clients, each as fast as answers come) and a paced, open-loop schedule. */
final class Load {

    private Load() {
    }

    /** One client's step; returns how many commands it issued and records each command's latency. */
    interface Step {
        int run(int client, long intendedStartNanos, Latencies latencies) throws Exception;
    }

    /**
     * What a load did: commands issued, the window, the latencies of the steps that succeeded, and
     * the steps that failed (time-outs apart from other errors): those have no latency, so a verdict
     * must look at them (SectionHealth).
     */
    record Result(long commands, double seconds, Latencies latencies, long errors, long timeouts, Throwable firstError) {

        double rate() {
            return commands / seconds;
        }
    }

    /** {@code clients} threads loop on {@code step} for {@code duration}. */
    static Result closed(int clients, Duration duration, Step step) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong commands = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    try {
                        commands.addAndGet(step.run(client, System.nanoTime(), latencies));
                    } catch (Exception e) {
                        (Verdicts.isTimeout(e) ? timeouts : errors).incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
            }, "bench-client-" + c);
            t.start();
            threads.add(t);
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        report(firstError.get(), errors.get(), timeouts.get());
        return new Result(commands.get(), seconds, latencies, errors.get(), timeouts.get(), firstError.get());
    }

    /**
     * Starts step i at start + i / rate whatever happened before (open loop), on a pool of threads; a
     * step that starts late because every thread was busy counts its wait in its latency.
     */
    static Result paced(double stepsPerSecond, Duration duration, int threads, Step step) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong commands = new AtomicLong();
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long period = (long) (1e9 / stepsPerSecond);
        long start = System.nanoTime() + 50_000_000L;
        long end = start + duration.toNanos();
        List<Thread> pool = new ArrayList<>();
        for (int c = 0; c < threads; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                while (true) {
                    long i = next.getAndIncrement();
                    long intended = start + i * period;
                    if (intended >= end) {
                        return;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    try {
                        commands.addAndGet(step.run(client, intended, latencies));
                    } catch (Exception e) {
                        (Verdicts.isTimeout(e) ? timeouts : errors).incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
            }, "bench-paced-" + c);
            t.start();
            pool.add(t);
        }
        for (Thread t : pool) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report(firstError.get(), errors.get(), timeouts.get());
        return new Result(commands.get(), seconds, latencies, errors.get(), timeouts.get(), firstError.get());
    }

    private static void report(Throwable first, long errors, long timeouts) {
        if (first != null) {
            System.out.printf("    !! %d failed steps, %d timed out; first: %s%n", errors, timeouts, first);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
