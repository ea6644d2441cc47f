package gov.commerce.aiexports.runtime.warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.publishing.KafkaPublisher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A JVM's first request is slow: on the local stack's C1-only JVMs, on a busy 2-core machine, a
 * fresh service took seconds for its first command, its first event-store write, its first Kafka
 * send and its first consumed record, while the same steps take milliseconds once each has run
 * (docs/performance.md, "The first request after a start"). So each service runs those paths once
 * at start, on a thread of its own, with nothing committed and nothing sent:
 * <ol>
 * <li>the Kafka publisher's producer is created and fetches its topic's metadata (and its
 *     producer id), so the first event is one send, not a connection, a metadata round trip and an id;</li>
 * <li>the JSON (de)serializers of every integration-event contract, of the envelope, and of every
 *     domain event the service's aggregates and projections handle are built;</li>
 * <li>the latest aggregate of each type is loaded from the store, each of its events serialized again
 *     and mapped to the integration event it publishes, encoded and decoded as a consumer would;</li>
 * <li>those events are appended again under a fresh aggregate id and run through the service's
 *     projections, in a transaction that is rolled back (a rehearsal: the store's sequence skips
 *     numbers, which every reader of the store takes as gaps, as after any rolled-back command);</li>
 * <li>one request with a token that fails verification goes through the HTTP stack and the JWT
 *     check (its RSA verification included).</li>
 * </ol>
 * Readiness does not wait for it (it asks nothing of the broker); the health group {@code consumers}
 * does, and so {@code ./run}'s "ready" line: a service says it consumes once the first record
 * after its start will be handled warm. A step that fails (the broker away, an empty store) is
 * logged and skipped: the warm-up never keeps a service from consuming.
 */
@Singleton
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);

    @Inject
    AxonRuntime axon;
    @Inject
    ServiceModule module;
    @Inject
    KafkaPublisher publisher;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @ConfigProperty(name = "aiexports.warmup.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;

    private volatile boolean done;
    private volatile String summary = "not started";

    void onAxonStarted(@Observes AxonRuntime.Started started) {
        if (!enabled) {
            done = true;
            summary = "disabled (aiexports.warmup.enabled=false)";
            return;
        }
        summary = "running";
        Thread t = new Thread(this::run, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** True once every step has run (or failed and been skipped). */
    public boolean done() {
        return done;
    }

    /** What each step took, for the health check and the log. */
    public String summary() {
        return summary;
    }

    private void run() {
        long started = System.nanoTime();
        Map<String, String> took = new LinkedHashMap<>();
        step(took, "kafka", publisher::warmUp);
        step(took, "serializers", this::serializers);
        List<List<DomainEventMessage<?>>> latest = new ArrayList<>();
        step(took, "aggregates", () -> latest.addAll(aggregates()));
        step(took, "projections", () -> rehearse(latest));
        if (LaunchMode.current() != LaunchMode.TEST) {
            step(took, "http", this::http);
        }
        summary = "done in " + (System.nanoTime() - started) / 1_000_000 + " ms " + took;
        done = true;
        LOG.infof("warmed up: %s", summary);
    }

    private static void step(Map<String, String> took, String name, ThrowingRunnable step) {
        long t = System.nanoTime();
        try {
            step.run();
            took.put(name, (System.nanoTime() - t) / 1_000_000 + " ms");
        } catch (Throwable e) {
            took.put(name, "skipped after " + (System.nanoTime() - t) / 1_000_000 + " ms");
            LOG.infof("warm-up step %s skipped: %s", name, e.toString());
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Jackson builds a type's (de)serializer on first use, by introspection: slow in a fresh JVM. */
    private void serializers() {
        ObjectMapper codec = EventCodec.mapper();
        warm(codec, IntegrationEvent.class);
        for (Class<? extends IntegrationPayload> contract : EventCatalog.CONTRACTS) {
            warm(codec, contract);
        }
        ObjectMapper store = axon.serializer().getObjectMapper();
        for (Class<?> type : domainEventTypes()) {
            warm(store, type);
        }
    }

    private static void warm(ObjectMapper mapper, Class<?> type) {
        mapper.canSerialize(type);
        mapper.canDeserialize(mapper.constructType(type));
    }

    /** The first parameter of every event handler of the service's aggregates and projections. */
    Set<Class<?>> domainEventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        List<Class<?>> classes = new ArrayList<>(module.aggregates());
        module.projections().forEach(p -> classes.add(p.getClass()));
        for (Class<?> c : classes) {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.getParameterCount() > 0 && (m.isAnnotationPresent(org.axonframework.eventhandling.EventHandler.class)
                            || m.isAnnotationPresent(org.axonframework.eventsourcing.EventSourcingHandler.class))) {
                        types.add(m.getParameterTypes()[0]);
                    }
                }
            }
        }
        return types;
    }

    /**
     * Loads the latest aggregate of each type (event sourcing, upcasters, the store's reads) and
     * runs its events through the publisher's mapping and the codec; returns each one's events (the first 50).
     */
    private List<List<DomainEventMessage<?>>> aggregates() throws Exception {
        Map<String, String> latestIdByType = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select type, aggregate_identifier from domain_event_entry order by global_index desc limit 500");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1) != null) {
                    latestIdByType.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, Class<?>> aggregates = module.aggregates().stream()
                .collect(Collectors.toMap(Class::getSimpleName, a -> a, (a, b) -> a, LinkedHashMap::new));
        List<List<DomainEventMessage<?>>> latest = new ArrayList<>();
        for (Map.Entry<String, String> e : latestIdByType.entrySet()) {
            Class<?> type = aggregates.get(e.getKey());
            if (type == null) {
                continue;
            }
            UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("warm-up"));
            try {
                axon.configuration().repository(type).load(e.getValue());
            } finally {
                uow.rollback();
            }
            List<DomainEventMessage<?>> events = new ArrayList<>();
            for (var it = axon.configuration().eventStore().readEvents(e.getValue()); it.hasNext(); ) {
                DomainEventMessage<?> event = it.next();
                axon.serializer().serialize(event.getPayload(), byte[].class);
                publisher.rehearse(event.getPayload(), event).ifPresent(bytes -> {
                    IntegrationEvent decoded = EventCodec.decode(bytes);
                    decoded.payloadAs(payloadType(decoded));
                });
                if (events.size() < 50) {
                    events.add(event);
                }
            }
            if (!events.isEmpty()) {
                latest.add(events);
            }
        }
        return latest;
    }

    private static Class<? extends IntegrationPayload> payloadType(IntegrationEvent event) {
        return EventCatalog.CONTRACTS.stream()
                .filter(c -> EventCatalog.contractOf(c).type().equals(event.eventType())
                        && EventCatalog.contractOf(c).version() == event.schemaVersion())
                .findFirst().orElseThrow();
    }

    /**
     * Each aggregate's events appended again under a fresh aggregate id, so that the store's insert,
     * the serializer and the subscribing projections (their SQL and documents, from the creation on)
     * run once; in a transaction rolled back whatever happens (a projection may well refuse a copy,
     * and what came before is warm all the same): nothing is kept, nothing published.
     */
    private void rehearse(List<List<DomainEventMessage<?>>> aggregates) throws Exception {
        for (List<DomainEventMessage<?>> events : aggregates) {
            String copy = "warm-up-" + UUID.randomUUID();
            jta.begin();
            try {
                UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("warm-up"));
                try {
                    for (DomainEventMessage<?> event : events) {
                        axon.configuration().eventStore().publish(new GenericDomainEventMessage<>(event.getType(), copy,
                                event.getSequenceNumber(), event.getPayload(), event.getMetaData()));
                    }
                    uow.commit();
                } catch (RuntimeException refused) {
                    if (uow.isActive()) {
                        uow.rollback();
                    }
                    LOG.debugf("warm-up rehearsal of %s refused (rolled back anyway): %s", events.get(0).getType(), refused.toString());
                }
            } finally {
                jta.rollback();
            }
        }
    }

    /** A request the JWT check refuses: the HTTP stack, the router and the token's verification run once. */
    private void http() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String token = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"warm-up\",\"iss\":\"warm-up\",\"exp\":" + (System.currentTimeMillis() / 1000 + 60)
                        + "}").getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(new byte[256]);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/admin/dead-letters"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                // the HTTP server listens only once the start is over
                client.send(request, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (java.net.ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }
}
