package gov.commerce.aiexports.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For a service's @QuarkusTest: a real PostgreSQL with the service's own database, a real Kafka
 * broker, and the token key. Both servers live once per test JVM and are shared by its tests.
 * Declare with {@code @QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))}.
 * With {@code @ResourceArg(name = "kafka", value = "no-auto-create")} the service gets a second
 * broker of its own that creates no topic by itself ({@code auto.create.topics.enable=false}).
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";
    private boolean strictKafka;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        strictKafka = "no-auto-create".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        try {
            TestInfrastructure infra = TestInfrastructure.get();
            infra.postgres().createDatabase(database);
            return Map.ofEntries(
                    Map.entry("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database)),
                    // as in production: migrations as the owner, the service as its database's own role that may only append events
                    Map.entry("quarkus.datasource.username", infra.postgres().appUserOf(database)),
                    Map.entry("quarkus.datasource.password", ""),
                    Map.entry("quarkus.flyway.username", infra.postgres().user()),
                    // any non-empty value: the server trusts local connections, and Quarkus needs both settings
                    Map.entry("quarkus.flyway.password", "trusted-locally"),
                    Map.entry("aiexports.audit.signing-key", infra.auditSigningKey()),
                    Map.entry("kafka.bootstrap.servers", (strictKafka ? infra.kafkaWithoutAutoCreate() : infra.kafka()).bootstrapServers()),
                    Map.entry("mp.jwt.verify.publickey", infra.tokens().publicKeyBase64()),
                    Map.entry("mp.jwt.verify.issuer", Tokens.ISSUER));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test infrastructure", e);
        }
    }

    @Override
    public void stop() {
        // shared by the JVM's tests; stopped by the JVM's shutdown hook
    }

    /** The JVM-wide servers and token key. */
    public static final class TestInfrastructure {
        private static TestInfrastructure instance;

        private final PostgresServer postgres;
        private final KafkaBroker kafka;
        private final Tokens tokens;
        private final String auditSigningKey = AuditSigningKeys.generateBase64();
        private final Path dir;
        private KafkaBroker kafkaWithoutAutoCreate;

        private TestInfrastructure(PostgresServer postgres, KafkaBroker kafka, Tokens tokens, Path dir) {
            this.postgres = postgres;
            this.kafka = kafka;
            this.tokens = tokens;
            this.dir = dir;
        }

        public static synchronized TestInfrastructure get() throws Exception {
            if (instance == null) {
                Path dir = Files.createTempDirectory("aiexports-test");
                PostgresServer pg = PostgresServer.start(FreePorts.next(), null, false);
                KafkaBroker kafka = KafkaBroker.start(FreePorts.next(), dir.resolve("kafka"));
                instance = new TestInfrastructure(pg, kafka, Tokens.generate(), dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        kafka.close();
                        pg.close();
                    } catch (Exception ignored) {
                        // the JVM is ending
                    }
                }));
            }
            return instance;
        }

        public PostgresServer postgres() {
            return postgres;
        }

        public KafkaBroker kafka() {
            return kafka;
        }

        /** A second broker, started on first use, with {@code auto.create.topics.enable=false}. */
        public synchronized KafkaBroker kafkaWithoutAutoCreate() throws Exception {
            if (kafkaWithoutAutoCreate == null) {
                KafkaBroker strict = KafkaBroker.start(FreePorts.next(), dir.resolve("kafka-no-auto-create"), false);
                Runtime.getRuntime().addShutdownHook(new Thread(strict::close));
                kafkaWithoutAutoCreate = strict;
            }
            return kafkaWithoutAutoCreate;
        }

        public Tokens tokens() {
            return tokens;
        }

        /** The services' audit checkpoint key in this JVM: PKCS#8, base64. */
        public String auditSigningKey() {
            return auditSigningKey;
        }
    }
}
