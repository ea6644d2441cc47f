package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.kafka.KafkaSettings;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.tracing.Tracing;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.Collection;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the topics the service's handlers subscribe to: each record is applied in a database
 * transaction that also records its eventId (a redelivery finds it and has no second effect), then
 * its offset is committed. The consumer never stalls and never drops a record:
 * <ul>
 * <li>an unreadable record, one a rule of the program refuses, and one of a contract this build
 *     does not know ({@link ContractVersions}) are dead-lettered at once;</li>
 * <li>a record whose handlers fail otherwise is tried {@code aiexports.consumer.max-attempts}
 *     times with exponential backoff, then dead-lettered with the last failure as its reason;</li>
 * <li>a failure of the infrastructure (the database unreachable: see {@link Failures}) blames no
 *     record: it is retried without limit and never dead-lettered.</li>
 * </ul>
 * A dead letter is stored in the dead_letter table (for operators: /admin/dead-letters) and sent
 * to {@code <service>.dead-letter} with its reason in headers before the record's offset is
 * committed. Every topic it needs (those it reads, its own, its dead-letter topic) is created
 * before the first record is read, so a broker that creates no topics itself is fine.
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
    @Inject
    DeadLetters deadLetterStore;
    @Inject
    Documents documents;
    @Inject
    MeterRegistry registry;
    @Inject
    Tracing tracing;

    @ConfigProperty(name = "aiexports.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;
    @ConfigProperty(name = "aiexports.consumer.base-delay", defaultValue = "200ms")
    Duration baseDelay;
    @ConfigProperty(name = "aiexports.consumer.max-delay", defaultValue = "5s")
    Duration maxDelay;
    /**
     * Groups of a poll applied side by side, each in its own transaction (PollGroups: by partition
     * number, so a proposal's records stay in one group, in order). More than one where applying a
     * record mostly waits on the database: the waits then overlap.
     */
    @ConfigProperty(name = "aiexports.consumer.parallelism", defaultValue = "1")
    int parallelism;
    /**
     * How long the offsets of applied polls may wait before they are committed while records keep
     * coming (at once when a poll brings none): a commit per poll is a request to the broker and a
     * write to its offsets topic each. An applied record whose offset was not committed yet comes
     * again after a crash and is deduplicated by its event id, as after any redelivery.
     */
    @ConfigProperty(name = "aiexports.consumer.commit-interval", defaultValue = "250ms")
    Duration commitInterval;
    /** Offsets of applied polls not committed yet (the consumer's thread only). */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long committedAt;
    private java.util.concurrent.ExecutorService groupAppliers;
    /** {@link #parallelism}, or 1 while the subscribed topics differ in partition count (a proposal's records could then span groups). */
    private volatile int groupsNow = 1;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;
    private Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Membership membership = new Membership();

    /** Where a record came from: its handlers are those of its topic, and it is recorded as processed with its position. */
    record Source(String topic, int partition, long offset, String key, String traceparent) {
        Source(String topic, int partition, long offset, String key) {
            this(topic, partition, offset, key, null);
        }

        static Source of(ConsumerRecord<String, byte[]> record) {
            return new Source(record.topic(), record.partition(), record.offset(), record.key(), Tracing.traceparentOf(record.headers()));
        }
    }

    /** What one try at a record came to. */
    sealed interface Attempt {
        /** Applied now ({@code first}), or found already applied. */
        record Applied(IntegrationEvent event, boolean first) implements Attempt {
        }

        /** Can never be applied by this build: dead-letter it now. */
        record Refused(IntegrationEvent event, String rule, String reason) implements Attempt {
        }

        /** Failed this time; {@code infrastructure} when the database (or the way to it) is to blame, not the record. */
        record Failed(IntegrationEvent event, Throwable cause, boolean infrastructure) implements Attempt {
        }
    }

    void onAxonStarted(@Observes AxonRuntime.Started started) {
        RULES.forEach(this::counter);
        io.micrometer.core.instrument.Gauge.builder("aiexports.consumer.halted", this, c -> c.halted.isEmpty() ? 0 : 1)
                .description("1 when the integration consumer stopped because records it needs expired from the broker")
                .tag("service", settings.serviceName()).register(registry);
        Set<String> topics = subscribedTopics();
        // the first try, in the foreground; the consumer thread insists until they exist
        settings.ensureTopics(topicsToEnsure(topics));
        if (topics.isEmpty()) {
            return;
        }
        // aiexports_consumer_holds_partitions{service}: what /q/health/group/consumers says, for alerting
        io.micrometer.core.instrument.Gauge.builder("aiexports.consumer.holds.partitions", membership,
                        m -> m.snapshot().holdsPartitions() ? 1 : 0)
                .description("1 while this instance's consumer holds its assignment from its group, 0 while it waits for one")
                .tag("service", settings.serviceName()).register(registry);
        running = true;
        if (parallelism > 1) {
            AtomicLong n = new AtomicLong();
            groupAppliers = java.util.concurrent.Executors.newFixedThreadPool(parallelism - 1, r -> {
                Thread t = new Thread(r, settings.serviceName() + "-integration-apply-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
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
        if (groupAppliers != null) {
            groupAppliers.shutdown();
            groupAppliers.awaitTermination(10, TimeUnit.SECONDS);
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

    /** The rules a record is dead-lettered under, each with its counter (registered at start, so each reads 0 until it happens). */
    static final List<String> RULES = List.of("UNREADABLE", "RULE_VIOLATION", "EVENT_TYPE_UNKNOWN", "SCHEMA_VERSION_NEWER",
            "SCHEMA_VERSION_UNKNOWN", "APPLY_FAILED");

    /** aiexports_consumer_dead_letters_total{service, rule}. */
    private Counter counter(String rule) {
        return Counter.builder("aiexports.consumer.dead.letters").description("Consumed records given up and dead-lettered")
                .tag("service", settings.serviceName()).tag("rule", rule).register(registry);
    }

    Set<String> subscribedTopics() {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        return topics;
    }

    /** What this service reads, what it publishes, and where its dead letters go. */
    Set<String> topicsToEnsure(Set<String> subscribed) {
        Set<String> all = new TreeSet<>(subscribed);
        all.add(settings.ownTopic());
        all.add(settings.deadLetterTopic());
        return all;
    }

    private void run(Set<String> topics) {
        long backoff = 500;
        while (running && !settings.ensureTopics(topicsToEnsure(topics))) {
            // no record is read before the topics (above all the dead-letter topic) exist
            LOG.warnf("topics %s not ensured yet (broker away?), retrying in %d ms", topicsToEnsure(topics), backoff);
            membership.joining("topics not ensured yet (broker away?)");
            sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
        while (running) {
            java.util.Properties properties = settings.consumer();
            livenessNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(String.valueOf(properties.getOrDefault(
                    org.apache.kafka.clients.consumer.ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)))) / 4;
            KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties);
            try (KafkaProducer<String, byte[]> dlt = new KafkaProducer<>(settings.producer())) {
                consumer = c;
                deadLetters = dlt;
                // what a consumer that failed had not committed comes again, and is deduplicated
                uncommitted.clear();
                committedAt = System.nanoTime();
                membership.joining("joining group " + settings.groupId() + " as " + settings.instanceId());
                c.subscribe(topics, rebalanceListener(c));
                while (running) {
                    ConsumerRecords<String, byte[]> records;
                    try {
                        records = c.poll(Duration.ofMillis(200));
                    } catch (org.apache.kafka.clients.consumer.NoOffsetForPartitionException e) {
                        startWithoutCommittedOffset(c, e.partitions());
                        continue;
                    } catch (org.apache.kafka.clients.consumer.OffsetOutOfRangeException e) {
                        Map<TopicPartition, Long> beginnings = c.beginningOffsets(e.offsetOutOfRangePartitions().keySet());
                        Map<TopicPartition, String> why = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
                        e.offsetOutOfRangePartitions().forEach((tp, offset) -> why.put(tp, "committed offset " + offset
                                + " is no longer on the broker (the partition starts at " + beginnings.get(tp) + ")"));
                        halt(why);
                        return;
                    }
                    recordLag(c);
                    if (records.isEmpty()) {
                        commitApplied(c, uncommitted.keySet());
                        continue;
                    }
                    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                    records.forEach(batch::add);
                    // the common case: the whole poll in one transaction per group; anything unusual, one record at a time
                    List<ConsumerRecord<String, byte[]>> oneAtATime = applyAll(batch);
                    if (!oneAtATime.isEmpty()) {
                        processOneAtATime(c, batch, oneAtATime);
                    }
                    if (!running) {
                        // stopped mid-record: what was not marked done above comes again, and is deduplicated
                        return;
                    }
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        // a partition taken away while its records went one at a time is its new holder's (or, given
                        // back, polled again from what was committed)
                        if (oneAtATime.isEmpty() || c.assignment().contains(tp) && !takenDuringPass.contains(tp)) {
                            uncommitted.put(tp, new OffsetAndMetadata(record.offset() + 1));
                        }
                    }
                    if (System.nanoTime() - committedAt >= commitInterval.toNanos()) {
                        commitApplied(c, uncommitted.keySet());
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (FencedInstanceIdException e) {
                // two processes with one group.instance.id would fence each other in turn: this one gives way for good
                String detail = "fenced: another consumer joined group " + settings.groupId() + " as " + settings.instanceId()
                        + "; give each instance its own AIEXPORTS_INSTANCE_ID and restart this one";
                LOG.error(detail);
                membership.fenced(detail);
                return;
            } catch (Exception e) {
                if (running) {
                    // e.g. a commit refused after a rebalance: the uncommitted records come again and are deduplicated
                    LOG.warnf("integration consumer restarts after: %s", Failures.describeForLog(e));
                    sleep(1_000);
                }
            } finally {
                consumer = null;
                if (!running) {
                    commitAppliedOnStop(c);
                }
                close(c, !running);
            }
        }
    }

    /**
     * The records of a poll that go one at a time, each tried until applied or dead-lettered (seconds for one that
     * fails). A poll of a thousand records may thus take longer than the group allows between polls
     * ({@code max.poll.interval.ms}): the group would then drop this member, its commit would be refused, and the
     * whole poll would come again, its failing records tried and dead-lettered once more, and again. So what is done
     * is marked as it is done (the records applied in their groups at once, then each record here: a partition's
     * records are in one group and go in order, so what is marked is always a prefix of the partition), and every
     * quarter of that interval the consumer commits it and polls with every partition paused, which brings no record
     * but tells the group it is alive. A partition the group takes away meanwhile is skipped: its new holder starts
     * after what was committed.
     */
    private void processOneAtATime(KafkaConsumer<String, byte[]> c, List<ConsumerRecord<String, byte[]>> batch,
            List<ConsumerRecord<String, byte[]>> oneAtATime) {
        Map<TopicPartition, Long> firstLeft = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : oneAtATime) {
            firstLeft.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        for (ConsumerRecord<String, byte[]> record : batch) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            Long first = firstLeft.get(tp);
            if (first == null || record.offset() < first) {
                uncommitted.put(tp, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        long aliveAt = System.nanoTime();
        takenDuringPass.clear();
        for (ConsumerRecord<String, byte[]> record : oneAtATime) {
            if (!running) {
                return;
            }
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            // taken away at a poll below, even if given back since: its position went back to what was committed
            if (!c.assignment().contains(tp) || takenDuringPass.contains(tp)) {
                continue;
            }
            process(record);
            if (!running) {
                // stopped mid-record: this one comes again, and is deduplicated if it was applied
                return;
            }
            uncommitted.put(tp, new OffsetAndMetadata(record.offset() + 1));
            if (System.nanoTime() - aliveAt >= livenessNanos) {
                commitApplied(c, uncommitted.keySet());
                Set<TopicPartition> assigned = c.assignment();
                c.pause(assigned);
                try {
                    // no record (all paused), but a rebalance may run here: the listener commits what is done and drops the
                    // rest; a partition assigned by it is not paused, so what it brings is put back to be polled again
                    ConsumerRecords<String, byte[]> unasked = c.poll(Duration.ZERO);
                    for (TopicPartition brought : unasked.partitions()) {
                        c.seek(brought, unasked.records(brought).get(0).offset());
                    }
                } finally {
                    c.resume(c.paused());
                }
                aliveAt = System.nanoTime();
            }
        }
    }

    /** Partitions revoked or lost at a poll of the current one-at-a-time pass (the consumer's thread only). */
    private final Set<TopicPartition> takenDuringPass = new java.util.HashSet<>();

    /** A quarter of the group's max.poll.interval.ms: how often a long one-at-a-time pass tells the group it is alive. */
    private long livenessNanos = TimeUnit.MINUTES.toNanos(5) / 4;

    /** Commits the applied offsets of these partitions (all of {@link #uncommitted} or some), then forgets them. */
    private void commitApplied(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata offset = uncommitted.get(tp);
            if (offset != null) {
                offsets.put(tp, offset);
            }
        }
        if (!offsets.isEmpty()) {
            // bounded: a broker that is away must not hold up a stop or a rebalance for the client's default minute
            c.commitSync(offsets, COMMIT_TIMEOUT);
            uncommitted.keySet().removeAll(offsets.keySet());
        }
        committedAt = System.nanoTime();
    }

    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

    /** On a stop: what was applied is committed, so that the next start does not read it again (it would be deduplicated). */
    private void commitAppliedOnStop(KafkaConsumer<String, byte[]> c) {
        try {
            try {
                commitApplied(c, java.util.List.copyOf(uncommitted.keySet()));
            } catch (WakeupException e) {
                // the stop's own wakeup, still pending when the stop came during an apply: it is spent now
                commitApplied(c, java.util.List.copyOf(uncommitted.keySet()));
            }
        } catch (RuntimeException e) {
            LOG.debugf("applied offsets not committed on stop (their records come again, deduplicated): %s", Failures.describeForLog(e));
        }
        uncommitted.clear();
    }

    /**
     * A partition the group has no committed offset for: its first start (nothing of it applied
     * yet) reads it from the beginning; a partition this service applied records of before lost
     * its group offset (the broker's offsets.retention.minutes after the group was empty) and goes
     * on after the last record it applied, found in processed_integration_event. Either way, if the
     * records it needs have expired from the broker, the consumer stops instead of skipping them.
     */
    private void startWithoutCommittedOffset(KafkaConsumer<String, byte[]> c, Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginnings = c.beginningOffsets(partitions);
        Map<TopicPartition, String> expired = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        for (TopicPartition tp : partitions) {
            StartingPoint start = StartingPoint.of(beginnings.getOrDefault(tp, 0L), lastApplied(tp));
            if (start.expired() != null) {
                expired.put(tp, start.expired());
                continue;
            }
            // a partition that never had a record has no committed offset either: at every rebalance, hence debug
            if (start.offset() == 0) {
                LOG.debugf("%s: no committed offset for the group; %s", tp, start.why());
            } else {
                LOG.infof("%s: no committed offset for the group; %s, offset %d", tp, start.why(), start.offset());
            }
            c.seek(tp, start.offset());
        }
        if (!expired.isEmpty()) {
            halt(expired);
        }
    }

    private java.util.OptionalLong lastApplied(TopicPartition tp) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement s = connection.prepareStatement(
                     "select max(kafka_offset) from processed_integration_event where topic = ? and partition_no = ?")) {
            s.setString(1, tp.topic());
            s.setInt(2, tp.partition());
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                long offset = rs.getLong(1);
                return rs.wasNull() ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(offset);
            }
        } catch (SQLException e) {
            // cannot tell a first start from a lost offset now: the consumer restarts and asks again
            throw new IllegalStateException("cannot read where the consumer stood", e);
        }
    }

    /**
     * Stops consuming for good (until an operator recovers and restarts): records this service needs
     * are gone from the broker, and reading on would skip them without a word. Reported in the log,
     * in aiexports_consumer_halted and in the integration-consumer health check.
     */
    private void halt(Map<TopicPartition, String> why) {
        halted = Map.copyOf(why.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().toString(),
                Map.Entry::getValue)));
        running = false;
        LOG.errorf("integration consumer STOPPED, records would be skipped: %s. Catch up from the producing service's event store,"
                + " then reset the group's offsets and restart (docs/runbook.md, \"Retention and expired offsets\")", halted);
    }

    /** Why the consumer stopped, per partition; empty while it runs. */
    public Map<String, String> halted() {
        return halted;
    }

    private volatile Map<String, String> halted = Map.of();

    /**
     * On shutdown the consumer leaves its group, so its partitions go to the other instances at
     * once (a static member stays in the group on a plain close, until its session expires); when
     * it is only replaced after a failure it stays, and its successor (same instance id) takes its place.
     */
    private void close(KafkaConsumer<String, byte[]> c, boolean leave) {
        try {
            c.close(CloseOptions.groupMembershipOperation(leave ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
                    : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP).withTimeout(Duration.ofSeconds(5)));
            if (leave) {
                LOG.infof("integration consumer left group %s (instance %s)", settings.groupId(), settings.instanceId());
            }
        } catch (RuntimeException e) {
            LOG.warnf("integration consumer not closed cleanly: %s", Failures.describeForLog(e));
        }
        if (leave && membership.snapshot().state() != Membership.State.FENCED) {
            membership.stopped();
        }
    }

    /** Keeps {@link #membership} true to what the coordinator assigned (callbacks run on the consumer's thread). */
    private ConsumerRebalanceListener rebalanceListener(KafkaConsumer<String, byte[]> c) {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                takenDuringPass.addAll(partitions);
                // the next holder of these partitions starts where this one committed
                try {
                    commitApplied(c, partitions);
                } catch (WakeupException e) {
                    // a stop: its wakeup is passed on to the next call, which ends the loop
                    uncommitted.keySet().removeAll(partitions);
                    c.wakeup();
                } catch (RuntimeException e) {
                    LOG.warnf("offsets of revoked partitions not committed (their records come again, deduplicated): %s",
                            Failures.describeForLog(e));
                    uncommitted.keySet().removeAll(partitions);
                }
                Set<TopicPartition> remaining = new java.util.HashSet<>(c.assignment());
                remaining.removeAll(partitions);
                membership.revoked(remaining);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                membership.assigned(c.assignment());
                groupsNow = groupsFor(c);
                LOG.infof("consuming %s as %s: %d partitions", settings.groupId(), settings.instanceId(), c.assignment().size());
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                takenDuringPass.addAll(partitions);
                // another member holds them now: their records come to it again, and are deduplicated there
                uncommitted.keySet().removeAll(partitions);
                membership.lost();
            }
        };
    }

    /**
     * Groups by partition number keep a proposal's records together only while every subscribed
     * topic has as many partitions (the services create them alike, but a topic made by hand may differ).
     */
    private int groupsFor(KafkaConsumer<String, byte[]> c) {
        if (parallelism <= 1) {
            return 1;
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String topic : c.subscription()) {
            counts.put(topic, c.partitionsFor(topic).size());
        }
        if (new java.util.HashSet<>(counts.values()).size() > 1) {
            LOG.warnf("topics differ in partition count %s: a poll is applied as one group, not %d", counts, parallelism);
            return 1;
        }
        return parallelism;
    }

    /** Where the consumer stands in its group (the health group "consumers" reports it). */
    public Membership membership() {
        return membership;
    }

    /** Records not read yet per partition this instance holds, as last seen (absent until the first fetch of the partition). */
    public Map<TopicPartition, Long> lag() {
        Map<TopicPartition, Long> out = new java.util.LinkedHashMap<>();
        for (TopicPartition tp : membership.snapshot().partitions()) {
            AtomicLong value = lag.get(tp);
            if (value != null) {
                out.put(tp, value.get());
            }
        }
        return out;
    }

    public String groupId() {
        return settings.groupId();
    }

    public String instanceId() {
        return settings.instanceId();
    }

    /** True when the service subscribes to any topic (all four do). */
    public boolean consumes() {
        return !subscribedTopics().isEmpty();
    }

    /**
     * Applies a whole poll: in one transaction, or in {@link #parallelism} groups side by side, each
     * in its own (each event still recorded by its id). Returns the records left to go one at a
     * time, dead-lettering or retrying exactly the record concerned: all of them when any is
     * unreadable or of an unknown contract, those of a group whose transaction failed (nothing of it applied).
     */
    private List<ConsumerRecord<String, byte[]>> applyAll(List<ConsumerRecord<String, byte[]>> batch) {
        Map<ConsumerRecord<String, byte[]>, IntegrationEvent> events = new java.util.IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                IntegrationEvent event = EventCodec.decode(record.value());
                if (ContractVersions.check(event).isPresent()) {
                    return batch;
                }
                events.put(record, event);
            } catch (EventCodec.UnreadableEventException e) {
                return batch;
            }
        }
        List<List<ConsumerRecord<String, byte[]>>> groups = PollGroups.of(batch, groupsNow, ConsumerRecord::partition);
        List<java.util.concurrent.Future<Boolean>> others = new ArrayList<>();
        for (List<ConsumerRecord<String, byte[]>> group : groups.subList(1, groups.size())) {
            others.add(groupAppliers.submit(() -> applyGroup(group, events)));
        }
        Set<ConsumerRecord<String, byte[]>> left = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (!applyGroup(groups.get(0), events)) {
            left.addAll(groups.get(0));
        }
        // every group is waited for, whatever happens, before any record goes one at a time: two threads never
        // work on one partition at once
        for (int i = 0; i < others.size(); i++) {
            if (!finished(others.get(i))) {
                left.addAll(groups.get(i + 1));
            }
        }
        // in the poll's order, so a partition's records still go in order
        return batch.stream().filter(left::contains).toList();
    }

    /** A group's outcome, waited for without giving up on an interrupt (which is passed on once it is done). */
    private static boolean finished(java.util.concurrent.Future<Boolean> group) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return group.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                    LOG.warnf("a group of a poll failed outside its transaction; its records go one at a time: %s",
                            Failures.describeForLog(e.getCause() == null ? e : e.getCause()));
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One group of a poll in one transaction: its ids recorded in one statement, then each new event applied. */
    private boolean applyGroup(List<ConsumerRecord<String, byte[]>> group, Map<ConsumerRecord<String, byte[]>, IntegrationEvent> events) {
        try {
            long[] counts = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
                List<Source> sources = group.stream().map(Source::of).toList();
                List<IntegrationEvent> decoded = group.stream().map(events::get).toList();
                Set<UUID> fresh = markApplied(sources, decoded);
                long first = 0;
                long again = 0;
                // the group's read-model rows are written together before the commit, a statement per table rather
                // than per row (a row changed by several records once); reads by id see them (Documents.bufferWrites)
                Documents.bufferWrites();
                try {
                    beforeGroup(sources, decoded, fresh);
                    for (int i = 0; i < group.size(); i++) {
                        // remove: the same event twice in one poll (a producer's resend) is applied once
                        if (fresh.remove(decoded.get(i).eventId())) {
                            handle(sources.get(i), decoded.get(i));
                            first++;
                        } else {
                            again++;
                        }
                    }
                    documents.flushWrites();
                } finally {
                    Documents.stopBuffering();
                }
                return new long[] {first, again};
            });
            applied.addAndGet(counts[0]);
            duplicates.addAndGet(counts[1]);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("group of %d not applied as one (%s); going record by record", group.size(), Failures.describeForLog(e));
            return false;
        }
    }

    /** One record: tried until applied or dead-lettered; returns only then (or when the service stops). */
    private void process(ConsumerRecord<String, byte[]> record) {
        Source source = Source.of(record);
        int attempts = 0;
        int infrastructureFailures = 0;
        while (running) {
            Attempt attempt = attempt(source, record.value(), null);
            if (attempt instanceof Attempt.Applied a) {
                if (a.first()) {
                    applied.incrementAndGet();
                } else {
                    duplicates.incrementAndGet();
                    LOG.debugf("event %s already applied; redelivery ignored", a.event().eventId());
                }
                return;
            }
            if (attempt instanceof Attempt.Refused r) {
                deadLetter(record, r.event(), r.rule(), r.reason(), attempts + 1);
                return;
            }
            Attempt.Failed f = (Attempt.Failed) attempt;
            if (f.infrastructure()) {
                // the database is away, or another writer won the append race: no record is to blame, so this
                // counts no attempt; retried until it is back (or the retry wins)
                long delay = delay(++infrastructureFailures);
                LOG.warnf("%s-%d@%d not applied, the database is unavailable or busy (%s); retrying in %d ms", source.topic(),
                        source.partition(), source.offset(), Failures.describeForLog(f.cause()), delay);
                sleep(delay);
                continue;
            }
            attempts++;
            if (attempts >= maxAttempts) {
                deadLetter(record, f.event(), "APPLY_FAILED", "not applied after " + attempts + " tries: " + Failures.reason(f.cause()),
                        attempts);
                return;
            }
            long delay = delay(attempts);
            LOG.warnf("%s-%d@%d (event %s %s) not applied, try %d of %d, retrying in %d ms: %s", source.topic(), source.partition(),
                    source.offset(), f.event().eventId(), f.event().eventType(), attempts, maxAttempts, delay,
                    Failures.describeForLog(f.cause()));
            sleep(delay);
        }
    }

    /** Per assigned partition: records on the broker this consumer has not read yet (its position to the log's end). */
    private final Map<TopicPartition, AtomicLong> lag = new java.util.concurrent.ConcurrentHashMap<>();
    private long lagRecordedAt;

    /**
     * aiexports_consumer_lag_records{topic, partition}: read on the consumer's own thread (the
     * client is not thread-safe), at most once a second, from what the client already knows
     * (no request to the broker). A partition this instance no longer reads (another instance took
     * it in a rebalance) reads 0 here: sum the series over instances.
     */
    private void recordLag(KafkaConsumer<String, byte[]> c) {
        long now = System.nanoTime();
        if (now - lagRecordedAt < 1_000_000_000L) {
            return;
        }
        lagRecordedAt = now;
        Set<TopicPartition> assigned = c.assignment();
        for (TopicPartition tp : assigned) {
            java.util.OptionalLong current = c.currentLag(tp);
            if (current.isPresent()) {
                // the client's last known end offset can trail its position for a moment (read from an earlier
                // fetch than the position after a seek to the committed offset): that is no lag, not a negative one
                lag.computeIfAbsent(tp, this::lagGauge).set(Math.max(0, current.getAsLong()));
            }
        }
        lag.forEach((tp, value) -> {
            if (!assigned.contains(tp)) {
                value.set(0);
            }
        });
    }

    private AtomicLong lagGauge(TopicPartition tp) {
        AtomicLong value = new AtomicLong();
        io.micrometer.core.instrument.Gauge.builder("aiexports.consumer.lag.records", value, AtomicLong::get)
                .description("Records on the topic partition not yet read by this service's consumer")
                .tag("service", settings.serviceName()).tag("topic", tp.topic()).tag("partition", String.valueOf(tp.partition()))
                .register(registry);
        return value;
    }

    /** base × 2^(n-1), at most max-delay. */
    long delay(int failures) {
        long base = Math.max(1, baseDelay.toMillis());
        long d = base << Math.min(20, Math.max(0, failures - 1));
        return Math.min(d, maxDelay.toMillis());
    }

    /**
     * One try at a record, the same for the consumer and for an operator's redelivery: read it,
     * check its contract, apply it in a new transaction that records its id. {@code inTransaction},
     * when given, runs in that transaction once the record is applied (or found already applied).
     */
    Attempt attempt(Source source, byte[] value, Consumer<Boolean> inTransaction) {
        IntegrationEvent event;
        try {
            event = EventCodec.decode(value);
        } catch (EventCodec.UnreadableEventException e) {
            return new Attempt.Refused(null, "UNREADABLE", Failures.reason(e)); // Jackson may quote the record
        }
        Optional<ContractVersions.Refusal> refusal = ContractVersions.check(event);
        if (refusal.isPresent()) {
            return new Attempt.Refused(event, refusal.get().rule(), refusal.get().reason());
        }
        try {
            boolean first = QuarkusTransaction.requiringNew().timeout(60).call(() -> {
                boolean f = apply(source, event);
                if (inTransaction != null) {
                    inTransaction.accept(f);
                }
                return f;
            });
            return new Attempt.Applied(event, first);
        } catch (Exception e) {
            Throwable permanent = Failures.permanentCause(e);
            if (permanent != null) {
                String rule = permanent instanceof EventCodec.UnreadableEventException ? "UNREADABLE" : "RULE_VIOLATION";
                return new Attempt.Refused(event, rule, Failures.reason(permanent)); // codes, not sentences quoting the record
            }
            return new Attempt.Failed(event, e, Failures.infrastructure(e) || !databaseReachable());
        }
    }

    /**
     * An operator's redelivery of a dead letter: the stored record goes through {@link #attempt}
     * once, as the consumer would apply it (so an event already applied has no second effect), and
     * the outcome is recorded (with the record applied, in the same transaction).
     */
    public DeadLetters.View redeliver(UUID id, String requestedBy, Instant at) {
        DeadLetters.Stored stored = deadLetterStore.stored(id, false)
                .orElseThrow(() -> new NotFound("dead letter", id.toString()));
        DeadLetters.View v = stored.view();
        Attempt attempt = attempt(new Source(v.topic(), v.partition(), v.offset(), v.key()), stored.value(),
                first -> deadLetterStore.recordRedelivery(id, requestedBy, at, first ? DeadLetters.APPLIED : DeadLetters.ALREADY_APPLIED,
                        null));
        if (attempt instanceof Attempt.Refused r) {
            deadLetterStore.recordRedelivery(id, requestedBy, at, DeadLetters.FAILED, r.rule() + ": " + r.reason());
        } else if (attempt instanceof Attempt.Failed f) {
            deadLetterStore.recordRedelivery(id, requestedBy, at, DeadLetters.FAILED, Failures.reason(f.cause()));
        } else if (attempt instanceof Attempt.Applied a && a.first()) {
            applied.incrementAndGet();
        }
        LOG.infof("dead letter %s redelivered by %s: %s", id, requestedBy, attempt.getClass().getSimpleName());
        return deadLetterStore.find(id).orElseThrow();
    }

    /** A failure while the database cannot even be reached is the database's, however it was wrapped on the way. */
    private boolean databaseReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private boolean apply(Source source, IntegrationEvent event) throws SQLException {
        if (markApplied(List.of(source), List.of(event)).isEmpty()) {
            return false;
        }
        handle(source, event);
        return true;
    }

    /** The handlers of the record's topic, in the caller's transaction. */
    private void handle(Source source, IntegrationEvent event) {
        // what the handlers log carries the event's correlation id (JSON logs: mdc.correlationId)
        org.jboss.logging.MDC.put(MDC_CORRELATION_ID, String.valueOf(event.correlationId()));
        // a span per record, child of the publisher's (the record's traceparent): the commands it causes join the trace
        io.opentelemetry.api.trace.Span span = tracing.consuming(source.topic(), source.partition(), event.eventType(), source.traceparent());
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            for (IntegrationEventHandler handler : handlers) {
                if (handler.topics().contains(source.topic())) {
                    handler.handle(event);
                }
            }
        } catch (RuntimeException e) {
            span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
            org.jboss.logging.MDC.remove(MDC_CORRELATION_ID);
        }
    }

    /** Each handler is shown the group's new events of its topics before any is handled (IntegrationEventHandler.beforeGroup). */
    private void beforeGroup(List<Source> sources, List<IntegrationEvent> events, Set<UUID> fresh) {
        for (IntegrationEventHandler handler : handlers) {
            List<IntegrationEvent> its = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                if (fresh.contains(events.get(i).eventId()) && handler.topics().contains(sources.get(i).topic())) {
                    its.add(events.get(i));
                }
            }
            if (!its.isEmpty()) {
                handler.beforeGroup(its);
            }
        }
    }

    /** The log context's key for the correlation id, as CorrelationFilter sets it for requests. */
    static final String MDC_CORRELATION_ID = gov.commerce.aiexports.runtime.request.CorrelationFilter.MDC_CORRELATION_ID;

    /** Records the events as processed, in one statement; answers the ids not recorded before (those to apply). */
    private Set<UUID> markApplied(List<Source> sources, List<IntegrationEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into processed_integration_event (event_id, event_type, topic, partition_no, kafka_offset) "
                             + "select * from unnest(?, ?, ?, ?, ?) on conflict (event_id) do nothing returning event_id")) {
            int n = events.size();
            UUID[] ids = new UUID[n];
            String[] types = new String[n];
            String[] topics = new String[n];
            Integer[] partitions = new Integer[n];
            Long[] offsets = new Long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = events.get(i).eventId();
                types[i] = events.get(i).eventType();
                topics[i] = sources.get(i).topic();
                partitions[i] = sources.get(i).partition();
                offsets[i] = sources.get(i).offset();
            }
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("varchar", types));
            insert.setArray(3, connection.createArrayOf("varchar", topics));
            insert.setArray(4, connection.createArrayOf("int4", partitions));
            insert.setArray(5, connection.createArrayOf("int8", offsets));
            Set<UUID> fresh = new java.util.HashSet<>();
            try (java.sql.ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
            return fresh;
        }
    }

    /**
     * Stores the dead letter and sends it to the dead-letter topic, both before the offset is
     * committed; each is retried until it succeeds (the same record always has the same dead-letter
     * id, so a crash in between stores it once). The log names the record and the rule, never its content.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, IntegrationEvent event, String rule, String reason, int attempts) {
        UUID id = DeadLetters.idOf(settings.serviceName(), record.topic(), record.partition(), record.offset());
        LOG.warnf("dead-lettering %s-%d@%d as %s (event %s %s, rule %s, %d tries)", record.topic(), record.partition(), record.offset(),
                id, event == null ? "unreadable" : event.eventId(), event == null ? "" : event.eventType() + " v" + event.schemaVersion(),
                rule, attempts);
        long backoff = 500;
        while (running) {
            try {
                deadLetterStore.record(id, record.topic(), record.partition(), record.offset(), record.key(),
                        event == null ? null : event.eventId(), event == null ? null : event.eventType(),
                        event == null ? null : event.schemaVersion(), rule, reason, attempts, record.value());
                break;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("dead letter %s not stored yet, retrying in %d ms: %s", id, backoff, Failures.describeForLog(e));
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
        out.headers().add("dlt.id", id.toString().getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.rule", rule.getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.reason", reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.attempts", String.valueOf(attempts).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.original-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("dlt.consumer", settings.serviceName().getBytes(StandardCharsets.UTF_8));
        if (event != null) {
            out.headers().add("dlt.event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
            out.headers().add("dlt.event-type", event.eventType().getBytes(StandardCharsets.UTF_8));
            out.headers().add("dlt.schema-version", String.valueOf(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        }
        backoff = 500;
        while (running) {
            try {
                deadLetters.send(out).get(15, TimeUnit.SECONDS);
                deadLettered.incrementAndGet();
                counter(rule).increment();
                return;
            } catch (Exception e) {
                // the record's offset is committed only once it is safe in the dead-letter topic
                LOG.warnf("dead-letter send failed, retrying in %d ms: %s", backoff, Failures.describeForLog(e));
                settings.ensureTopics(Set.of(settings.deadLetterTopic()));
                sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
