package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.notifications.dispatch.Causes;
import gov.commerce.aiexports.notifications.webhooks.WebhookSecrets;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works the delivery table. Each try runs in its own transaction: claim one due row with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (another worker or instance skips it while it is
 * held), send it, record the outcome as an event (its projection moves the row on), commit. Two
 * instances therefore never send the same try; a crash between sending and committing leaves the
 * row due, so it is sent again: webhook receivers deduplicate on X-Event-Id (at least once).
 */
@Singleton
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);
    private static final String CLAIM = "select doc from " + DeliveryProjection.TABLE
            + " where status in ('PENDING', 'FAILED') and next_attempt_at <= ?"
            + " order by next_attempt_at, id limit 1 for update skip locked";

    @Inject
    Documents documents;
    @Inject
    Commands commands;
    @Inject
    Clock clock;
    @Inject
    WebhookTransport webhooks;
    @Inject
    EmailTransport email;
    @Inject
    WebhookSecrets secrets;
    @Inject
    DeliveryMetrics metrics;
    @ConfigProperty(name = "aiexports.notifications.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;
    @ConfigProperty(name = "aiexports.notifications.delivery.base-delay", defaultValue = "30s")
    Duration baseDelay;
    @ConfigProperty(name = "aiexports.notifications.delivery.max-delay", defaultValue = "1h")
    Duration maxDelay;
    @ConfigProperty(name = "aiexports.notifications.delivery.workers", defaultValue = "4")
    int workers;

    private final SecureRandom random = new SecureRandom();
    private volatile boolean started;
    private ExecutorService pool;

    void onAxonStarted(@Observes AxonRuntime.Started ignored) {
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        metrics.register();
        started = true;
    }

    void onStop(@Observes ShutdownEvent ignored) {
        started = false;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    public RetrySchedule policy() {
        return new RetrySchedule(maxAttempts, baseDelay, maxDelay);
    }

    @Scheduled(identity = "delivery-sender", every = "${aiexports.notifications.delivery.poll:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() throws InterruptedException {
        if (!started) {
            return;
        }
        List<Callable<Integer>> drains = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            drains.add(this::drain);
        }
        pool.invokeAll(drains);
    }

    /** Sends due deliveries until none is left; returns how many tries this worker made. */
    public int drain() {
        int tries = 0;
        while (started && sendOneDue()) {
            tries++;
        }
        return tries;
    }

    /** Claims, sends and records one due delivery; false when none is due (or none could be claimed). */
    public boolean sendOneDue() {
        try {
            // a transaction that appends events: aiexports.axon.longest-appending-transaction must cover its timeout
            return QuarkusTransaction.requiringNew().timeout(120).call(this::claimAndSend);
        } catch (RuntimeException e) {
            // classes and SQLState only: a message may quote the row, i.e. the delivery's body
            LOG.warnf("a delivery try was not recorded; the delivery stays due: %s", describe(e));
            return false;
        }
    }

    private boolean claimAndSend() {
        List<DeliveryView> due = documents.query(CLAIM, DeliveryView.class, clock.instant());
        if (due.isEmpty()) {
            return false;
        }
        DeliveryView d = due.get(0);
        Commands.Cause cause = Causes.of(d.causeEventId(), d.correlationId());
        Outcome outcome;
        if (d.channel() == Channel.WEBHOOK) {
            Optional<String> secret = secrets.secretOf(d.webhookId());
            if (secret.isEmpty()) {
                commands.sendOnCause(new DeliveryCommand.Cancel(d.id(), "WEBHOOK_REMOVED"), cause);
                return true;
            }
            Instant start = clock.instant();
            outcome = webhooks.post(d, secret.get());
            record(d, outcome, start, cause);
        } else {
            Instant start = clock.instant();
            outcome = email.send(d);
            record(d, outcome, start, cause);
        }
        return true;
    }

    /** A failure as a log line may show it: the exception classes and a SQLState, never a message that may quote a body. */
    static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder(failure.getClass().getSimpleName());
        Throwable t = failure;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 10; depth++) {
            t = t.getCause();
            out.append(" caused by ").append(t.getClass().getSimpleName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }

    private void record(DeliveryView d, Outcome outcome, Instant start, Commands.Cause cause) {
        Instant end = clock.instant();
        long millis = Duration.between(start, end).toMillis();
        int attempt = d.attempts() + 1;
        if (outcome.delivered()) {
            commands.sendOnCause(new DeliveryCommand.RecordSuccess(d.id(), attempt, outcome.statusCode(), start, millis), cause);
            metrics.attempt(d.channel(), true, false);
            return;
        }
        RetrySchedule policy = policy();
        Optional<Duration> wait = policy.delayAfter(d.roundAttempts() + 1, random::nextDouble);
        Instant retryAt = wait.map(end::plus).orElse(null);
        if (retryAt == null) {
            LOG.warnf("delivery %s (%s to %s) dead-lettered after %d tries: %s", d.id(), d.channel(), d.destination(), attempt,
                    outcome.error());
        }
        commands.sendOnCause(new DeliveryCommand.RecordFailure(d.id(), attempt, outcome.statusCode(), outcome.error(), start,
                millis, retryAt, policy.maxAttempts()), cause);
        metrics.attempt(d.channel(), false, retryAt == null);
    }
}
