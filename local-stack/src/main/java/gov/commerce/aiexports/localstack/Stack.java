package gov.commerce.aiexports.localstack;

import gov.commerce.aiexports.testsupport.FreePorts;
import gov.commerce.aiexports.testsupport.KafkaBroker;
import gov.commerce.aiexports.testsupport.PostgresServer;
import gov.commerce.aiexports.testsupport.Tokens;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;

/**
 * The whole system on one machine: a real PostgreSQL with one database per service, a real Kafka
 * broker, and the four packaged services as separate processes. Used by {@code ./run} and by the
 * end-to-end tests.
 */
public final class Stack implements AutoCloseable {

    /**
     * @param kafkaInProcess the broker in this JVM (tests, which stop and restart it) or as its own JVM (./run)
     * @param durable        fsync and synchronous_commit on (./run and benchmarks) or off (tests)
     */
    public record Options(Path projectRoot, Path dataDirectory, int postgresPort, int kafkaPort, Map<String, Integer> servicePorts,
            boolean durable, boolean kafkaInProcess, List<String> serviceJvmOptions) {

        /**
         * ./run's: the ports of API.md and .local-stack/, unless the environment says otherwise
         * (RUN_DIR, RUN_POSTGRES_PORT, RUN_KAFKA_PORT, RUN_PROPOSALS_SERVICE_PORT ...), so that a
         * second stack (an end-to-end test of ./run itself) can run beside a developer's.
         */
        public static Options local(Path projectRoot) {
            return local(projectRoot, System.getenv());
        }

        static Options local(Path projectRoot, Map<String, String> env) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Services.ALL.forEach(s -> ports.put(s.name(), intOf(env, "RUN_" + s.name().toUpperCase().replace('-', '_') + "_PORT", s.port())));
            Path data = projectRoot.resolve(env.getOrDefault("RUN_DIR", ".local-stack"));
            return new Options(projectRoot, data, intOf(env, "RUN_POSTGRES_PORT", 55432), intOf(env, "RUN_KAFKA_PORT", 9092), ports, true,
                    false, ServiceProcess.QUICK_START);
        }

        private static int intOf(Map<String, String> env, String name, int otherwise) {
            String v = env.get(name);
            return v == null || v.isBlank() ? otherwise : Integer.parseInt(v.trim());
        }

        public static Options forTests(Path projectRoot, Path dataDirectory) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Services.ALL.forEach(s -> ports.put(s.name(), FreePorts.next()));
            return new Options(projectRoot, dataDirectory, FreePorts.next(), FreePorts.next(), ports, false, true,
                    ServiceProcess.QUICK_START);
        }
    }

    /** In a service's JVM options, replaced by the service's name (a profile's file name, say). */
    public static final String SERVICE_NAME = "{service}";

    private final Options options;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafkaInProcess;
    private ServiceProcess kafkaProcess;
    private Tokens tokens;
    private Path publicKey;
    private final Map<String, String> extraEnvironment = new HashMap<>();
    private Boolean postgresDurable;
    private boolean ownSessions;
    private boolean closed;
    private java.util.function.Consumer<String> progress = line -> { };

    public Stack(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /**
     * ./run's: every process started from now on (PostgreSQL's server detaches itself) runs in a
     * session of its own, so a signal to the launcher's process group reaches the launcher only and
     * {@link #close()} stops them in order; {@code progress} hears each step of the stop.
     */
    public Stack detached(java.util.function.Consumer<String> progress) {
        this.ownSessions = true;
        this.progress = progress;
        return this;
    }

    /** More environment for every service started from now on (tests turn tracing on with it). */
    public Map<String, String> serviceEnvironment() {
        return extraEnvironment;
    }

    public Tokens tokens() throws IOException {
        if (tokens == null) {
            Path keys = options.dataDirectory().resolve("keys");
            tokens = Tokens.keptIn(keys);
            publicKey = keys.resolve("jwt-public.pem");
        }
        return tokens;
    }

    public void startInfrastructure() throws Exception {
        Files.createDirectories(options.dataDirectory());
        tokens();
        // detached, the stack stops PostgreSQL itself, last: no hook of the embedded server's own racing the services' stop
        postgres = PostgresServer.start(options.postgresPort(), options.dataDirectory().resolve("postgres"), options.durable(), !ownSessions);
        for (Services.Service s : Services.ALL) {
            postgres.createDatabase(s.database());
        }
        Path kafkaLogs = options.dataDirectory().resolve("kafka");
        if (options.kafkaInProcess()) {
            kafkaInProcess = KafkaBroker.start(options.kafkaPort(), kafkaLogs);
        } else {
            startKafkaProcess(kafkaLogs);
        }
        awaitKafka(Duration.ofSeconds(60));
    }

    private void startKafkaProcess(Path kafkaLogs) throws IOException {
        Properties props = KafkaBroker.serverProperties(options.kafkaPort(), options.kafkaPort() + 1, kafkaLogs);
        KafkaBroker.formatStorage(props, kafkaLogs);
        Path config = options.dataDirectory().resolve("kafka-server.properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            props.store(w, "aiexports local broker");
        }
        List<String> cmd = new ArrayList<>(List.of(ServiceProcess.javaBinary(), "-Xms128m", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", config.toString()));
        kafkaProcess = new ServiceProcess("kafka", cmd, Map.of(), options.dataDirectory().resolve("logs/kafka.log"), null)
                .inOwnSession(ownSessions).start();
    }

    public void awaitKafka(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Properties p = new Properties();
        p.put("bootstrap.servers", kafkaBootstrap());
        p.put("request.timeout.ms", "2000");
        p.put("default.api.timeout.ms", "3000");
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = Admin.create(p)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("Kafka not reachable at " + kafkaBootstrap() + " within " + timeout);
    }

    public ServiceProcess service(Services.Service s) {
        return services.computeIfAbsent(s.name(), name -> {
            Map<String, String> env = new HashMap<>();
            env.put("PORT", String.valueOf(port(s)));
            env.putAll(databaseEnvironment(s));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
            env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
            if (s == Services.NOTIFICATIONS) {
                env.putAll(webhookEnvironment());
            }
            if (s == Services.PROPOSALS) {
                // it assembles decision dossiers from each service's part
                env.put("AIEXPORTS_DOSSIER_REVIEW_URL", url(Services.REVIEW));
                env.put("AIEXPORTS_DOSSIER_INCENTIVES_URL", url(Services.INCENTIVES));
                env.put("AIEXPORTS_DOSSIER_NOTIFICATIONS_URL", url(Services.NOTIFICATIONS));
            }
            env.putAll(extraEnvironment);
            List<String> jvm = options.serviceJvmOptions().stream().map(o -> o.replace(SERVICE_NAME, s.name())).toList();
            return ServiceProcess.quarkus(s.name(), s.jar(options.projectRoot()), jvm, env,
                    options.dataDirectory().resolve("logs/" + s.name() + ".log"), port(s)).inOwnSession(ownSessions);
        });
    }

    /**
     * One more instance of a service, beside (or instead of) {@link #service}: the same database,
     * broker, keys and settings, its own port, log and instance id (AIEXPORTS_INSTANCE_ID, which
     * Kafka's static membership and the logs use), plus {@code extra} environment. Not started.
     */
    public ServiceProcess instance(Services.Service s, String instanceId, int port, Map<String, String> extra) {
        return instance(s, instanceId, port, extra, List.of());
    }

    /**
     * As {@link #instance(Services.Service, String, int, Map)}, with JVM options after the stack's own
     * (the last of a repeated option wins: {@code -Xmx128m} caps this instance's heap lower).
     */
    public ServiceProcess instance(Services.Service s, String instanceId, int port, Map<String, String> extra, List<String> jvmExtra) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", String.valueOf(port));
        env.putAll(databaseEnvironment(s));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        if (s == Services.NOTIFICATIONS) {
            env.putAll(webhookEnvironment());
        }
        env.putAll(extraEnvironment);
        env.put("AIEXPORTS_INSTANCE_ID", instanceId);
        env.put("AIEXPORTS_KAFKA_INSTANCE_ID", instanceId);
        env.putAll(extra);
        List<String> jvm = new ArrayList<>(options.serviceJvmOptions().stream().map(o -> o.replace(SERVICE_NAME, s.name())).toList());
        jvm.addAll(jvmExtra);
        return ServiceProcess.quarkus(instanceId, s.jar(options.projectRoot()), jvm, env,
                options.dataDirectory().resolve("logs/" + instanceId + ".log"), port);
    }

    /**
     * How a service reaches its database and signs its audit checkpoints: migrations as the owner,
     * the service as the role that may only append events, and the service's own Ed25519 key,
     * made on first start and kept in the data directory (.local-stack/keys for ./run).
     */
    public Map<String, String> databaseEnvironment(Services.Service s) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", postgres.jdbcUrl(s.database()));
        env.put("DATABASE_USER", postgres.appUserOf(s.database()));
        env.put("DATABASE_OWNER_USER", postgres.user());
        // the local server trusts local connections; Quarkus wants a password set all the same
        env.put("DATABASE_OWNER_PASSWORD", "trusted-locally");
        try {
            env.put("AIEXPORTS_AUDIT_SIGNING_KEY_FILE", gov.commerce.aiexports.testsupport.AuditSigningKeys.keptIn(
                    options.dataDirectory().resolve("keys/" + s.name() + "-audit-signing-key.pem")).toAbsolutePath().toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the audit signing key of " + s.name(), e);
        }
        return env;
    }

    /**
     * The notifications service's webhook settings here: internal destinations allowed on purpose
     * (receivers on the developer's machine; the service says so when it starts), and the key that
     * seals webhook secrets, made on first start and kept in the data directory.
     */
    public Map<String, String> webhookEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("WEBHOOKS_ALLOW_INTERNAL", "true");
        Path key = options.dataDirectory().resolve("keys/webhook-secrets.key");
        try {
            if (!Files.exists(key)) {
                Files.createDirectories(key.getParent());
                byte[] bytes = new byte[32];
                new java.security.SecureRandom().nextBytes(bytes);
                Files.writeString(key, java.util.Base64.getEncoder().encodeToString(bytes));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the webhook secrets key", e);
        }
        env.put("WEBHOOK_SECRETS_KEY_FILE", key.toAbsolutePath().toString());
        return env;
    }

    /** Starts the four services together and waits until each is ready. */
    public void startServices(Duration timeout) throws Exception {
        for (Services.Service s : Services.ALL) {
            if (!Files.exists(s.jar(options.projectRoot()))) {
                throw new IllegalStateException(s.jar(options.projectRoot()) + " is missing: build with ./mvnw -DskipTests install");
            }
            service(s).start();
        }
        for (Services.Service s : Services.ALL) {
            service(s).awaitReady(timeout);
        }
    }

    public int port(Services.Service s) {
        return options.servicePorts().get(s.name());
    }

    public String url(Services.Service s) {
        return "http://127.0.0.1:" + port(s);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + options.kafkaPort();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Stops PostgreSQL (fast shutdown: open connections are cut) and starts it again on the same port and data. */
    public synchronized void restartPostgres(Duration down) throws Exception {
        restartPostgres(down, postgresDurable());
    }

    /**
     * The same, with fsync, synchronous_commit and full_page_writes on or off from now on (a crash test
     * turns them on for the test stack, whose default is off).
     */
    public synchronized void restartPostgres(Duration down, boolean durable) throws Exception {
        postgres.close();
        Thread.sleep(down.toMillis());
        postgresDurable = durable;
        postgres = PostgresServer.start(options.postgresPort(), options.dataDirectory().resolve("postgres"), durable);
    }

    /** Whether PostgreSQL runs with fsync, synchronous_commit and full_page_writes on now. */
    public synchronized boolean postgresDurable() {
        return postgresDurable == null ? options.durable() : postgresDurable;
    }

    /**
     * A crash: SIGKILL of the postmaster and of every process it started, all at once (as the kernel's
     * OOM killer or a lost container does), with no checkpoint and no goodbye to any client; then, after
     * {@code down}, PostgreSQL starts again on the same data and recovers from its write-ahead log.
     *
     * @return how many PostgreSQL processes were killed
     */
    public synchronized int crashPostgres(Duration down) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(postgresDataDirectory().resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.descendants().forEach(all::add);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        // releases the data directory's lock; its pg_ctl stop finds no server and says so in the log
        postgres.close();
        Thread.sleep(down.toMillis());
        postgres = PostgresServer.start(options.postgresPort(), postgresDataDirectory(), postgresDurable());
        return all.size();
    }

    /** Where PostgreSQL keeps its data (its postmaster.pid names the server's process). */
    public Path postgresDataDirectory() {
        return options.dataDirectory().resolve("postgres");
    }

    /** The broker's process id when it runs in its own JVM, -1 when it runs in this one. */
    public long kafkaPid() {
        return kafkaProcess == null ? -1 : kafkaProcess.pid();
    }

    /** The in-process broker, for tests that stop and restart it. */
    public KafkaBroker kafka() {
        if (kafkaInProcess == null) {
            throw new IllegalStateException("the broker runs in its own process");
        }
        return kafkaInProcess;
    }

    /**
     * Stops what was started, in order: the services (together: each has its own shutdown, and
     * their consumers leave their groups while the broker is still there), then the broker, then
     * PostgreSQL. A second call does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ServiceProcess> running = new ArrayList<>(services.values()).stream().filter(ServiceProcess::isAlive).toList();
        if (!running.isEmpty()) {
            progress.accept("stopping " + String.join(", ", running.stream().map(ServiceProcess::name).toList()) + " ...");
            running.forEach(ServiceProcess::signalStop);
            for (ServiceProcess p : running) {
                try {
                    p.awaitStopped(Duration.ofSeconds(30));
                    progress.accept("  " + p.name() + " stopped (exit " + p.exitValue() + ")");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        try {
            if (kafkaProcess != null && kafkaProcess.isAlive()) {
                progress.accept("stopping Kafka ...");
                kafkaProcess.stop();
                progress.accept("  Kafka stopped (exit " + kafkaProcess.exitValue() + ")");
            }
            if (kafkaInProcess != null) {
                kafkaInProcess.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (postgres != null) {
                progress.accept("stopping PostgreSQL ...");
                postgres.close();
                progress.accept("  PostgreSQL stopped");
            }
        } catch (IOException e) {
            System.err.println("could not stop PostgreSQL cleanly: " + e);
        }
    }

    /**
     * A second Ctrl-C: SIGKILL to the services and the broker, an immediate shutdown (SIGQUIT) to
     * PostgreSQL, without waiting for an orderly stop under way. Consumers' groups then wait for
     * the members' sessions (or their restarts, which take their places at once).
     */
    public void forceStop() {
        services.values().forEach(ServiceProcess::forceStop);
        if (kafkaProcess != null) {
            kafkaProcess.forceStop();
        }
        try {
            Path pid = postgresDataDirectory().resolve("postmaster.pid");
            if (Files.exists(pid)) {
                String first = Files.readAllLines(pid).get(0).trim();
                new ProcessBuilder("kill", "-QUIT", first).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("could not stop PostgreSQL: " + e);
        }
    }
}
