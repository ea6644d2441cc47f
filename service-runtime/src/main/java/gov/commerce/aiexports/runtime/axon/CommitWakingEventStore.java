package gov.commerce.aiexports.runtime.axon;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded store, whose tail reader is woken when the transaction that appended has really committed, and
 * at most once per {@code wakeDelay}.
 * <ul>
 * <li>Axon wakes the reader when a unit of work commits. A command that joins an outer transaction (a Kafka
 * consumer's poll group, a resource's own) commits its unit of work before that transaction does: the reader then
 * read before the events were visible, found nothing, and saw them only at its timed read, up to its fetch delay
 * later. Here the wake waits for the outer commit.</li>
 * <li>Under load the reader was woken by every commit, and each wake cost a read of a few events (and an empty
 * read after it, which {@link TailReads} now skips). Wakes within {@code wakeDelay} of one another are one wake:
 * the reader reads a few milliseconds later, once for them all, and the processors get larger batches.</li>
 * </ul>
 */
final class CommitWakingEventStore extends EmbeddedEventStore {

    private final TransactionManager jta;
    private final TailReads tailReads;
    private final long wakeDelayNanos;
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-store-wake");
        t.setDaemon(true);
        return t;
    });

    CommitWakingEventStore(Builder builder, TransactionManager jta, TailReads tailReads, Duration wakeDelay) {
        super(builder);
        this.jta = jta;
        this.tailReads = tailReads;
        this.wakeDelayNanos = wakeDelay.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        Transaction outer = outerTransaction();
        if (outer == null) {
            committed();
            return;
        }
        try {
            outer.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        committed();
                    }
                }
            });
        } catch (Exception e) {
            // cannot wait for the outer commit: wake now, and the timed read finds the events after it
            committed();
        }
    }

    /** The transaction still open around the unit of work that just committed: one it joined (JtaTransactionManager). */
    private Transaction outerTransaction() {
        try {
            Transaction t = jta.getTransaction();
            return t != null && t.getStatus() == Status.STATUS_ACTIVE ? t : null;
        } catch (SystemException e) {
            return null;
        }
    }

    private void committed() {
        tailReads.committed();
        if (wakeDelayNanos <= 0) {
            super.afterCommit(List.of());
        } else if (wakeScheduled.compareAndSet(false, true)) {
            try {
                timer.schedule(() -> {
                    wakeScheduled.set(false);
                    super.afterCommit(List.of());
                }, wakeDelayNanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the store is shutting down: its reader stops too
                wakeScheduled.set(false);
            }
        }
    }

    @Override
    public void shutDown() {
        timer.shutdownNow();
        super.shutDown();
    }
}
