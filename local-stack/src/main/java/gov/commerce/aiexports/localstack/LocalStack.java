package gov.commerce.aiexports.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run}: starts PostgreSQL, Kafka and the four services, prints their URLs, and stops
 * them all on Ctrl-C. {@code ./run infra} starts PostgreSQL and Kafka only and prints their
 * settings, for a service run with {@code ./mvnw quarkus:dev} (its %dev profile points at them).
 * {@code ./run token ROLE [ORG]} prints a token the local services accept.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", ".")).toAbsolutePath().normalize();
        Stack stack = new Stack(Stack.Options.local(root));
        if (args.length > 0 && args[0].equals("token")) {
            printToken(stack, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean infraOnly = args.length > 0 && args[0].equals("infra");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the services, Kafka and PostgreSQL ...");
            stack.close();
            System.out.println("stopped.");
            stopped.countDown();
        }));
        long started = System.nanoTime();
        System.out.println("starting PostgreSQL on 127.0.0.1:" + stack.options().postgresPort() + " and Kafka on "
                + stack.kafkaBootstrap() + " (data in " + stack.options().dataDirectory() + ")");
        stack.startInfrastructure();
        if (infraOnly) {
            printInfrastructure(stack);
            stopped.await();
            return;
        }
        System.out.println("starting the four services ...");
        stack.startServices(Duration.ofSeconds(120));
        System.out.printf("%nready in %.1f s:%n", (System.nanoTime() - started) / 1e9);
        for (Services.Service s : Services.ALL) {
            System.out.printf("  %-22s %s   (OpenAPI: %s/q/swagger-ui, log: %s)%n", s.name(), stack.url(s), stack.url(s),
                    stack.service(s).log());
        }
        // on purpose: receivers on the developer's machine are the point of a local stack; Compose and the images refuse them
        System.out.println("\nwebhooks may call internal addresses here (127.0.0.1, private networks: WEBHOOKS_ALLOW_INTERNAL=true), "
                + "for receivers on this machine; Compose and the images refuse them.");
        System.out.println("\nget a token with:  ./run token commerce-officer COMMERCE");
        System.out.println("press Ctrl-C to stop everything.");
        stopped.await();
    }

    /** What a service started by hand needs: the %dev profile of each service has exactly these defaults. */
    private static void printInfrastructure(Stack stack) throws Exception {
        System.out.println("\nPostgreSQL and Kafka are ready (no service started):");
        System.out.println("  KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrap());
        System.out.println("  DATABASE_OWNER_USER=" + stack.postgres().user() + "   (migrations; local connections are trusted, no password)");
        for (Services.Service s : Services.ALL) {
            System.out.printf("  %-22s DATABASE_URL=%s DATABASE_USER=%s%n", s.name(), stack.postgres().jdbcUrl(s.database()),
                    stack.postgres().appUserOf(s.database()));
        }
        System.out.println("  MP_JWT_VERIFY_PUBLICKEY_LOCATION=" + stack.options().dataDirectory().resolve("keys/jwt-public.pem"));
        System.out.println("\nrun a service in dev mode (live reload) against them, e.g.:");
        System.out.println("  ./mvnw quarkus:dev -pl proposals-service");
        System.out.println("get a token with:  ./run token commerce-officer COMMERCE");
        System.out.println("press Ctrl-C to stop PostgreSQL and Kafka.");
    }

    private static void printToken(Stack stack, String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ./run token ROLE [ORG] [SUBJECT]   e.g. ./run token applicant ACME12345678");
            System.exit(2);
        }
        String role = args[0];
        String org = args.length > 1 ? args[1] : defaultOrg(role);
        String subject = args.length > 2 ? args[2] : role + "@" + org.toLowerCase();
        System.out.println(stack.tokens().mint(subject, org, List.of(role), 8 * 3600));
    }

    private static String defaultOrg(String role) {
        return switch (role) {
            case "commerce-officer" -> "COMMERCE";
            case "edag-coordinator" -> "EDAG";
            case "financing-officer" -> "EXIM";
            case "agency-reviewer" -> "STATE";
            case "auditor", "operator" -> "COMMERCE";
            default -> "APPLICANT0001";
        };
    }
}
