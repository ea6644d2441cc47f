package gov.commerce.aiexports.runtime.kafka;

import gov.commerce.aiexports.events.Topics;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Client settings for the bus, in one place: producers that never lose or reorder, consumers that
 * commit by hand. Every other Kafka client setting passes through from configuration (TLS, SASL,
 * client ids, acks, compression ...): a property {@code kafka.<setting>} (or the environment
 * variable {@code KAFKA_<SETTING>}, upper case with underscores) reaches each client that knows
 * that setting; {@code kafka.producer.<setting>}, {@code kafka.consumer.<setting>} and
 * {@code kafka.admin.<setting>} reach one kind of client only. Only settings the Kafka client
 * declares pass, so an unrelated variable such as a Kubernetes service link ({@code KAFKA_PORT})
 * is not mistaken for one. What the code's correctness rests on (serializers, manual commits)
 * cannot be overridden.
 */
@Singleton
public class KafkaSettings {

    private static final Logger LOG = Logger.getLogger(KafkaSettings.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;
    @ConfigProperty(name = "aiexports.kafka.partitions", defaultValue = "6")
    int partitions;
    @ConfigProperty(name = "aiexports.kafka.replication-factor", defaultValue = "1")
    short replicationFactor;
    /** Set on the topics this service creates; unset, the broker's default applies. */
    @ConfigProperty(name = "aiexports.kafka.min-insync-replicas")
    Optional<Integer> minInsyncReplicas;
    /**
     * How long the topics this service creates keep their records (retention.ms): long enough for
     * any consumer to come back from an outage (a month), short enough that the broker's disks stay
     * bounded. The event store of the producing service keeps everything for ever; a consumer that
     * was away for longer is told (it stops: IntegrationEventConsumer) and is caught up from that
     * store (docs/runbook.md, "Retention and expired offsets").
     */
    @ConfigProperty(name = "aiexports.kafka.retention", defaultValue = "P30D")
    java.time.Duration retention;
    /**
     * The consumer's static group membership (group.instance.id): unique per running instance and
     * the same across its restarts, so that a restarted instance takes its partitions back at once
     * instead of waiting for its predecessor's session to expire. Unset: service, host and HTTP port.
     */
    @ConfigProperty(name = "aiexports.kafka.instance-id")
    Optional<String> instanceId;
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int httpPort;
    /** How long the coordinator keeps a silent static member's partitions for it (docs/runbook.md: Consumer groups). */
    @ConfigProperty(name = "aiexports.kafka.session-timeout", defaultValue = "30s")
    java.time.Duration sessionTimeout;
    @Inject
    Config config;

    /** The kind of client a setting is meant for. */
    public enum Client {
        PRODUCER("producer", ProducerConfig.configNames()),
        CONSUMER("consumer", ConsumerConfig.configNames()),
        ADMIN("admin", AdminClientConfig.configNames());

        final String prefix;
        final Set<String> known;

        Client(String prefix, Set<String> known) {
            this.prefix = prefix;
            this.known = known;
        }
    }

    /** Settings the code relies on: the byte/string (de)serializers and the consumer's manual commits. */
    static final Set<String> FIXED = Set.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The consumer group: one per service, shared by its instances. */
    public String groupId() {
        return serviceName;
    }

    /** This instance's group.instance.id (see {@link #instanceId}). */
    public String instanceId() {
        return instanceId.map(KafkaSettings::legalInstanceId)
                .orElseGet(() -> defaultInstanceId(serviceName, hostName(), httpPort));
    }

    /** Service, host and HTTP port: two instances on one host listen on different ports, a restart on the same one. */
    static String defaultInstanceId(String service, String host, int port) {
        return legalInstanceId(service + "-" + host + "-" + port);
    }

    /** Kafka accepts letters, digits, '.', '_' and '-', at most 249 of them. */
    static String legalInstanceId(String id) {
        String legal = id.trim().replaceAll("[^a-zA-Z0-9._-]", "_");
        return legal.length() > 249 ? legal.substring(0, 249) : legal;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME"); // a container's or a pod's name
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** For the dead-letter and checkpoint producers: a broker that is down makes their send fail within 10 s. */
    public Properties producer() {
        return producer(Duration.ofSeconds(10));
    }

    /**
     * For the outbox publisher (KafkaPublisher): its records stay with the one idempotent producer for two
     * minutes of broker outage, retried by the producer under their first sequence numbers, so that a
     * record the broker wrote but did not acknowledge in time is not sent again as a new record.
     */
    public Properties publisher() {
        return producer(Duration.ofMinutes(2));
    }

    private Properties producer(Duration deliveryTimeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-publisher");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // a broker that is down makes send() fail in bounded time (no metadata); the publisher then retries from its token
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return withPassThrough(p, Client.PRODUCER);
    }

    /** The most records one poll brings (an operator may set KAFKA_CONSUMER_MAX_POLL_RECORDS). */
    static final int MAX_POLL_RECORDS = 1000;

    public Properties consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, serviceName + "-consumer");
        // static membership: a restarted instance (same id) gets its partitions back without a rebalance
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // never jump silently: where to start without a valid committed offset is decided by the consumer itself
        // (the beginning for a partition it never read, else it stops and says so: IntegrationEventConsumer)
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // a poll may bring up to a full fetch's worth of records, applied as one group per transaction: a consumer
        // applies one poll per cycle (a few hundred milliseconds on two busy cores), so the limit binds whenever records
        // come faster than that; 100 held notifications-service below 200 submissions/s on the benchmark's slower
        // machine (docs/performance.md, "Polls of a thousand records"; docs/runbook.md, "How many records a poll brings")
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        // a fetch waits up to 50 ms for more records instead of answering with the first one: under load each poll
        // applies many records in one transaction, with one fetch and one commit, for at most 50 ms per hop
        // (docs/performance.md, "Larger fetches" and "Larger polls, rows written together, the images' heap")
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1 << 20);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return withPassThrough(p, Client.CONSUMER);
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-admin");
        return Admin.create(withPassThrough(p, Client.ADMIN));
    }

    private Properties withPassThrough(Properties defaults, Client client) {
        Map<String, String> values = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.") || name.startsWith("KAFKA_")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> values.put(name, v));
            }
        }
        defaults.putAll(passThrough(values, client));
        return defaults;
    }

    /**
     * The settings of {@code configured} (configuration names and values) meant for a client: the
     * common ones first, then the client's own, which win. Dotted names before variables' names.
     */
    static Map<String, String> passThrough(Map<String, String> configured, Client client) {
        Map<String, String> common = new TreeMap<>();
        Map<String, String> own = new TreeMap<>();
        // environment variables first, so a dotted property of the same setting wins (as MicroProfile orders sources)
        List<String> names = configured.keySet().stream()
                .sorted(Comparator.comparing((String n) -> !n.startsWith("KAFKA_")).thenComparing(Comparator.naturalOrder()))
                .toList();
        for (String name : names) {
            String key;
            if (name.startsWith("kafka.")) {
                key = name.substring("kafka.".length());
            } else if (name.startsWith("KAFKA_")) {
                key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            } else {
                continue;
            }
            Map<String, String> target = common;
            for (Client c : Client.values()) {
                if (key.startsWith(c.prefix + ".")) {
                    if (c != client) {
                        target = null;
                        break;
                    }
                    key = key.substring(c.prefix.length() + 1);
                    target = own;
                }
            }
            if (target != null && client.known.contains(key) && !FIXED.contains(key)) {
                target.put(key, configured.get(name));
            }
        }
        Map<String, String> result = new TreeMap<>(common);
        result.putAll(own);
        return result;
    }

    /**
     * Creates the missing topics (brokers that create topics themselves are not assumed). True when
     * they all exist afterwards; false, with nothing thrown, when the broker cannot be asked now:
     * callers that need the topics retry.
     */
    public boolean ensureTopics(Collection<String> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, replicationFactor).configs(topicConfig()))
                    .toList();
            if (!missing.isEmpty()) {
                for (var created : admin.createTopics(missing).values().values()) {
                    try {
                        created.get(5, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        // another instance created it at the same moment: what matters is that it exists
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
            return true;
        } catch (Exception e) {
            LOG.debugf("could not ensure topics %s now: %s", topics, e.toString());
            return false;
        }
    }

    /** What the topics this service creates are created with: the retention chosen, min.insync.replicas when set. */
    public Map<String, String> topicConfig() {
        Map<String, String> config = new TreeMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        minInsyncReplicas.ifPresent(min -> config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(min)));
        return config;
    }

    /** Where this service's consumer puts the records it cannot read or apply. */
    public String deadLetterTopic() {
        return Topics.deadLetterOf(serviceName);
    }

    public String ownTopic() {
        return Topics.of(serviceName);
    }
}
