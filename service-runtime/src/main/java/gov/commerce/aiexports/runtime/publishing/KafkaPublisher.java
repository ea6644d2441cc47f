package gov.commerce.aiexports.runtime.publishing;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.kafka.KafkaSettings;
import gov.commerce.aiexports.runtime.tracing.Tracing;
import io.quarkus.arc.Unremovable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event store is the outbox: this handler runs in a tracking processor over the store, turns
 * each domain event into its integration event and sends it to the service's topic (acks=all,
 * idempotent). The records of one batch of the processor are sent one after the other without
 * waiting; the batch waits once, before its token is stored, for every acknowledgement. A batch
 * not acknowledged in time fails, so the processor does not advance its token and retries from
 * the batch's first event: nothing is lost, and order is kept (the idempotent producer keeps a
 * partition's order across its own retries).
 *
 * <p>Nothing is doubled by a broker outage either: a record still unsettled when its batch gave up
 * waiting stays with the producer, which retries it under its first sequence number (so the
 * broker drops a copy it already wrote), and the processor's retry waits for that same send
 * instead of sending the event again. Only a record that definitively failed is sent anew, and
 * the producer is replaced only after a fatal error. What can still arrive twice (the token not
 * stored after the acknowledgement, when PostgreSQL or the process dies) is absorbed by the
 * consumers' eventId deduplication.
 */
@Singleton
@Unremovable
@ProcessingGroup("kafka-publisher")
public class KafkaPublisher {

    @Inject
    KafkaSettings settings;
    @Inject
    IntegrationEventMapper mapper;
    @Inject
    Tracing tracing;

    private static final String PENDING = KafkaPublisher.class.getName() + ".pending";

    private volatile KafkaProducer<String, byte[]> producer;
    /** Sends not yet known to have succeeded, by event id: what a retried batch waits for instead of sending again. */
    private final java.util.Map<String, Future<RecordMetadata>> unsettled = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile java.time.Instant lastPublishedAt;
    /** The last send's failure, cleared by the next success: a detail of readiness (PublisherHealth). */
    private volatile String lastFailure;

    @EventHandler
    public void on(Object domainEvent, EventMessage<?> message) throws Exception {
        // the runtime's own batches of disclosed reads, the same in every service
        Optional<IntegrationPayload> payload = domainEvent instanceof gov.commerce.aiexports.runtime.disclosure.DisclosureEvent.ReadsRecorded r
                ? Optional.of(gov.commerce.aiexports.runtime.disclosure.DisclosureRecorder.toIntegration(r))
                : mapper.toIntegration(domainEvent);
        if (payload.isEmpty()) {
            return;
        }
        IntegrationEvent event = envelope(payload.get(), message);
        String key = payload.get().proposalId() != null ? payload.get().proposalId() : event.aggregateId();
        io.opentelemetry.api.trace.Span span = tracing.publishing(settings.ownTopic(), event.eventType(),
                message.getMetaData().get(MetadataKeys.TRACE_PARENT));
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            String eventId = message.getIdentifier();
            Future<RecordMetadata> sent = unsettled.get(eventId);
            if (sent == null || failedDefinitively(sent)) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.ownTopic(), key, EventCodec.encode(event));
                Tracing.inject(span, record.headers());
                sent = producer().send(record);
                unsettled.put(eventId, sent);
            }
            if (CurrentUnitOfWork.isStarted()) {
                pendingOfThisBatch(CurrentUnitOfWork.get()).put(eventId, sent);
            } else {
                awaitAll(java.util.Map.of(eventId, sent));
            }
        } catch (Exception e) {
            failed(e);
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The sends of the processor's current batch; the first call of a batch arranges that the batch
     * waits for all of them before it commits (and so before its token moves on).
     */
    private java.util.Map<String, Future<RecordMetadata>> pendingOfThisBatch(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING, key -> {
            java.util.Map<String, Future<RecordMetadata>> pending = new java.util.LinkedHashMap<>();
            batch.onPrepareCommit(u -> {
                try {
                    awaitAll(pending);
                } catch (Exception e) {
                    failed(e);
                    throw new IllegalStateException("a record of this batch was not acknowledged by the broker", e);
                }
            });
            return pending;
        });
    }

    /** Waits for every acknowledgement, 15 s for all of them together (as long as one send waited before). */
    private void awaitAll(java.util.Map<String, Future<RecordMetadata>> pending) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (Future<RecordMetadata> f : pending.values()) {
            f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        pending.forEach(unsettled::remove);
        if (!pending.isEmpty()) {
            lastPublishedAt = java.time.Instant.now();
            lastFailure = null;
        }
    }

    private static boolean failedDefinitively(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return false;
        }
        try {
            send.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private void failed(Exception e) {
        lastFailure = java.time.Instant.now() + " " + e;
        if (fatal(e)) {
            // only a producer that cannot go on is replaced (its unsettled records fail and are sent anew)
            resetProducer();
        }
    }

    /**
     * A failure the producer does not recover from by itself (fenced, out of sequence, not authorised,
     * closed); a timeout or a broker away is not one: the producer goes on retrying its records.
     */
    static boolean fatal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RetriableException || t instanceof java.util.concurrent.TimeoutException) {
                return false;
            }
        }
        return true;
    }

    /**
     * The warm-up's (runtime.warmup.Warmup): the producer made now, with its topic's metadata and its
     * producer id fetched, so that the first event after a start costs one send. Blocks at most the
     * producer's max.block.ms (5 s) when the broker is away; the first send then makes it again.
     */
    public void warmUp() {
        producer().partitionsFor(settings.ownTopic());
    }

    /** What {@link #on} would send for this event (mapped, enveloped, encoded), sending nothing: the warm-up's rehearsal. */
    public Optional<byte[]> rehearse(Object domainEvent, EventMessage<?> message) {
        return mapper.toIntegration(domainEvent).map(payload -> EventCodec.encode(envelope(payload, message)));
    }

    public Optional<java.time.Instant> lastPublishedAt() {
        return Optional.ofNullable(lastPublishedAt);
    }

    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        unsettled.clear();
    }

    IntegrationEvent envelope(IntegrationPayload payload, EventMessage<?> message) {
        EventContract contract = EventCatalog.contractOf(payload.getClass());
        MetaData meta = message.getMetaData();
        String aggregateType = null;
        String aggregateId = null;
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Actor actor = new Actor(text(meta.get(MetadataKeys.ACTOR_SUBJECT)), text(meta.get(MetadataKeys.ACTOR_ORGANISATION)),
                roles(meta.get(MetadataKeys.ACTOR_ROLES)));
        return new IntegrationEvent(
                UUID.fromString(message.getIdentifier()),
                contract.type(),
                contract.version(),
                aggregateType,
                aggregateId,
                sequence,
                message.getTimestamp(),
                settings.serviceName(),
                text(meta.get(MetadataKeys.CORRELATION_ID)),
                text(meta.get(MetadataKeys.CAUSATION_ID)),
                actor,
                EventCodec.mapper().valueToTree(payload));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> roles(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    settings.ensureTopics(List.of(settings.ownTopic()));
                    producer = new KafkaProducer<>(settings.publisher());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
