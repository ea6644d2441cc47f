package gov.commerce.aiexports.testsupport;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, no ZooKeeper) in this JVM. It can be stopped and
 * started again on the same ports and log directory, to test what an outage does.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String CLUSTER_ID = "aiexports-local-kafka0";

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean autoCreateTopics;
    private KafkaRaftServer server;

    private KafkaBroker(int port, int controllerPort, Path logDir, boolean autoCreateTopics) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.autoCreateTopics = autoCreateTopics;
    }

    public static KafkaBroker start(int port, Path logDir) throws IOException {
        return start(port, logDir, true);
    }

    /**
     * With {@code autoCreateTopics} false the broker behaves as most production brokers do
     * ({@code auto.create.topics.enable=false}): a topic nobody created does not exist, and a
     * producer or consumer aiming at it waits for it.
     */
    public static KafkaBroker start(int port, Path logDir, boolean autoCreateTopics) throws IOException {
        KafkaBroker broker = new KafkaBroker(port, FreePorts.next(), logDir, autoCreateTopics);
        broker.format();
        broker.startServer();
        return broker;
    }

    public static Properties serverProperties(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "true");
        // one node: the internal topics cannot have three replicas, and consumers hang if they wait for them
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MB compaction buffer is allocated up front; nothing here is compacted at that scale
        p.put("log.cleaner.dedupe.buffer.size", "4194304");
        return p;
    }

    private Properties properties() {
        Properties p = serverProperties(port, controllerPort, logDir);
        p.put("auto.create.topics.enable", String.valueOf(autoCreateTopics));
        return p;
    }

    private void format() throws IOException {
        formatStorage(properties(), logDir);
    }

    /** Formats a KRaft log directory once (idempotent): the step a new broker needs before its first start. */
    public static void formatStorage(Properties properties, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("kafka-server", ".properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            properties.store(w, "aiexports broker");
        }
        int rc = StorageTool.execute(new String[] {"format", "-t", CLUSTER_ID, "-c", config.toString(), "-g"},
                new PrintStream(OutputStream.nullOutputStream()));
        Files.deleteIfExists(config);
        if (rc != 0) {
            throw new IOException("kafka storage format failed with " + rc);
        }
    }

    private void startServer() {
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties(), false), Time.SYSTEM);
        server.startup();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts again on the same ports and data after {@link #stop()}. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
