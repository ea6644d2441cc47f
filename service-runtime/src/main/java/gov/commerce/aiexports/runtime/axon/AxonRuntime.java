package gov.commerce.aiexports.runtime.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import gov.commerce.aiexports.runtime.publishing.KafkaPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds the service's Axon configuration by hand (no Spring, no ServiceLoader modules): the
 * JDBC event store on the service's own PostgreSQL, Jackson serialization, JTA transactions,
 * the audit metadata, the service's aggregates and projections, and the tracking processor that
 * publishes integration events to Kafka.
 */
@Singleton
public class AxonRuntime {

    public static final String PUBLISHER = "kafka-publisher";
    private static final Logger LOG = Logger.getLogger(AxonRuntime.class);

    /** Fired once Axon runs, so consumers start only when commands can be handled. */
    public record Started(Configuration configuration) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @Inject
    ServiceModule module;
    @Inject
    KafkaPublisher publisher;
    @Inject
    gov.commerce.aiexports.runtime.audit.HashChain hashChain;
    @Inject
    Event<Started> started;
    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;
    @ConfigProperty(name = "aiexports.axon.publisher-batch-size", defaultValue = "50")
    int publisherBatchSize;
    /** The longest timeout of any transaction that appends events (the notifications sender's is the longest). */
    @ConfigProperty(name = "aiexports.axon.longest-appending-transaction", defaultValue = "120s")
    Duration longestAppendingTransaction;
    @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
    Duration defaultTransactionTimeout;
    @ConfigProperty(name = "aiexports.axon.peak-appends-per-second", defaultValue = "5000")
    int peakAppendsPerSecond;
    /**
     * How long a processor's claim on its token lasts without being renewed: an instance that dies
     * (SIGKILL, lost host) holds the publisher and the hash chain this long before another takes
     * them over. The owner renews it every event-availability wait (200 ms) and every batch, so it
     * only has to outlast one batch (the publisher's Kafka sends time out after 10 s: a claim taken
     * over meanwhile makes the old owner's commit fail, and the events are published again, which
     * consumers ignore by eventId). docs/runbook.md gives the failover measured with these values.
     */
    @ConfigProperty(name = "aiexports.axon.claim-timeout", defaultValue = "5s")
    Duration claimTimeout;
    /** How often an instance that holds no claim tries to take one. */
    @ConfigProperty(name = "aiexports.axon.claim-interval", defaultValue = "1s")
    Duration claimInterval;
    /** How long the hash chain lets a batch grow once an event arrives (performance.md: fewer, larger links under load). */
    @ConfigProperty(name = "aiexports.audit.chain-linger", defaultValue = "250ms")
    Duration chainLinger;
    /** The same for the Kafka publisher: every propagation hop waits for it, so none by default. */
    @ConfigProperty(name = "aiexports.axon.publisher-linger", defaultValue = "0ms")
    Duration publisherLinger;
    /**
     * How long the store's tail reader waits after a commit before it reads, so that the commits of those
     * milliseconds are read together (CommitWakingEventStore): a few milliseconds more per hop for far fewer reads.
     */
    @ConfigProperty(name = "aiexports.axon.tail-wake-delay", defaultValue = "10ms")
    Duration tailWakeDelay;
    private final TailReads tailReads = new TailReads();
    /** The store's timed read: how soon another instance's appends are seen. */
    static final long STORE_FETCH_DELAY_MILLIS = 100;
    /**
     * The newest events the store keeps in memory for its tracking processors (the publisher and the chain, both
     * near the head); one further behind reads the store itself. Axon keeps 10,000, each with its payload bytes and,
     * once a processor read it, its payload as objects: most of a service's live heap (full collections of up to a
     * second under load in a 256 MB heap, performance.md).
     */
    @ConfigProperty(name = "aiexports.axon.cached-events", defaultValue = "250")
    int cachedEvents;

    private volatile Configuration configuration;
    private JacksonSerializer serializer;
    private EventStorageEngine storageEngine;

    void onStart(@Observes @Priority(100) StartupEvent ignored) {
        configuration = build().buildConfiguration();
        configuration.start();
        LOG.infof("Axon started for %s", serviceName);
        started.fire(new Started(configuration));
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (configuration != null) {
            // releases token claims so another instance can take over at once
            configuration.shutdown();
        }
    }

    public Configuration configuration() {
        if (configuration == null) {
            throw new IllegalStateException("Axon is not started yet");
        }
        return configuration;
    }

    /** The store itself, for bounded reads such as a projection replay. */
    public EventStorageEngine storageEngine() {
        configuration();
        return storageEngine;
    }

    public JacksonSerializer serializer() {
        return serializer;
    }

    public Optional<TrackingEventProcessor> publisherProcessor() {
        return configuration == null ? Optional.empty()
                : configuration.eventProcessingConfiguration().eventProcessor(PUBLISHER, TrackingEventProcessor.class);
    }

    public static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    private Configurer build() {
        // the store keeps milliseconds: events get them from the start, so a replay sees the very timestamps live processing saw
        org.axonframework.eventhandling.GenericEventMessage.clock =
                java.time.Clock.tick(java.time.Clock.systemUTC(), java.time.Duration.ofMillis(1));
        JtaTransactionManager transactions = new JtaTransactionManager(jta);
        ConnectionProvider connections = dataSource::getConnection;
        serializer = JacksonSerializer.builder()
                .objectMapper(eventObjectMapper())
                .classLoader(Thread.currentThread().getContextClassLoader())
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> AuditCorrelation.providers())
                .configureEventStore(c -> eventStore(storageEngine = storageEngine(connections, transactions)));
        // a request's If-Match holds its commands to the version it names (ExpectedVersionResolver)
        for (Class<?> type : module.aggregates()) {
            configurer.configureAggregate(aggregate(type));
        }

        var processing = configurer.eventProcessing();
        processing.registerTokenStore(c -> tokenStore(connections));
        for (Object projection : module.projections()) {
            String group = processingGroupOf(projection);
            processing.registerSubscribingEventProcessor(group)
                    .registerEventHandler(c -> projection)
                    .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
        }
        processing.registerTrackingEventProcessor(PUBLISHER, c -> LingeringSource.of(c.eventStore(), publisherLinger),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(publisherBatchSize)
                                .andTokenClaimInterval(claimInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                                .andEventAvailabilityTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerEventHandler(c -> publisher)
                // a failed Kafka send must stop the processor (it retries with backoff) instead of skipping the event
                .registerListenerInvocationErrorHandler(PUBLISHER, c -> PropagatingErrorHandler.instance());
        // one processor, one thread: the chain's order must be a single sequence. The publisher is not split into
        // segments either: Kafka's per-proposal order spans aggregates (a proposal's events come from its Proposal,
        // Review, Oversight ... streams, keyed by proposal), which Axon's per-aggregate segments would not keep.
        processing.registerTrackingEventProcessor(gov.commerce.aiexports.runtime.audit.HashChain.PROCESSOR,
                        c -> LingeringSource.of(c.eventStore(), chainLinger),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(100)
                                .andTokenClaimInterval(claimInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                                .andEventAvailabilityTimeout(200, java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerEventHandler(c -> hashChain)
                .registerListenerInvocationErrorHandler(gov.commerce.aiexports.runtime.audit.HashChain.PROCESSOR,
                        c -> PropagatingErrorHandler.instance());
        return configurer;
    }

    private static <A> org.axonframework.config.AggregateConfigurer<A> aggregate(Class<A> type) {
        return org.axonframework.config.AggregateConfigurer.defaultConfiguration(type)
                .configureCommandTargetResolver(c -> new ExpectedVersionResolver());
    }

    /** The gap bounds of every reader of the store, from the transactions that may commit late. */
    public GapSettings gapSettings() {
        if (defaultTransactionTimeout.compareTo(longestAppendingTransaction) > 0) {
            throw new IllegalStateException("aiexports.axon.longest-appending-transaction (" + longestAppendingTransaction
                    + ") is shorter than the default transaction timeout (" + defaultTransactionTimeout + ")");
        }
        return GapSettings.derive(longestAppendingTransaction, peakAppendsPerSecond);
    }

    private EventStorageEngine storageEngine(ConnectionProvider connections, JtaTransactionManager transactions) {
        GapSettings gaps = gapSettings();
        LOG.infof("event store gaps: waited for %d ms and %d events (transactions up to %s)", gaps.gapTimeoutMillis(),
                gaps.maxGapOffset(), longestAppendingTransaction);
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new PostgresDuplicateKeyResolver())
                // events per query when streaming the store: a replay reads a million events in a
                // thousand queries rather than ten thousand (the default is 100)
                .batchSize(1000)
                .upcasterChain(new org.axonframework.serialization.upcasting.event.EventUpcasterChain(module.upcasters()))
                .dataType(byte[].class)
                .schema(EventSchema.builder()
                        .eventTable("domain_event_entry")
                        .snapshotTable("snapshot_event_entry")
                        .globalIndexColumn("global_index")
                        .timestampColumn("time_stamp")
                        .eventIdentifierColumn("event_identifier")
                        .aggregateIdentifierColumn("aggregate_identifier")
                        .sequenceNumberColumn("sequence_number")
                        .typeColumn("type")
                        .payloadTypeColumn("payload_type")
                        .payloadRevisionColumn("payload_revision")
                        .payloadColumn("payload")
                        .metaDataColumn("meta_data")
                        .build());
        return new PostgresEventStorageEngine(builder, "time_stamp", gaps, tailReads);
    }

    private EventStore eventStore(EventStorageEngine engine) {
        return new CommitWakingEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .cachedEvents(cachedEvents)
                // other instances' events are seen within this delay; this instance's once committed (tailWakeDelay)
                .fetchDelay(STORE_FETCH_DELAY_MILLIS), jta, tailReads, tailWakeDelay);
    }

    private TokenStore tokenStore(ConnectionProvider connections) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(claimTimeout)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    private static String processingGroupOf(Object projection) {
        ProcessingGroup group = projection.getClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            throw new IllegalStateException(projection.getClass().getName() + " needs @ProcessingGroup");
        }
        return group.value();
    }
}
