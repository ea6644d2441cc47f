package gov.commerce.aiexports.incentives;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;

/**
 * Runs a unit of work in a fresh JTA transaction and, when it loses an optimistic-concurrency race
 * (another transaction, in this or another instance, appended the same aggregate version first),
 * runs it again from the start in a new transaction, a bounded number of times. Nothing is
 * locked in memory: the event store's unique (aggregate, sequence) key decides who wins.
 */
public final class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);
    public static final int MAX_ATTEMPTS = 40;

    private Retries() {
    }

    public static <T> T inFreshTransactions(Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().timeout(60).call(work::get);
            } catch (RuntimeException e) {
                if (!isConflict(e)) {
                    throw e;
                }
                last = e;
                LOG.debugf("attempt %d lost a concurrency race, retrying: %s", attempt, e.getMessage());
                backoff(attempt);
            }
        }
        LOG.warnf("gave up after %d concurrency conflicts", MAX_ATTEMPTS);
        throw unwrapConflict(last);
    }

    /** A lost race on an aggregate's stream, or PostgreSQL's serialization failure or deadlock victim. */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException unwrapConflict(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException c) {
                return c;
            }
        }
        return new ConcurrencyException("gave up after " + MAX_ATTEMPTS + " concurrent changes", e);
    }

    private static void backoff(int attempt) {
        // jitter so that the losers of one race do not meet again in the next
        long bound = Math.min(5L * attempt, 100L);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
