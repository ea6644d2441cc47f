package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.kafka.KafkaSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads the topics the service's handlers subscribe to, one record at a time: each is applied in
 * a database transaction that also records its eventId (a redelivery finds it and has no second
 * effect), then its offset is committed. An unreadable or inapplicable record goes to the
 * service's dead-letter topic with the reason and the consumer goes on; a transient failure (the
 * database away) is retried with backoff without skipping anything.
 */
@Singleton
public class IntegrationEventConsumer {

    private static final Logger LOG = Logger.getLogger(IntegrationEventConsumer.class);

    @Inject
    KafkaSettings settings;
    @Inject
    Instance<IntegrationEventHandler> handlers;
    @Inject
    AgroalDataSource dataSource;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;
    private Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    void onAxonStarted(@Observes AxonRuntime.Started started) {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        if (topics.isEmpty()) {
            return;
        }
        settings.ensureTopics(topics);
        running = true;
        thread = new Thread(() -> run(topics), settings.serviceName() + "-integration-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent ignored) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    public long applied() {
        return applied.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    private void run(Set<String> topics) {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(settings.consumer());
                 KafkaProducer<String, byte[]> dlt = new KafkaProducer<>(settings.producer())) {
                consumer = c;
                deadLetters = dlt;
                c.subscribe(topics);
                while (running) {
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                    if (records.isEmpty()) {
                        continue;
                    }
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    records.forEach(batch::add);
                    // the common case: the whole poll in one transaction; anything unusual, one record at a time
                    if (!applyAll(batch)) {
                        for (ConsumerRecord<String, byte[]> record : batch) {
                            if (!running) {
                                return;
                            }
                            process(record);
                        }
                    }
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    }
                    c.commitSync(offsets);
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (Exception e) {
                if (running) {
                    // e.g. a commit refused after a rebalance: the uncommitted records come again and are deduplicated
                    LOG.warnf("integration consumer restarts after: %s", e.toString());
                    sleep(1_000);
                }
            } finally {
                consumer = null;
            }
        }
    }

    /**
     * Applies a whole poll in one transaction (each event still recorded by its id). False, with
     * nothing applied, when any record is unreadable or any step fails: the caller then goes one
     * record at a time, dead-lettering or retrying exactly the record concerned.
     */
    private boolean applyAll(List<ConsumerRecord<String, byte[]>> batch) {
        List<IntegrationEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                events.add(EventCodec.decode(record.value()));
            } catch (EventCodec.UnreadableEventException e) {
                return false;
            }
        }
        try {
            long[] counts = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
                long first = 0;
                long again = 0;
                for (int i = 0; i < batch.size(); i++) {
                    if (apply(batch.get(i), events.get(i))) {
                        first++;
                    } else {
                        again++;
                    }
                }
                return new long[] {first, again};
            });
            applied.addAndGet(counts[0]);
            duplicates.addAndGet(counts[1]);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("batch of %d not applied as one (%s); going record by record", batch.size(), e.toString());
            return false;
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        IntegrationEvent event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventCodec.UnreadableEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        long backoff = 200;
        while (running) {
            try {
                boolean first = QuarkusTransaction.requiringNew().timeout(60).call(() -> apply(record, event));
                if (first) {
                    applied.incrementAndGet();
                } else {
                    duplicates.incrementAndGet();
                    LOG.debugf("event %s already applied; redelivery ignored", event.eventId());
                }
                return;
            } catch (EventCodec.UnreadableEventException | RuleViolation e) {
                deadLetter(record, e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                Throwable root = rootCause(e);
                if (root instanceof EventCodec.UnreadableEventException || root instanceof RuleViolation) {
                    deadLetter(record, root.getClass().getSimpleName() + ": " + root.getMessage());
                    return;
                }
                LOG.warnf("event %s (%s) not applied yet, retrying in %d ms: %s", event.eventId(), event.eventType(), backoff,
                        root.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private boolean apply(ConsumerRecord<String, byte[]> record, IntegrationEvent event) throws SQLException {
        if (!markApplied(record, event)) {
            return false;
        }
        for (IntegrationEventHandler handler : handlers) {
            if (handler.topics().contains(record.topic())) {
                handler.handle(event);
            }
        }
        return true;
    }

    private boolean markApplied(ConsumerRecord<String, byte[]> record, IntegrationEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_integration_event (event_id, event_type, topic, partition_no, kafka_offset) "
                             + "values (?, ?, ?, ?, ?) on conflict (event_id) do nothing")) {
            insert.setObject(1, event.eventId());
            insert.setString(2, event.eventType());
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            return insert.executeUpdate() == 1;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.deadLetterOf(settings.serviceName()), record.key(),
                record.value());
        out.headers().add("dlt.reason", reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.consumer", settings.serviceName().getBytes(StandardCharsets.UTF_8));
        while (running) {
            try {
                deadLetters.send(out).get(15, TimeUnit.SECONDS);
                deadLettered.incrementAndGet();
                return;
            } catch (Exception e) {
                // the record's offset is committed only once it is safe in the dead-letter topic
                LOG.warnf("dead-letter send failed, retrying: %s", e.toString());
                sleep(1_000);
            }
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof RuleViolation || t instanceof EventCodec.UnreadableEventException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
