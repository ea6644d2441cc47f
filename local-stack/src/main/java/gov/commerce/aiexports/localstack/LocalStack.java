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

    /** Set by the first INT or TERM: from then on the launcher stops, and restarts nothing. */
    private static volatile boolean stopping;
    private static final java.util.concurrent.atomic.AtomicInteger SIGNALS = new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("aiexports.root", ".")).toAbsolutePath().normalize();
        if (args.length > 0 && args[0].equals("token")) {
            printToken(new Stack(Stack.Options.local(root)), Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean infraOnly = args.length > 0 && args[0].equals("infra");
        Stack stack = new Stack(Stack.Options.local(root)).detached(System.out::println);
        onStopSignals(stack);
        // any other end of this JVM (a HUP, an error) stops the children too, in the same order
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        stopLeftovers(stack);
        if (!ServiceProcess.canDetach()) {
            System.out.println("(no setsid here: the children share this terminal's process group, and Ctrl-C reaches them too)");
        }
        try {
            start(stack, infraOnly);
        } catch (Exception e) {
            if (!stopping) {
                throw e;
            }
            // a stop signal came during the start: the stop under way reports and ends the JVM
        }
        new CountDownLatch(1).await();
    }

    private static void start(Stack stack, boolean infraOnly) throws Exception {
        long started = System.nanoTime();
        System.out.println("starting PostgreSQL on 127.0.0.1:" + stack.options().postgresPort() + " and Kafka on "
                + stack.kafkaBootstrap() + " (data in " + stack.options().dataDirectory() + ")");
        stack.startInfrastructure();
        if (infraOnly) {
            printInfrastructure(stack);
            return;
        }
        System.out.println("starting the four services ...");
        stack.startServices(Duration.ofSeconds(180));
        awaitConsuming(stack, Services.ALL);
        if (stopping) {
            return;
        }
        System.out.printf("%nready in %.1f s: each service accepts commands and its consumer holds its partitions%n",
                (System.nanoTime() - started) / 1e9);
        for (Services.Service s : Services.ALL) {
            System.out.printf("  %-22s %s   (OpenAPI: %s/q/swagger-ui, log: %s)%n", s.name(), stack.url(s), stack.url(s),
                    stack.service(s).log());
        }
        // on purpose: receivers on the developer's machine are the point of a local stack; Compose and the images refuse them
        System.out.println("\nwebhooks may call internal addresses here (127.0.0.1, private networks: WEBHOOKS_ALLOW_INTERNAL=true), "
                + "for receivers on this machine; Compose and the images refuse them.");
        System.out.println("\nget a token with:  ./run token commerce-officer COMMERCE");
        System.out.println("press Ctrl-C to stop everything (in order; Ctrl-C again forces).");
        for (Services.Service s : Services.ALL) {
            supervise(stack, s, new long[] {System.nanoTime(), 0});
        }
    }

    /**
     * What a launcher killed uncleanly (kill -9) left running: its children live on in their own
     * sessions, holding the ports and the data. They are recognised by their command line (this
     * stack's copy of the builds) and stopped, services first, before anything starts; PostgreSQL by
     * its postmaster.pid, with a fast shutdown. Another ./run still running on the same directory is
     * not touched: this one refuses to start instead.
     */
    private static void stopLeftovers(Stack stack) throws Exception {
        String apps = System.getProperty("aiexports.apps");
        if (apps == null) {
            return;
        }
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && p.info().commandLine().orElse("").contains(apps + "/"))
                .toList();
        for (ProcessHandle p : leftovers) {
            ProcessHandle parent = p.parent().orElse(null);
            if (parent != null && parent.pid() != self && parent.info().commandLine().orElse("").contains(LocalStack.class.getName())) {
                System.out.println("another ./run (pid " + parent.pid() + ") runs on " + stack.options().dataDirectory()
                        + ": stop it first, or give this one its own RUN_DIR and ports");
                System.exit(1);
            }
        }
        // the services before the broker, as a stop in order would
        List<ProcessHandle> ordered = new java.util.ArrayList<>(leftovers);
        ordered.sort(java.util.Comparator.comparing(p -> p.info().commandLine().orElse("").contains("kafka.Kafka")));
        for (ProcessHandle p : ordered) {
            String command = p.info().commandLine().orElse("");
            String name = command.contains("kafka.Kafka") ? "Kafka" : Services.ALL.stream().map(Services.Service::name)
                    .filter(n -> command.contains("/" + n + "/")).findFirst().orElse("a service");
            System.out.println("a previous ./run stopped uncleanly and left " + name + " (pid " + p.pid() + ") running: stopping it");
            p.destroy();
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
        Path pidFile = stack.postgresDataDirectory().resolve("postmaster.pid");
        if (java.nio.file.Files.exists(pidFile)) {
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            java.util.Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"));
            if (postmaster.isPresent()) {
                System.out.println("a previous ./run left PostgreSQL (pid " + pid + ") running: stopping it");
                new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
                postmaster.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /**
     * INT (Ctrl-C) and TERM: the first stops the stack in order on a thread of its own (services,
     * broker, PostgreSQL: {@link Stack#close()}); a second one forces (SIGKILL, PostgreSQL's
     * immediate shutdown). The children run in sessions of their own, so only this process hears them.
     */
    @SuppressWarnings("restriction")
    private static void onStopSignals(Stack stack) {
        sun.misc.SignalHandler handler = signal -> {
            if (SIGNALS.incrementAndGet() == 1) {
                stopping = true;
                System.out.println("\n" + signal.getName() + ": stopping in order: the services, then Kafka, then PostgreSQL"
                        + " (Ctrl-C again to force) ...");
                Thread stop = new Thread(() -> {
                    stack.close();
                    System.out.println("stopped.");
                    System.exit(128 + signal.getNumber());
                }, "stop");
                stop.start();
            } else {
                System.out.println("\n" + signal.getName() + " again: forcing (SIGKILL to the services and Kafka, immediate shutdown of PostgreSQL)");
                stack.forceStop();
                Runtime.getRuntime().halt(128 + signal.getNumber());
            }
        };
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
    }

    /**
     * Waits until each service's consumer holds its partitions (/q/health/group/consumers): a
     * service that accepts commands may still consume nothing, e.g. while its group's coordinator
     * waits for a predecessor that stopped uncleanly. Says what it waits for every few seconds.
     */
    private static void awaitConsuming(Stack stack, List<Services.Service> services) throws InterruptedException {
        long started = System.nanoTime();
        long lastSaid = started;
        while (!stopping) {
            java.util.Map<String, String> waiting = new java.util.LinkedHashMap<>();
            for (Services.Service s : services) {
                stack.service(s).consumingProblem().ifPresent(problem -> waiting.put(s.name(), problem));
            }
            if (waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastSaid > 5_000_000_000L) {
                lastSaid = now;
                System.out.printf("accepting commands, not ready yet: waiting %.0f s for consumers to hold their partitions: %s%n",
                        (now - started) / 1e9, waiting);
            }
            Thread.sleep(200);
        }
    }

    /**
     * As Compose's {@code restart: unless-stopped}: a service that ends while the stack runs is
     * started again, and said ready again once its consumer holds its partitions. One that keeps
     * dying within a minute of its start is left down after three tries.
     */
    private static void supervise(Stack stack, Services.Service s, long[] startedAndQuickDeaths) {
        ServiceProcess p = stack.service(s);
        p.onExit().thenRunAsync(() -> {
            if (stopping) {
                return;
            }
            boolean quick = System.nanoTime() - startedAndQuickDeaths[0] < 60_000_000_000L;
            long quickDeaths = quick ? startedAndQuickDeaths[1] + 1 : 0;
            if (quickDeaths >= 3) {
                System.out.printf("%s exited (%d) three times within a minute of its start: left down; see %s%n", s.name(),
                        p.exitValue(), p.log());
                return;
            }
            System.out.printf("%s exited (%d); starting it again ...%n", s.name(), p.exitValue());
            long restarted = System.nanoTime();
            try {
                // under the stack's lock, which its stop holds: no service is started behind a stop under way
                synchronized (stack) {
                    if (stopping) {
                        return;
                    }
                    p.start();
                }
                p.awaitReady(Duration.ofSeconds(120));
                awaitConsuming(stack, List.of(s));
                if (!stopping) {
                    System.out.printf("%s ready again in %.1f s: it accepts commands and its consumer holds its partitions%n", s.name(),
                            (System.nanoTime() - restarted) / 1e9);
                }
            } catch (Exception e) {
                if (!stopping) {
                    System.out.println(s.name() + " did not start again: " + e.getMessage());
                }
            }
            if (!stopping) {
                supervise(stack, s, new long[] {restarted, quickDeaths});
            }
        }, SUPERVISOR);
    }

    /** Restarts wait for readiness: on threads of their own, not the common pool's (one thread on two cores). */
    private static final java.util.concurrent.ExecutorService SUPERVISOR = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "supervisor");
        t.setDaemon(true);
        return t;
    });

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
        System.out.println("press Ctrl-C to stop Kafka and PostgreSQL (in that order; Ctrl-C again forces).");
    }

    private static void printToken(Stack stack, String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ./run token ROLE[,ROLE] [ORG] [SUBJECT]   e.g. ./run token applicant ACME12345678");
            System.exit(2);
        }
        // several roles comma-separated, e.g. an agency's lead: agency-reviewer,agency-lead
        List<String> roles = List.of(args[0].split(","));
        String role = roles.get(0);
        String org = args.length > 1 ? args[1] : defaultOrg(role);
        String subject = args.length > 2 ? args[2] : role + "@" + org.toLowerCase();
        System.out.println(stack.tokens().mint(subject, org, roles, 8 * 3600));
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
