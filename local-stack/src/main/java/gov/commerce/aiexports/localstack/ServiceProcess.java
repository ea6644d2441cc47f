package gov.commerce.aiexports.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service (or the broker) run as its own operating-system process. */
public final class ServiceProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final String readinessUrl;
    private volatile Process process;
    private volatile boolean ownSession;

    public ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log, String readinessUrl) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.readinessUrl = readinessUrl;
    }

    /**
     * For people and tests on a 2-core machine: a small heap, and C1 only, which starts fast but runs slower.
     * The young generation is fixed at 96 MB: left to size itself, it stayed near 25 MB (the heap does not grow
     * while a collection frees enough), so a replay's chunks in flight were copied and promoted at every
     * collection and the old generation filled every few seconds: 13 s of a 43 s replay were GC pauses
     * (performance.md, "Replay"). The initial heap holds it (a young generation above the initial heap is cut to
     * it, with a warning). An instance given a smaller heap sets smaller ones after these (the last wins).
     */
    public static final List<String> QUICK_START = List.of("-Xms128m", "-Xmx256m", "-Xmn96m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /**
     * For measuring: the JVM of the Docker images (docker/Dockerfile) in their 768 MB containers (docker-compose.yml,
     * deploy/k8s): the optimising compiler, a heap of 50% of the container's memory growing to 75% (384 and 576 MB),
     * the serial collector (which the JVM picks itself under 1,792 MB), the young generation a third of the heap
     * (its default ratio). With the smaller heap of {@link #QUICK_START}, the old generation filled several times a
     * minute at 160 submissions/s, each full collection stopping the service for 150-250 ms (performance.md).
     */
    public static final List<String> FULLY_COMPILED = List.of("-Xms384m", "-Xmx576m", "-XX:+UseSerialGC");

    /** A Quarkus service from its fast-jar, with the given JVM options. */
    public static ServiceProcess quarkus(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, Path log,
            int port) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(name, cmd, environment, log, "http://127.0.0.1:" + port + "/q/health/ready");
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs the process in a session of its own (setsid), out of the launcher's process group: a
     * terminal's Ctrl-C (or a supervisor's TERM to the group) then reaches the launcher only, which
     * stops its children in order. Where setsid is missing the process stays in the group.
     */
    public ServiceProcess inOwnSession(boolean own) {
        this.ownSession = own;
        return this;
    }

    private static final String SETSID = findSetsid();

    private static String findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Whether children can be put in sessions of their own here (util-linux's setsid). */
    public static boolean canDetach() {
        return SETSID != null;
    }

    public synchronized ServiceProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        Files.createDirectories(log.getParent());
        List<String> cmd = command;
        if (ownSession && SETSID != null) {
            // a child of a JVM is no process-group leader, so setsid does not fork: the pid stays the service's own
            cmd = new ArrayList<>(command);
            cmd.add(0, SETSID);
        }
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Waits until the readiness endpoint answers 200 (database and Kafka reachable). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        if (readinessUrl == null) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + (process == null ? "?" : process.exitValue())
                        + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(readinessUrl)).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** The health group that says whether the service's consumer holds its partitions. */
    public String consumersUrl() {
        return readinessUrl == null ? null : readinessUrl.replace("/q/health/ready", "/q/health/group/consumers");
    }

    /**
     * Empty when the service's consumer holds its partitions (/q/health/group/consumers answers
     * 200); else what it waits for, as the check says (its state and detail) or "not answering".
     */
    public java.util.Optional<String> consumingProblem() {
        String url = consumersUrl();
        if (url == null) {
            return java.util.Optional.empty();
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return java.util.Optional.empty();
            }
            java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"").matcher(r.body());
            java.util.regex.Matcher detail = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(r.body());
            return java.util.Optional.of((state.find() ? state.group(1) : "HTTP " + r.statusCode())
                    + (detail.find() ? ": " + detail.group(1) : ""));
        } catch (IOException e) {
            return java.util.Optional.of("not answering");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.of("interrupted");
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** Completes when the running process ends (null when none was started). */
    public java.util.concurrent.CompletableFuture<Process> onExit() {
        Process p = process;
        return p == null ? null : p.onExit();
    }

    /** The exit code of the last process, or -1 while it runs (or none ran). */
    public int exitValue() {
        Process p = process;
        return p == null || p.isAlive() ? -1 : p.exitValue();
    }

    /** SIGTERM without waiting (the stack stops a tier of processes at once, then waits for them all). */
    public void signalStop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits for the process to end after {@link #signalStop()}; SIGKILL when it has not ended in {@code grace}. */
    public void awaitStopped(Duration grace) throws InterruptedException {
        Process p = process;
        if (p != null && !p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL without waiting: a second Ctrl-C. */
    public void forceStop() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    /** kill -9: no shutdown hook, no goodbye. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it does not end in time. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }
}
