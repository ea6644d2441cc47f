package gov.commerce.aiexports.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.localstack.ServiceProcess;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import gov.commerce.aiexports.testsupport.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./bench}: starts the real stack (embedded PostgreSQL with fsync on, a Kafka broker, the
 * four packaged services as processes) and measures, in one run, each figure beside a baseline
 * taken in the same run on the same database: intake throughput and latency, propagation latency
 * between services, read-model replay speed, startup and footprint, and growth of append and load
 * times with the size of the store. Prints a table; writes JSON, Markdown and a PNG chart.
 */
public final class Benchmark {

    /** Sizes of one run: {@code --quick} while developing, the full run as issue 8 specifies. */
    record Sizes(String name, Duration intake, Duration baseline, Duration paced, Duration propagation, int designations,
            int replayEvents, int growthSamples, int[] capacityRates, Duration capacityStep, Duration capacityWarmUp) {

        static Sizes full() {
            return new Sizes("full", Duration.ofSeconds(20), Duration.ofSeconds(8), Duration.ofSeconds(30), Duration.ofSeconds(40),
                    100, 1_000_000, 400, new int[] {10, 20, 40, 80, 160, 320}, Duration.ofSeconds(30),
                    Duration.ofSeconds(240));
        }

        /** The capacity ladder's rates instead of the default ({@code --rates=10,20,...}). */
        Sizes withCapacityRates(int[] rates) {
            return new Sizes(name, intake, baseline, paced, propagation, designations, replayEvents, growthSamples, rates,
                    capacityStep, capacityWarmUp);
        }

        /** The capacity section's warm-up instead of the default ({@code --warm-up=SECONDS}). */
        Sizes withCapacityWarmUp(Duration warmUp) {
            return new Sizes(name, intake, baseline, paced, propagation, designations, replayEvents, growthSamples, capacityRates,
                    capacityStep, warmUp);
        }

        static Sizes quick() {
            return new Sizes("quick", Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(8),
                    10, 50_000, 60, new int[] {10, 20}, Duration.ofSeconds(5), Duration.ZERO);
        }
    }

    private static final int[] CONCURRENCY = {1, 4, 16, 64};
    /** Issue 8's steady load; {@code --rate=N} measures propagation at another one. */
    private static int SUBMISSIONS_PER_SECOND = 100;
    /** {@code --profile}: each service records a JFR profile, written to benchmarks/target/jfr/SERVICE.jfr when it stops. */
    private static boolean PROFILE = false;
    /** {@code --c1}: the services run as ./run starts them (C1 only), to compare with the production JVM. */
    private static boolean C1_ONLY = false;
    private static final int SMALL_STORE = 10_000;
    private static final String PROJECTION = "consortium-projection";
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final Sizes sizes;
    private final Set<String> sections;
    private final Path root;
    private final Report report = new Report();
    /** Failed steps and quiescing per section: a section with failed steps holds no target. */
    private final SectionHealth health = new SectionHealth();
    private Stack stack;
    private Api api;
    private String callId;
    private final List<String> clientUeis = new ArrayList<>();
    private final List<String> clientConsortia = new ArrayList<>();
    /** The next bulk consortium number (bulk-N), so each bulk insert adds new aggregates. */
    private int nextBulk = 1;

    private Benchmark(Sizes sizes, Set<String> sections, Path root) {
        this.sizes = sizes;
        this.sections = sections;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Sizes sizes = Sizes.full();
        Set<String> sections = new LinkedHashSet<>(List.of("intake", "propagation", "capacity", "replay", "growth"));
        Duration warmUp = null;
        int[] rates = null;
        for (String a : args) {
            if (a.equals("--quick")) {
                sizes = Sizes.quick();
            } else if (a.startsWith("--rate=")) {
                SUBMISSIONS_PER_SECOND = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("--rates=") && a.substring(8).matches("[1-9][0-9]*(,[1-9][0-9]*)*")) {
                rates = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
                if (!Arrays.equals(rates, Arrays.stream(rates).sorted().distinct().toArray())) {
                    System.err.println("--rates: rising rates, each higher than the one before (the ladder stops at its first failed step)");
                    System.exit(2);
                }
            } else if (a.startsWith("--warm-up=")) {
                warmUp = Duration.ofSeconds(Integer.parseInt(a.substring(10)));
            } else if (a.equals("--c1")) {
                C1_ONLY = true;
            } else if (a.equals("--profile")) {
                PROFILE = true;
            } else if (a.startsWith("--only=")) {
                sections = new LinkedHashSet<>(Arrays.asList(a.substring(7).split(",")));
            } else {
                System.err.println("usage: ./bench [--quick] [--only=intake,propagation,capacity,replay,growth] [--rate=SUBMISSIONS_PER_SECOND]"
                        + " [--profile] [--c1] [--warm-up=SECONDS] [--rates=R1,R2,...]");
                System.exit(2);
            }
        }
        if (warmUp != null) {
            sizes = sizes.withCapacityWarmUp(warmUp);
        }
        if (rates != null) {
            sizes = sizes.withCapacityRates(rates);
        }
        Path root = Path.of(System.getProperty("aiexports.root", ".")).toAbsolutePath().normalize();
        new Benchmark(sizes, sections, root).run();
        // the HTTP client's and Kafka's threads must not keep the JVM alive
        System.exit(0);
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        Path target = root.resolve("benchmarks/target");
        Path data = target.resolve("bench-stack");
        deleteRecursively(data);
        Map<String, Integer> ports = new LinkedHashMap<>();
        Services.ALL.forEach(s -> ports.put(s.name(), FreePorts.next()));
        // the services run as a production JVM would (the Dockerfiles): C2 included, which ./run leaves out to start faster
        List<String> jvm = new ArrayList<>(C1_ONLY ? ServiceProcess.QUICK_START : ServiceProcess.FULLY_COMPILED);
        if (PROFILE) {
            Files.createDirectories(target.resolve("jfr"));
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + target.resolve("jfr").toAbsolutePath() + "/" + Stack.SERVICE_NAME + ".jfr");
            System.setProperty(gov.commerce.aiexports.testsupport.PostgresServer.STATEMENT_STATISTICS, "true");
        }
        // the broker in its own JVM, so that its CPU time is its own and not the load generator's
        stack = new Stack(new Stack.Options(root, data, FreePorts.next(), FreePorts.pair(), ports, true, false, List.copyOf(jvm)));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        report.put("run", Map.of("sizes", sizes.name(), "startedAt", Instant.now().toString(),
                "cores", Runtime.getRuntime().availableProcessors(), "fsync", true, "sections", sections));
        try {
            System.out.printf("== %s benchmark: PostgreSQL (fsync on), Kafka and the four services; data in %s%n", sizes.name(), data);
            stack.startInfrastructure();
            api = new Api(stack);
            health.enter("startup");
            startup();
            health.enter("set-up");
            setUp();
            if (sections.contains("growth")) {
                health.enter("growth");
                growth("small", SMALL_STORE);
            }
            if (sections.contains("intake")) {
                health.enter("intake");
                intake();
            }
            if (sections.contains("propagation")) {
                health.enter("propagation");
                propagation();
            }
            if (sections.contains("capacity")) {
                health.enter("capacity");
                capacity();
            }
            if (sections.contains("replay") || sections.contains("growth")) {
                health.enter("replay");
                replay();
            }
            if (sections.contains("growth")) {
                health.enter("growth");
                growth("large", sizes.replayEvents());
                growthVerdict();
            }
            health.enter("footprint");
            footprint();
        } catch (Exception | Error e) {
            // the run stops here; the table still says which section it stopped in
            health.failed(e);
            System.out.printf("!! the run stopped in section %s: %s%n", health.current(), e);
            throw e;
        } finally {
            double minutes = (System.nanoTime() - began) / 60e9;
            report.put("durationMinutes", Report.round(minutes));
            report.settle(health);
            report.printTable();
            Path json = target.resolve("bench-results.json");
            Path png = target.resolve("bench-results.png");
            report.write(json, target.resolve("bench-results.md"));
            Chart.draw(report, "AI Exports backend, " + sizes.name() + " benchmark, " + Runtime.getRuntime().availableProcessors()
                    + " cores, fsync on (" + java.time.LocalDate.now() + ")", png);
            System.out.printf("%nwrote %s, %s and %s (run took %.1f min)%n", json, png, target.resolve("bench-results.md"), minutes);
            stack.close();
        }
    }

    // ---------------------------------------------------------------- startup and footprint

    private final Map<String, Map<String, Object>> footprint = new LinkedHashMap<>();

    /** Starts the services one after the other, so each one's time to ready is its own. */
    private void startup() throws Exception {
        System.out.println("-- startup: each service alone, time to ready and resident memory");
        for (Services.Service s : Services.ALL) {
            if (!Files.exists(s.jar(root))) {
                throw new IllegalStateException(s.jar(root) + " is missing: build with ./mvnw -DskipTests install");
            }
            long t0 = System.nanoTime();
            ServiceProcess p = stack.service(s).start();
            p.awaitReady(Duration.ofSeconds(180));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rss = rssMegabytes(p.pid());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("readySeconds", Report.round(seconds));
            m.put("rssMbAtReady", rss);
            footprint.put(s.name(), m);
            report.row("startup", s.name() + " ready", String.format("%.1f s, %d MB RSS", seconds, rss), "", "", null);
        }
        report.put("footprint", footprint);
    }

    private void footprint() {
        System.out.println("-- footprint after the load");
        for (Services.Service s : Services.ALL) {
            long rss = rssMegabytes(stack.service(s).pid());
            footprint.get(s.name()).put("rssMbAfterLoad", rss);
            report.row("footprint", s.name() + " RSS after load", rss + " MB", "", C1_ONLY ? "heap capped at 256 MB"
                    : "heap capped at 576 MB (the images' 75% of 768 MB)", null);
        }
    }

    private static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux or gone
        }
        return -1;
    }

    // ---------------------------------------------------------------- set-up

    /** One published call and 64 applicants with a consortium each; an unrecorded warm-up of the JIT. */
    private void setUp() throws Exception {
        System.out.println("-- set-up: a call, 64 applicants with consortia, warm-up");
        callId = api.publishedCall();
        parallel(64, 8, i -> {
            String uei = Api.newUei();
            synchronized (clientUeis) {
                clientUeis.add(uei);
                clientConsortia.add(api.consortium(uei));
            }
        });
        for (String uei : clientUeis) {
            api.token(uei, "applicant");
        }
        // the optimising compiler needs some tens of seconds of load on 2 cores before its code is in place
        health.add(Load.closed(4, Duration.ofSeconds(sizes.name().equals("quick") ? 3 : C1_ONLY ? 8 : 45), this::draftAndSubmit));
        quiesce();
        // and the designations' path (review, incentives, notifications), which the submissions above do not take: the
        // propagation section measures steady hops, not a designation's first run through code not yet compiled
        if (!sizes.name().equals("quick") && (sections.contains("propagation") || sections.contains("capacity"))) {
            System.out.println("   warming the designations' path: 20 submissions/s for 20 s, 20 designations, not measured");
            measure(20, Duration.ofSeconds(20), 20);
        }
    }

    /** One intake step: a draft then its submission, two commands. */
    private int draftAndSubmit(int client, long intended, Latencies latencies) {
        String uei = clientUeis.get(client % clientUeis.size());
        String consortium = clientConsortia.get(client % clientConsortia.size());
        long t0 = System.nanoTime();
        String id = api.draft(callId, consortium, uei).text("id");
        long t1 = System.nanoTime();
        api.submit(id, uei);
        long t2 = System.nanoTime();
        latencies.add(t1 - intended);
        latencies.add(t2 - t1);
        return 2;
    }

    // ---------------------------------------------------------------- 1. intake

    private void intake() throws Exception {
        System.out.println("-- intake: proposals drafted and submitted over HTTP vs single-row INSERT commits, same PostgreSQL");
        stack.postgres().createDatabase("bench_scratch");
        try (Connection c = stack.postgres().connect("bench_scratch"); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_insert (id bigserial primary key, client int not null, "
                    + "at timestamptz not null default now(), payload text not null)");
        }
        String payload = "x".repeat(300);
        List<Map<String, Object>> levels = new ArrayList<>();
        double peak = 0;
        for (int clients : CONCURRENCY) {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Connection c = stack.postgres().connect("bench_scratch");
                c.setAutoCommit(true);
                connections.add(c);
            }
            Load.Result baseline;
            try {
                baseline = Load.closed(clients, sizes.baseline(), (client, intended, lat) -> {
                    try (PreparedStatement ps = connections.get(client).prepareStatement(
                            "insert into bench_insert (client, payload) values (?, ?)")) {
                        ps.setInt(1, client);
                        ps.setString(2, payload);
                        long t0 = System.nanoTime();
                        ps.executeUpdate();
                        lat.add(System.nanoTime() - t0);
                    }
                    return 1;
                });
            } finally {
                for (Connection c : connections) {
                    c.close();
                }
            }
            health.add(baseline);
            // at 16 clients, a second baseline: the cheapest call of the API (an applicant reads the call: token, role, its
            // document and version, JSON; no write), from the same client on the same cores: what HTTP leaves to a command
            Load.Result read = null;
            if (clients == 16) {
                read = Load.closed(clients, sizes.baseline(), (client, intended, lat) -> {
                    long t0 = System.nanoTime();
                    api.get(Services.PROPOSALS, "/calls/" + callId, clientUeis.get(client % clientUeis.size()), "applicant")
                            .expect(200);
                    lat.add(System.nanoTime() - t0);
                    return 1;
                });
                health.add(read);
            }
            CpuMeter cpu = cpuMeter();
            statementStatistics(false);
            Map<String, Double> cpuBefore = cpu.sample();
            Load.Result http = Load.closed(clients, sizes.intake(), this::draftAndSubmit);
            Map<String, Double> cpuAfterLoad = cpu.sample();
            if (clients == 16) {
                statementStatistics(true, "intake-16");
            }
            health.add(http);
            quiesce();
            // per command, by process: while the clients ran, and while the run waited for the system to settle (the
            // services catching up, and quiesce()'s own polling of the databases)
            Map<String, Double> cpuDuringLoad = CpuMeter.perUnit(cpuBefore, cpuAfterLoad, http.commands());
            Map<String, Double> cpuAfterwards = CpuMeter.perUnit(cpuAfterLoad, cpu.sample(), http.commands());
            double ratio = http.rate() / baseline.rate();
            peak = Math.max(peak, http.rate());
            Latencies.Summary s = http.latencies().summary();
            report.throughput.add(new Report.Throughput(clients, http.rate(), baseline.rate()));
            report.latencies.put("intake c=" + clients, s);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("clients", clients);
            level.put("commandsPerSecond", Report.round(http.rate()));
            level.put("commands", http.commands());
            level.put("errors", http.errors());
            level.put("timeouts", http.timeouts());
            level.put("latency", s.json());
            level.put("baselineInsertsPerSecond", Report.round(baseline.rate()));
            level.put("baselineLatency", baseline.latencies().summary().json());
            level.put("ratioToBaseline", Report.round(ratio));
            if (read != null) {
                level.put("baselineHttpReadsPerSecond", Report.round(read.rate()));
                level.put("baselineHttpReadLatency", read.latencies().summary().json());
                level.put("ratioToHttpRead", Report.round(http.rate() / read.rate()));
            }
            level.put("cpuMsPerCommandDuringLoad", cpuDuringLoad);
            level.put("cpuMsPerCommandCatchingUp", cpuAfterwards);
            levels.add(level);
            report.row("intake", clients + " clients: commands/s, " + "p50/p95/p99",
                    String.format("%s cmd/s, %s", Report.fmt(http.rate()), s),
                    String.format("%s INSERT/s (ratio %.2f)", Report.fmt(baseline.rate()), ratio),
                    clients == 16 ? "ratio >= 0.5" : "", clients == 16 ? ratio >= 0.5 : null);
            if (read != null) {
                report.row("intake", clients + " clients: GET /calls/{id} (the API's cheapest authenticated read) over HTTP",
                        String.format("%s reads/s, %s", Report.fmt(read.rate()), read.latencies().summary()),
                        String.format("commands/s / reads/s: %.2f", http.rate() / read.rate()), "", null);
            }
            report.row("intake", clients + " clients: CPU ms per command by process, during the load / catching up after it",
                    cpuDuringLoad + " / " + cpuAfterwards, "", "", null);
        }
        // open loop at half the peak: latency counted from each command's scheduled start
        double halfPeak = peak / 2;
        Load.Result paced = Load.paced(halfPeak / 2, sizes.paced(), 64, this::draftAndSubmit);
        health.add(paced);
        quiesce();
        Latencies.Summary ps = paced.latencies().summary();
        report.latencies.put("paced half-peak", ps);
        report.row("intake", String.format("paced at half the peak (%s cmd/s)", Report.fmt(halfPeak)),
                String.format("%s cmd/s achieved, %s", Report.fmt(paced.rate()), ps), "", "p99 < 50 ms", ps.p99() < 50);
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("levels", levels);
        intake.put("peakCommandsPerSecond", Report.round(peak));
        intake.put("paced", Map.of("targetCommandsPerSecond", Report.round(halfPeak), "achievedCommandsPerSecond",
                Report.round(paced.rate()), "errors", paced.errors(), "timeouts", paced.timeouts(), "latency", ps.json()));
        report.put("intake", intake);
    }

    // ---------------------------------------------------------------- 2. propagation

    private void propagation() throws Exception {
        int submissions = (int) (SUBMISSIONS_PER_SECOND * sizes.propagation().toSeconds());
        System.out.printf("-- propagation: %d submissions at %d/s, %d designations meanwhile%n", submissions, SUBMISSIONS_PER_SECOND,
                sizes.designations());
        Step step = measure(SUBMISSIONS_PER_SECOND, sizes.propagation(), sizes.designations());
        report.latencies.put("submission to-review", step.review());
        report.latencies.put("designation to-incentives", step.incentives());
        report.latencies.put("designation to-inbox", step.inbox());
        report.row("propagation", String.format("submissions at %d/s: achieved, submit latency", SUBMISSIONS_PER_SECOND),
                String.format("%s/s, %s", Report.fmt(step.achieved()), step.submit()), "", "", null);
        report.row("propagation", "submission 2xx -> review open (review-service)", step.review().toString(), "", "p99 < 250 ms",
                step.review().p99() < 250);
        report.row("propagation", "designation 2xx -> incentive requests", step.incentives().toString(), "", "p99 < 250 ms",
                step.incentives().p99() < 250);
        report.row("propagation", "designation 2xx -> inbox entry", step.inbox().toString(), "", "p99 < 250 ms",
                step.inbox().p99() < 250);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("submissionsPerSecondTarget", SUBMISSIONS_PER_SECOND);
        p.put("submissionsPerSecondAchieved", Report.round(step.achieved()));
        p.put("submitLatency", step.submit().json());
        p.put("submissionToReview", step.review().json());
        p.put("designations", step.designations());
        p.put("designationToIncentiveRequests", step.incentives().json());
        p.put("designationToInbox", step.inbox().json());
        p.put("negativeDifferencesClampedToZero", step.negative());
        p.put("cpuMsPerSubmission", step.cpuMsPerSubmission());
        p.put("errors", step.errors());
        p.put("timeouts", step.timeouts());
        report.put("propagation", p);
    }

    // ---------------------------------------------------------------- 2b. capacity

    /** A step passes when it achieves 95% of the offered rate (Verdicts.ACHIEVED_SHARE) with these tails (issue 14). */
    private static final double REVIEW_P99_MS = 500;
    private static final double INBOX_P99_MS = 1000;
    /** One designation for this many submissions. */
    private static final int SUBMISSIONS_PER_DESIGNATION = 20;

    /**
     * Full submissions (drafted beforehand by distinct applicants, then submitted at a steady rate)
     * at rising rates, one designation per twenty submissions meanwhile; the capacity is the highest
     * rate whose step passes. The ladder stops at its first failed step (the next ones would only
     * queue deeper); then steps halfway between the highest passing and the lowest failing rate
     * narrow the capacity down (Verdicts.refinedCapacityRate), so that a change worth a fifth shows.
     */
    private void capacity() throws Exception {
        System.out.printf("-- capacity: steady submissions at %s/s, %s each, one designation per %d%n",
                Arrays.toString(sizes.capacityRates()), sizes.capacityStep(), SUBMISSIONS_PER_DESIGNATION);
        List<Map<String, Object>> steps = new ArrayList<>();
        int capacity = 0;
        int lowestFailed = -1;
        Map<String, Double> cpuAtCapacity = Map.of();
        warmUp();
        statementStatistics(false);
        for (int rate : sizes.capacityRates()) {
            Step step = capacityStep(rate, steps);
            if (step == null) {
                lowestFailed = rate;
                break;
            }
            capacity = rate;
            cpuAtCapacity = step.cpuMsPerSubmission();
        }
        for (int rate = Verdicts.refinedCapacityRate(capacity, lowestFailed); rate > 0;
                rate = Verdicts.refinedCapacityRate(capacity, lowestFailed)) {
            Step step = capacityStep(rate, steps);
            if (step == null) {
                lowestFailed = rate;
            } else {
                capacity = rate;
                cpuAtCapacity = step.cpuMsPerSubmission();
            }
        }
        statementStatistics(true);
        health.enter("capacity");
        // judged by the highest passing step, which had no failed step (or by the whole section when none passed)
        report.row("capacity", capacity > 0 ? "capacity/" + capacity : "capacity", "sustained submissions/s (highest passing step)",
                capacity + "/s", "", "≥ 200/s", capacity >= 200);
        report.row("capacity", "CPU ms per submission at that rate, by process", cpuAtCapacity.toString(), "", "", null);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rule", "achieved >= 95% of offered, p99 submission->review < 500 ms, p99 designation->inbox < 1 s, no failed step");
        c.put("sustainedSubmissionsPerSecond", capacity);
        c.put("cpuMsPerSubmissionAtCapacity", cpuAtCapacity);
        c.put("steps", steps);
        report.put("capacity", c);
    }

    /**
     * A steady load at the ladder's second rate, neither reported nor judged (its failed steps count
     * in the section's): "sustained" means warm services. Without it the steps ran while the
     * optimising compilers of five JVMs took 25-70% of the services' CPU, still 30-40% four minutes
     * after the start (performance.md, "The compilers' share"). {@code --quick} has none: its figures
     * are a smoke test; {@code --warm-up=SECONDS} sets another length.
     */
    private void warmUp() throws Exception {
        if (sizes.capacityWarmUp().isZero()) {
            return;
        }
        int rate = sizes.capacityRates()[Math.min(1, sizes.capacityRates().length - 1)];
        System.out.printf("   warming up: %d/s for %s, not measured%n", rate, sizes.capacityWarmUp());
        health.enter("capacity/warm-up");
        measure(rate, sizes.capacityWarmUp(), designationsFor(rate, sizes.capacityWarmUp()));
        health.enter("capacity");
    }

    /** The designations offered beside {@code rate} submissions a second for {@code window}: one in twenty, at least one. */
    private static int designationsFor(int rate, Duration window) {
        return Math.max(1, (int) (rate * window.toSeconds() / SUBMISSIONS_PER_DESIGNATION));
    }

    /** One step of the capacity measure, reported; the step when it passed, null when it failed. */
    private Step capacityStep(int rate, List<Map<String, Object>> steps) throws Exception {
        int designations = designationsFor(rate, sizes.capacityStep());
        // each step counts its own failed steps: those of the step beyond the capacity fail that step, not the ones below
        health.enter("capacity/" + rate);
        Step step = measure(rate, sizes.capacityStep(), designations);
        // a step with failed submissions or designations does not pass, however fast the rest went
        boolean passed = Verdicts.capacityStepPasses(rate, step.achieved(), step.review().p99(), REVIEW_P99_MS,
                step.inbox().p99(), INBOX_P99_MS, step.errors(), step.timeouts());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", rate);
        m.put("achievedPerSecond", Report.round(step.achieved()));
        m.put("designations", step.designations());
        m.put("submitLatency", step.submit().json());
        m.put("submissionToReview", step.review().json());
        m.put("designationToIncentiveRequests", step.incentives().json());
        m.put("designationToInbox", step.inbox().json());
        m.put("cpuMsPerSubmission", step.cpuMsPerSubmission());
        m.put("errors", step.errors());
        m.put("timeouts", step.timeouts());
        m.put("passed", passed);
        steps.add(m);
        report.capacity.add(new Report.CapacityStep(rate, step.achieved(), step.review().p99(), step.incentives().p99(),
                step.inbox().p99(), passed));
        report.row("capacity", "capacity/" + rate, String.format("%d/s offered: achieved, p99 review / incentives / inbox", rate),
                String.format("%s/s, %.0f / %.0f / %.0f ms, CPU %.1f ms/submission%s", Report.fmt(step.achieved()),
                        step.review().p99(), step.incentives().p99(), step.inbox().p99(),
                        step.cpuMsPerSubmission().getOrDefault("total", -1.0),
                        step.errors() + step.timeouts() == 0 ? "" : String.format(", %d errors, %d time-outs", step.errors(),
                                step.timeouts())),
                "", "≥ 95% achieved, p99 review < 500 ms, inbox < 1 s, no failed step", passed);
        System.out.printf("   %d/s: %s%n", rate, passed ? "passed" : "failed");
        return passed ? step : null;
    }

    /**
     * With {@code --profile}: PostgreSQL's statements by total time over a section (pg_stat_statements, all
     * databases), written beside the services' JFR profiles as {@code postgresql-statements[-SECTION].tsv};
     * {@code write} false resets the counters.
     */
    private void statementStatistics(boolean write) throws Exception {
        statementStatistics(write, "");
    }

    private void statementStatistics(boolean write, String section) throws Exception {
        if (!PROFILE) {
            return;
        }
        try (Connection c = stack.postgres().connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            if (!write) {
                s.execute("select pg_stat_statements_reset()");
                return;
            }
            StringBuilder out = new StringBuilder("calls\ttotal ms\tmean ms\trows\tdatabase\tquery\n");
            try (ResultSet rs = s.executeQuery("select calls, total_exec_time, mean_exec_time, rows, d.datname, "
                    + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements p join pg_database d on d.oid = p.dbid "
                    + "order by total_exec_time desc limit 60")) {
                while (rs.next()) {
                    out.append(String.format("%d\t%.0f\t%.3f\t%d\t%s\t%s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                            rs.getLong(4), rs.getString(5), rs.getString(6)));
                }
            }
            Path file = root.resolve("benchmarks/target/jfr/postgresql-statements" + (section.isEmpty() ? "" : "-" + section) + ".tsv");
            Files.writeString(file, out);
            System.out.println("   PostgreSQL's statements by total time: " + file);
        }
    }

    /** One steady-load measurement: achieved rate, the three propagation hops, CPU per submission by process. */
    record Step(double achieved, Latencies.Summary submit, Latencies.Summary review, Latencies.Summary incentives,
            Latencies.Summary inbox, int designations, int negative, Map<String, Double> cpuMsPerSubmission, long errors,
            long timeouts) {
    }

    private CpuMeter cpuMeter() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Services.Service s : Services.ALL) {
            pids.put(s.name(), stack.service(s).pid());
        }
        pids.put("postgresql", CpuMeter.postmaster(stack.postgresDataDirectory()));
        pids.put("kafka", stack.kafkaPid());
        // the load's own client shares the same cores: what it spends is not the system's, but it is not free either
        pids.put(CpuMeter.CLIENT, ProcessHandle.current().pid());
        return new CpuMeter(pids);
    }

    private Step measure(int rate, Duration window, int designationCount) throws Exception {
        int submissions = (int) (rate * window.toSeconds());
        // designations need reviews open and assessed by STATE, the call's only required agency; each its own applicant
        record Designee(String uei, String proposalId, String reviewId) {
        }
        List<Designee> designees = java.util.Collections.synchronizedList(new ArrayList<>());
        parallel(designationCount, 8, i -> {
            String uei = Api.newUei();
            String consortium = api.consortium(uei);
            String proposal = api.draft(callId, consortium, uei).text("id");
            api.submit(proposal, uei);
            JsonNode review = await(() -> api.review(proposal), Duration.ofSeconds(60));
            api.assessAsState(review.path("id").asText());
            designees.add(new Designee(uei, proposal, review.path("id").asText()));
        });
        // drafts first, so the window's steady load is the submissions themselves
        String[] drafts = new String[submissions];
        String[] owners = new String[submissions];
        parallel(submissions, 16, i -> {
            owners[i] = clientUeis.get(i % clientUeis.size());
            drafts[i] = api.draft(callId, clientConsortia.get(i % clientConsortia.size()), owners[i]).text("id");
        });
        quiesce();

        CpuMeter cpu = cpuMeter();
        Map<String, Double> cpuBefore = cpu.sample();
        Instant[] submittedAt = new Instant[submissions];
        AtomicInteger nextSubmission = new AtomicInteger();
        Map<String, Instant> designatedAt = new ConcurrentHashMap<>();
        Map<String, Designee> byNumber = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong designationErrors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong designationTimeouts = new java.util.concurrent.atomic.AtomicLong();
        Thread designator = new Thread(() -> {
            long period = window.toNanos() / Math.max(1, designees.size());
            long start = System.nanoTime();
            for (int i = 0; i < designees.size(); i++) {
                long due = start + i * period + period / 2;
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                try {
                    Api.Answer a = api.designate(designees.get(i).reviewId());
                    String number = a.body().path("determination").path("designationNumber").asText();
                    designatedAt.put(number, a.receivedAt());
                    byNumber.put(number, designees.get(i));
                } catch (RuntimeException e) {
                    // counted, not dropped: the step's hops then lack this designation
                    (Verdicts.isTimeout(e) ? designationTimeouts : designationErrors).incrementAndGet();
                    health.failed(e);
                    System.out.printf("    !! designation %d failed: %s%n", i, e);
                }
            }
        }, "bench-designator");
        designator.start();
        Load.Result steady = Load.paced(rate, window, 32, (client, intended, lat) -> {
            int i = nextSubmission.getAndIncrement();
            if (i >= submissions) {
                return 0;
            }
            Api.Answer a = api.submit(drafts[i], owners[i]);
            lat.add(System.nanoTime() - intended);
            submittedAt[i] = a.receivedAt();
            return 1;
        });
        designator.join();
        health.add(steady);
        // the CPU the step caused: until every service has consumed its tail, before the probes below add their reads
        quiesce();
        Map<String, Double> cpuPerSubmission = CpuMeter.perUnit(cpuBefore, cpu.sample(), steady.commands());

        // review opened: its openedAt (stamped by review-service) minus the instant the submission's 2xx arrived
        Latencies toReview = new Latencies();
        AtomicInteger negative = new AtomicInteger();
        parallel(submissions, 8, i -> {
            if (submittedAt[i] == null) {
                return;
            }
            JsonNode review = await(() -> api.review(drafts[i]), Duration.ofSeconds(120));
            record(toReview, negative, submittedAt[i], Instant.parse(review.path("openedAt").asText()));
        });
        Latencies toIncentives = new Latencies();
        Latencies toInbox = new Latencies();
        Map<String, Long> incentiveNanos = new ConcurrentHashMap<>();
        parallel(designatedAt.size(), 8, i -> {
            String number = new ArrayList<>(designatedAt.keySet()).get(i);
            Instant at = designatedAt.get(number);
            JsonNode requests = await(() -> {
                JsonNode list = api.get(Services.INCENTIVES, "/incentive-requests?designation=" + number, "EDAG", "edag-coordinator")
                        .expect(200).body();
                return list.size() >= 2 ? list : null;
            }, Duration.ofSeconds(120));
            Instant last = Instant.MIN;
            for (JsonNode r : requests) {
                Instant opened = Instant.parse(r.path("openedAt").asText());
                last = opened.isAfter(last) ? opened : last;
            }
            incentiveNanos.put(number, record(toIncentives, negative, at, last));
            String subject = "Designated priority AI export package " + number;
            JsonNode entry = await(() -> {
                for (JsonNode item : api.get(Services.NOTIFICATIONS, "/inbox?size=200", byNumber.get(number).uei(), "applicant")
                        .expect(200).body().path("items")) {
                    if (subject.equals(item.path("subject").asText())) {
                        return item;
                    }
                }
                return null;
            }, Duration.ofSeconds(120));
            record(toInbox, negative, at, Instant.parse(entry.path("createdAt").asText()));
        });
        quiesce();
        printSlowest("designation -> incentive requests", incentiveNanos, designatedAt);
        return new Step(steady.rate(), steady.latencies().summary(), toReview.summary(), toIncentives.summary(), toInbox.summary(),
                designatedAt.size(), negative.get(), cpuPerSubmission, steady.errors() + designationErrors.get(),
                steady.timeouts() + designationTimeouts.get());
    }

    /** The slowest hops and which designations of the step they were (a tail of the first ones is a cold path, not a queue). */
    private static void printSlowest(String hop, Map<String, Long> nanos, Map<String, Instant> designatedAt) {
        List<String> inOrder = designatedAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        String slowest = nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> String.format("%.0f ms (designation %d of %d)", e.getValue() / 1e6, inOrder.indexOf(e.getKey()) + 1,
                        inOrder.size()))
                .collect(java.util.stream.Collectors.joining(", "));
        System.out.printf("   slowest %s: %s%n", hop, slowest.isEmpty() ? "none" : slowest);
    }

    /**
     * Latency from a client instant to a service's stamp, recorded and returned; the clocks are one, so a tiny negative
     * is a race of receipt (counted, recorded as 0).
     */
    private static long record(Latencies latencies, AtomicInteger negative, Instant from, Instant to) {
        long nanos = Duration.between(from, to).toNanos();
        if (nanos < 0) {
            negative.incrementAndGet();
            nanos = 0;
        }
        latencies.add(nanos);
        return nanos;
    }

    // ---------------------------------------------------------------- 3. replay

    /**
     * Stops proposals-service, appends the bulk events with SQL, moves its two tracking processors
     * (Kafka publisher: consortium events are not published; hash chain) past them, restarts it, then
     * times a plain JDBC read of the whole store and the replay of the consortium read model.
     */
    private void replay() throws Exception {
        int events = sizes.replayEvents();
        System.out.printf("-- replay: %,d bulk consortium events appended, then JDBC read vs projection replay%n", events);
        ServiceProcess proposals = stack.service(Services.PROPOSALS);
        long head = head("proposals");
        awaitTokens("proposals", head, Duration.ofSeconds(120));
        proposals.stop();
        long t0 = System.nanoTime();
        insertBulk(events);
        double insertSeconds = (System.nanoTime() - t0) / 1e9;
        long newHead = head("proposals");
        advanceTokens("proposals", newHead);
        long t1 = System.nanoTime();
        proposals.start().awaitReady(Duration.ofSeconds(300));
        double restart = (System.nanoTime() - t1) / 1e9;
        long stored = count("proposals");
        report.row("startup", String.format("proposals-service ready with %,d events", stored), String.format("%.1f s", restart),
                "", "", null);

        // the baseline: every row of the store, every column, in order, from plain JDBC (best of two, warm cache)
        double rawRate = 0;
        long rawRows = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            long r0 = System.nanoTime();
            rawRows = rawRead();
            rawRate = Math.max(rawRate, rawRows / ((System.nanoTime() - r0) / 1e9));
        }
        statementStatistics(false, "replay");
        Map<String, Object> result = replayProjection(Duration.ofMinutes(12));
        statementStatistics(true, "replay");
        double replayRate = ((Number) result.get("eventsPerSecondMeasured")).doubleValue();
        double ratio = replayRate / rawRate;
        // a replay that ended FAILED (or still ran at the time-out), or skipped stored events, holds no target however fast
        String status = (String) result.get("status");
        long applied = ((Number) result.get("eventsApplied")).longValue();
        String shortfall = Verdicts.replayShortfall(status, applied, stored, ratio);
        report.row("replay", String.format("%s from %,d events: events/s, ended %s with %,d of %,d stored events applied", PROJECTION,
                stored, status, applied, stored),
                String.format("%s ev/s (%.0f s)", Report.fmt(replayRate), ((Number) result.get("seconds")).doubleValue()),
                String.format("%s rows/s JDBC read (ratio %.3f)", Report.fmt(rawRate), ratio),
                "LIVE, every stored event applied, ratio >= " + Verdicts.REPLAY_RATIO, Verdicts.replayHolds(status, applied, stored, ratio));
        if (shortfall != null) {
            System.out.printf("  !! replay verdict fails: %s%n", shortfall);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bulkEventsInserted", events);
        r.put("bulkInsertSeconds", Report.round(insertSeconds));
        r.put("storedEvents", stored);
        r.put("proposalsReadySecondsAfterBulk", Report.round(restart));
        r.put("rawReadRows", rawRows);
        r.put("rawReadRowsPerSecond", Report.round(rawRate));
        r.put("replay", result);
        r.put("ratioToRawRead", Math.round(ratio * 10000) / 10000.0);
        r.put("holds", shortfall == null);
        if (shortfall != null) {
            r.put("shortfall", shortfall);
        }
        report.put("replay", r);
    }

    private Map<String, Object> replayProjection(Duration timeout) throws Exception {
        String path = "/admin/projections/" + PROJECTION;
        api.post(Services.PROPOSALS, path + "/replay", "COMMERCE", "operator", null).expect(202);
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        JsonNode p;
        while (true) {
            p = api.get(Services.PROPOSALS, path, "COMMERCE", "operator").expect(200).body();
            String status = p.path("status").asText();
            if (status.equals("LIVE") || status.equals("FAILED") || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(500);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (p.hasNonNull("startedAt") && p.hasNonNull("finishedAt")) {
            seconds = Duration.between(Instant.parse(p.path("startedAt").asText()), Instant.parse(p.path("finishedAt").asText()))
                    .toNanos() / 1e9;
        }
        long applied = p.path("eventsApplied").asLong();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", p.path("status").asText());
        m.put("eventsApplied", applied);
        m.put("seconds", Report.round(seconds));
        m.put("eventsPerSecondMeasured", Report.round(applied / seconds));
        m.put("eventsPerSecondReported", p.path("eventsPerSecond").asDouble());
        if (p.hasNonNull("error")) {
            m.put("error", p.path("error").asText());
        }
        System.out.printf("  replay %s: %d events in %.1f s%n", m.get("status"), applied, seconds);
        return m;
    }

    private long rawRead() throws SQLException {
        try (Connection c = stack.postgres().connect("proposals")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                long rows = 0;
                long bytes = 0;
                try (ResultSet rs = s.executeQuery("select global_index, event_identifier, meta_data, payload, payload_revision, "
                        + "payload_type, time_stamp, aggregate_identifier, sequence_number, type from domain_event_entry "
                        + "order by global_index")) {
                    while (rs.next()) {
                        rows++;
                        rs.getLong(1);
                        bytes += rs.getString(2).length();
                        byte[] meta = rs.getBytes(3);
                        bytes += (meta == null ? 0 : meta.length) + rs.getBytes(4).length;
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getString(8);
                        rs.getLong(9);
                        rs.getString(10);
                    }
                }
                c.commit();
                return rows;
            }
        }
    }

    /**
     * Appends {@code events} consortium events with SQL, as proposals-service itself stores them:
     * per consortium bulk-N a Registered (sequence 0) and nine MemberAdded revision 2, anchored by
     * the applicant BULK + N (12 characters, the UEI that owns it).
     */
    private void insertBulk(int events) throws SQLException {
        int first = nextBulk;
        nextBulk += (events + 9) / 10;
        String registered = "gov.commerce.aiexports.proposals.consortium.ConsortiumEvent$Registered";
        String added = "gov.commerce.aiexports.proposals.consortium.ConsortiumEvent$MemberAdded";
        String sql = "insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type, "
                + "time_stamp, aggregate_identifier, sequence_number, type) "
                + "select gen_random_uuid()::text, convert_to('{\"actorSubject\":\"bench-bulk\"}', 'UTF8'), "
                + "convert_to(case when n = 0 then "
                + "'{\"consortiumId\":\"bulk-' || k || '\",\"name\":\"Bulk ' || k || '\",\"anchorMember\":{\"legalName\":\"Anchor ' || k "
                + "|| '\",\"uei\":\"BULK' || lpad(k::text, 8, '0') || '\",\"countryOfIncorporation\":\"US\",\"controlledFrom\":\"US\","
                + "\"layers\":[\"hardware\"]}}' "
                + "else '{\"consortiumId\":\"bulk-' || k || '\",\"member\":{\"legalName\":\"Member ' || k || '-' || n "
                + "|| '\",\"uei\":\"M' || lpad(k::text, 9, '0') || lpad(n::text, 2, '0') || '\",\"countryOfIncorporation\":\"US\","
                + "\"controlledFrom\":\"US\",\"layers\":[\"models\"]}}' end, 'UTF8'), "
                + "case when n = 0 then null else '2' end, case when n = 0 then '" + registered + "' else '" + added + "' end, "
                + "to_char(now() at time zone 'utc', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'bulk-' || k, n, 'Consortium' "
                + "from (select " + first + " + g / 10 as k, g % 10 as n from generate_series(0, " + (events - 1) + ") g) s";
        try (Connection c = stack.postgres().connect("proposals"); Statement s = c.createStatement()) {
            s.execute(sql);
            s.execute("analyze domain_event_entry");
        }
    }

    private long head(String database) throws SQLException {
        return queryLong(database, "select coalesce(max(global_index), 0) from domain_event_entry");
    }

    private long count(String database) throws SQLException {
        return queryLong(database, "select count(*) from domain_event_entry");
    }

    private long queryLong(String database, String sql) throws SQLException {
        try (Connection c = stack.postgres().connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until every tracking processor of the service has handled the store up to {@code head}. */
    private void awaitTokens(String database, long head, Duration timeout) throws Exception {
        await(() -> {
            try (Connection c = stack.postgres().connect(database); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select convert_from(token, 'UTF8') from token_entry")) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    Matcher m = TOKEN_INDEX.matcher(rs.getString(1) == null ? "" : rs.getString(1));
                    if (!m.find() || Long.parseLong(m.group(1)) < head) {
                        return null;
                    }
                }
                return any ? Boolean.TRUE : null;
            }
        }, timeout);
    }

    /**
     * Moves the publisher's and the hash chain's tokens past the bulk events: the publisher ignores
     * consortium events anyway, and chaining a million synthetic events would take the run's budget
     * (the benchmark's store then reports them as unchained, which is expected for this scratch data).
     */
    private void advanceTokens(String database, long head) throws SQLException {
        try (Connection c = stack.postgres().connect(database);
             PreparedStatement s = c.prepareStatement("update token_entry set token = convert_to(?, 'UTF8'), owner = null "
                     + "where processor_name in ('kafka-publisher', 'hash-chain')")) {
            s.setString(1, "{\"index\":" + head + ",\"gaps\":[]}");
            s.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- 5. growth

    private final Map<String, Map<String, Latencies.Summary>> growth = new LinkedHashMap<>();
    private int growthBulkFrom;

    /**
     * Appends (AddMember on a consortium of 10 events, each sample another consortium) and aggregate
     * loads (the audit endpoint rebuilding a consortium from its events) at the store's present size.
     */
    private void growth(String label, int storeSize) throws Exception {
        if (label.equals("small")) {
            // top the store up to 10,000 events with bulk consortia, and at least the consortia the samples use (the
            // set-up's warm-up may already have stored more than 10,000); the hash chain links them while we wait
            long present = count("proposals");
            int needed = (sizes.growthSamples() + 50) * 2 * 10;
            int events = (int) Math.max(needed, (storeSize - present) / 10 * 10);
            growthBulkFrom = nextBulk;
            insertBulk(events);
            awaitTokens("proposals", head("proposals"), Duration.ofSeconds(180));
            // the bulk consortia become visible (and ownable) once the read model is rebuilt
            Map<String, Object> rebuilt = replayProjection(Duration.ofMinutes(3));
            if (!"LIVE".equals(rebuilt.get("status"))) {
                throw new IllegalStateException("the read model was not rebuilt for the growth samples: " + rebuilt);
            }
        } else {
            growthBulkFrom = nextBulk - sizes.replayEvents() / 10;
        }
        long stored = count("proposals");
        System.out.printf("-- growth at %s: %,d stored events%n", label, stored);
        int samples = sizes.growthSamples();
        int warmup = GROWTH_WARMUP_POOL;
        for (int i = 0; i < samples + warmup; i++) {
            api.token(bulkUei(growthBulkFrom + i), "applicant");
        }
        // both stores are measured warm: the same steps, on the warm-up pool's consortia, until two windows in a row have
        // the same p50 (so the small store, measured first, is not measured on a colder JIT than the large one)
        Warmth warmth = warmGrowth(warmup);
        System.out.printf("   warm-up: %d steps in %.1f s, %s%n", warmth.steps(), warmth.seconds(),
                warmth.steady() ? "steady" : "NOT steady at the time limit");
        Latencies append = new Latencies();
        Latencies load = new Latencies();
        for (int i = 0; i < samples; i++) {
            int k = growthBulkFrom + warmup + i;
            growthStep(k, k + samples + warmup, append, load);
        }
        Map<String, Latencies.Summary> m = new LinkedHashMap<>();
        m.put("append", append.summary());
        m.put("load", load.summary());
        growth.put(label, m);
        report.row("growth", String.format("at %,d events: append (AddMember)", stored), append.summary().toString(), "", "", null);
        report.row("growth", String.format("at %,d events: aggregate load", stored), load.summary().toString(), "", "", null);
        warm.put(label, warmth.steady());
        report.row("growth", String.format("at %,d events: warm-up before measuring", stored), String.format("%d steps in %.1f s, %s",
                warmth.steps(), warmth.seconds(), warmth.steady() ? "p50 steady" : "p50 not steady"), "", "", null);
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("storedEvents", stored);
        j.put("warmupSteps", warmth.steps());
        j.put("warmupSeconds", Report.round(warmth.seconds()));
        j.put("warm", warmth.steady());
        j.put("append", append.summary().json());
        j.put("aggregateLoad", load.summary().json());
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) report.json.computeIfAbsent("growth", x -> new LinkedHashMap<String, Object>());
        g.put(label, j);
    }

    /** Consortia the warm-up appends to in turn (the measured samples each use a fresh one). */
    private static final int GROWTH_WARMUP_POOL = 50;
    private static final int WARMUP_WINDOW = 25;
    private final Map<String, Boolean> warm = new LinkedHashMap<>();

    record Warmth(int steps, double seconds, boolean steady) {
    }

    /**
     * Runs the growth step in windows of 25 until two consecutive windows' p50 agree within 15%
     * (Verdicts.steady) after at least the minimum time, or the time limit passes.
     */
    private Warmth warmGrowth(int pool) {
        boolean quick = sizes.name().equals("quick");
        long min = Duration.ofSeconds(quick ? 2 : 15).toNanos();
        long max = Duration.ofSeconds(quick ? 15 : 90).toNanos();
        long t0 = System.nanoTime();
        int steps = 0;
        double previous = Double.NaN;
        boolean steady = false;
        while (true) {
            Latencies window = new Latencies();
            for (int j = 0; j < WARMUP_WINDOW; j++, steps++) {
                // the pool's consortia only, so the rows the samples append to and load stay cold; the load another
                // consortium of the pool than the one just appended to
                growthStep(growthBulkFrom + steps % pool, growthBulkFrom + (steps + pool / 2) % pool, window, window);
            }
            double p50 = window.percentileMillis(50);
            steady = Verdicts.steady(previous, p50);
            previous = p50;
            long elapsed = System.nanoTime() - t0;
            if (elapsed >= max || steady && elapsed >= min) {
                return new Warmth(steps, elapsed / 1e9, steady);
            }
        }
    }

    /** One growth sample: AddMember on consortium k, then the aggregate load of another one; a failure is counted, not sampled. */
    private void growthStep(int appendTo, int loadOf, Latencies append, Latencies load) {
        try {
            long t0 = System.nanoTime();
            api.post(Services.PROPOSALS, "/consortia/bulk-" + appendTo + "/members", bulkUei(appendTo), "applicant",
                    Api.member(Api.newUei())).expect(200);
            long t1 = System.nanoTime();
            // another consortium than the one just appended to, so nothing of it is warm
            api.get(Services.PROPOSALS, "/audit/aggregates/bulk-" + loadOf + "/state", "GAO", "auditor").expect(200);
            long t2 = System.nanoTime();
            append.add(t1 - t0);
            load.add(t2 - t1);
        } catch (RuntimeException e) {
            health.failed(e);
        }
    }

    private void growthVerdict() {
        Map<String, Latencies.Summary> small = growth.get("small");
        Map<String, Latencies.Summary> large = growth.get("large");
        if (small == null || large == null) {
            return;
        }
        for (String what : List.of("append", "load")) {
            double p50 = large.get(what).p50() / small.get(what).p50();
            double p99 = large.get(what).p99() / small.get(what).p99();
            boolean bothWarm = warm.getOrDefault("small", false) && warm.getOrDefault("large", false);
            report.row("growth", what + ": large store / small store", String.format("p50 x%.2f, p99 x%.2f%s", p50, p99,
                    bothWarm ? ", both warm" : ", NOT both warm"), "", "<= x1.20, both stores warm",
                    Verdicts.growthHolds(p50, p99, warm.getOrDefault("small", false), warm.getOrDefault("large", false)));
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) report.json.get("growth");
            g.put(what + "RatioP50", Report.round(p50));
            g.put(what + "RatioP99", Report.round(p99));
        }
    }

    private static String bulkUei(int k) {
        return "BULK" + String.format("%08d", k);
    }

    // ---------------------------------------------------------------- helpers

    /** The longest quiescing wait; past it the stores still move and the next measure would overlap the previous load. */
    private static final Duration QUIESCE_LIMIT = Duration.ofSeconds(60);

    /**
     * Waits until the four stores' heads and consumed-event counts stop moving: the previous load's
     * tail is done. Says how long it waited; if it gives up, it says so loudly and the section counts
     * an error (its verdicts fail).
     */
    private void quiesce() throws Exception {
        String last = "";
        int stable = 0;
        long t0 = System.nanoTime();
        long deadline = t0 + QUIESCE_LIMIT.toNanos();
        while (stable < 3 && System.nanoTime() < deadline) {
            StringBuilder now = new StringBuilder();
            for (Services.Service s : Services.ALL) {
                now.append(head(s.database())).append('/')
                        .append(queryLong(s.database(), "select count(*) from processed_integration_event")).append(' ');
            }
            stable = now.toString().equals(last) ? stable + 1 : 0;
            last = now.toString();
            Thread.sleep(300);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean gaveUp = stable < 3;
        health.quiesced(seconds, gaveUp, last.strip());
        if (gaveUp) {
            System.out.printf("  !! quiescing gave up after %.0f s in section %s: heads/consumed still moving (%s)%n", seconds,
                    health.current(), last.strip());
        } else {
            System.out.printf("   quiesced in %.1f s%n", seconds);
        }
    }

    interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, int threads, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    task.run(index);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T await(Probe<T> probe, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not observed within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
