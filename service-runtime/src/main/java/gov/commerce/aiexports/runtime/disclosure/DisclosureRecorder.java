package gov.commerce.aiexports.runtime.disclosure;

import gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The account of disclosure for the services that do not hold it (review-, incentives- and
 * notifications-service): a read path tells it which confidential sections of which proposal it
 * showed to someone outside the owning consortium, which only enqueues (no database round trip on
 * the read). The {@code disclosure-recorder} thread appends what is queued, every flush interval
 * (1 s by default) or as soon as a batch is full, as one event ({@link DisclosureEvent.ReadsRecorded})
 * of its own {@code DisclosureBatch} aggregate in the service's event store: chained like every
 * event, and published by the outbox as {@link ConfidentialSectionsRead}, which proposals-service
 * writes into its account (deduplicated on the event id, like every consumed event).
 *
 * <p>On a clean shutdown the queue is appended before Axon stops (this observer runs first); the
 * publisher sends it then or, if it stops first, at the next start (the store is the outbox). A
 * crash (kill -9) loses at most the last interval's reads. A failed append keeps the reads queued
 * and retries; a full queue (the database gone for long) makes the reader append its own batch.
 */
@Singleton
@Unremovable
public class DisclosureRecorder {

    private static final Logger LOG = Logger.getLogger(DisclosureRecorder.class);
    public static final String AGGREGATE_TYPE = "DisclosureBatch";
    private static final int CAPACITY = 100_000;

    @Inject
    AxonRuntime axon;
    @Inject
    Instance<RequestContext> request;
    @Inject
    Instance<RoutingContext> routing;
    @Inject
    Clock clock;
    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;
    @ConfigProperty(name = "aiexports.disclosure.flush-interval-ms", defaultValue = "1000")
    long flushIntervalMs;
    @ConfigProperty(name = "aiexports.disclosure.batch-size", defaultValue = "500")
    int batchSize;

    private final LinkedBlockingQueue<DisclosureEvent.Read> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Object appending = new Object();
    private ScheduledExecutorService flusher;
    private final ThreadLocal<String> lastRead = new ThreadLocal<>();

    void start(@Observes StartupEvent started) {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "disclosure-recorder");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMs, flushIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** Before Axon stops (its observer has the default priority), so the last reads reach the store. */
    void stop(@Observes @Priority(1) ShutdownEvent stopping) {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }

    /**
     * On the request's thread: the sections of {@code outcome} shown to the caller (of those the
     * answer carries; null for all) are accounted for, under the request's operation and correlation id.
     * The owner's and unmarked sections are never in {@link Disclosure.Outcome#disclosed()}.
     */
    public void shown(String proposalId, Disclosure.Outcome outcome, Collection<String> carried) {
        if (outcome == null || proposalId == null) {
            return;
        }
        List<String> sections = outcome.disclosed().stream()
                .filter(s -> carried == null || carried.stream().anyMatch(c -> s.equals(c) || s.startsWith(c + "."))).toList();
        if (sections.isEmpty()) {
            return;
        }
        RequestContext r = request.get();
        record(r.caller(), proposalId, sections, operation(), r.correlationId());
    }

    /** A read whose caller and path are known (an audit read, an inbox entry). */
    public void record(Caller caller, String proposalId, List<String> sections, String path, String correlationId) {
        // an answer listing many items of one proposal (a budget's obligations, a page of lines) is one read of it
        String key = correlationId + "|" + proposalId + "|" + path + "|" + sections;
        if (key.equals(lastRead.get())) {
            return;
        }
        lastRead.set(key);
        enqueue(new DisclosureEvent.Read(proposalId, caller.subject(), caller.organisation(),
                caller.roles().stream().sorted().toList(), clock.instant(), List.copyOf(sections), serviceName + " " + path,
                correlationId));
    }

    private void enqueue(DisclosureEvent.Read read) {
        if (!queue.offer(read)) {
            flush();
            if (!queue.offer(read)) {
                append(List.of(read));
            }
        }
        ScheduledExecutorService f = flusher;
        if (queue.size() >= batchSize && f != null && !f.isShutdown()) {
            try {
                f.execute(this::flushQuietly);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // stopping: the shutdown flush takes what is queued
            }
        }
    }

    /** "GET /reviews/{id}": the route's template where the HTTP layer names it, else the path as called. */
    private String operation() {
        try {
            RoutingContext rc = routing.get();
            // where Quarkus REST keeps the matched template for metrics and traces (its ObservabilityUtil)
            Object template = rc.request() instanceof io.vertx.core.http.impl.HttpServerRequestInternal internal
                    ? internal.context().getLocal("UrlPathTemplate") : null;
            return rc.request().method().name() + " " + (template != null ? template.toString() : rc.normalizedPath());
        } catch (RuntimeException e) {
            return "(no request)";
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("disclosure reads not appended yet (%d queued), will retry: %s", queue.size(), e.toString());
        }
    }

    /** Appends everything queued so far, a batch per event. */
    public void flush() {
        synchronized (appending) {
            while (!queue.isEmpty()) {
                List<DisclosureEvent.Read> batch = new ArrayList<>(batchSize);
                queue.drainTo(batch, batchSize);
                try {
                    append(batch);
                } catch (RuntimeException e) {
                    batch.forEach(queue::offer);
                    throw e;
                }
            }
        }
    }

    private void append(List<DisclosureEvent.Read> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String batchId = UUID.randomUUID().toString();
        MetaData meta = MetaData.from(Map.of(
                MetadataKeys.ACTOR_SUBJECT, "system:" + serviceName,
                MetadataKeys.ACTOR_ORGANISATION, "SYSTEM",
                MetadataKeys.ACTOR_ROLES, List.of(),
                MetadataKeys.CORRELATION_ID, batchId,
                MetadataKeys.COMMAND, "RecordDisclosures"));
        // no unit of work: the storage engine appends in a transaction of its own
        axon.configuration().eventStore().publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, batchId, 0,
                new DisclosureEvent.ReadsRecorded(batchId, serviceName, List.copyOf(batch)), meta));
    }

    /** The integration event of a batch. */
    public static ConfidentialSectionsRead toIntegration(DisclosureEvent.ReadsRecorded e) {
        return new ConfidentialSectionsRead(e.batchId(), e.service(), e.reads().stream()
                .map(r -> new ConfidentialSectionsRead.Read(r.proposalId(), r.subject(), r.organisation(), r.roles(), r.readAt(),
                        r.sections(), r.path(), r.correlationId())).toList());
    }
}
