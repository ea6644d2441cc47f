package gov.commerce.aiexports.runtime.axon;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the event store's tail reader (the one thread that feeds the tracking processors: the Kafka publisher and
 * the hash chain) needs to ask the database. Axon's reader reads again at once after every read that found events;
 * at the tail that second read almost always finds nothing: under load it was a statement and a round trip per
 * commit for nothing (docs/performance.md, "Waking the store's reader after the commit"). A read right after a
 * short batch (the tail) is therefore answered empty here unless this instance committed an append since that batch
 * was asked for. What it can leave for later is found by the reader's timed read ({@link #WINDOW} is shorter than its
 * fetch delay), at most that delay later, as before: other instances' appends, and rows beyond a window that holes
 * (indexes of rolled-back or not yet committed appends) left short.
 */
final class TailReads {

    /** How long after a short batch a read without a commit since is skipped: less than the store's fetch delay. */
    static final long WINDOW = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(50);

    private final AtomicLong commits = new AtomicLong();
    // the reader's own state: written and read by the store's single reader thread
    private volatile boolean atTail;
    private volatile long commitsAtTail;
    private volatile long tailAt;

    /** Said once a transaction that appended events has committed. */
    void committed() {
        commits.incrementAndGet();
    }

    /** Taken before a read's statement, handed back to {@link #read} with the batch it brought. */
    long commits() {
        return commits.get();
    }

    /** Whether a tail read at {@code now} may find anything this instance committed. */
    boolean worthReading(long now) {
        return !(atTail && commits.get() == commitsAtTail && now - tailAt < WINDOW);
    }

    /**
     * A batch was read: short (fewer than asked) means the tail as it stood when {@code commitsBefore} was taken,
     * before the statement ran; a commit after that may have been missed, so it counts as new.
     */
    void read(boolean shortBatch, long commitsBefore, long now) {
        atTail = shortBatch;
        commitsAtTail = commitsBefore;
        tailAt = now;
    }
}
