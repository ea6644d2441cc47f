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
    private Process process;

    public ServiceProcess(String name, List<String> command, Map<String, String> environment, Path log, String readinessUrl) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.readinessUrl = readinessUrl;
    }

    /** For people and tests on a 2-core machine: a small heap, and C1 only, which starts fast but runs slower. */
    public static final List<String> QUICK_START = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** For measuring: the same heap, with the optimising compiler a production JVM (the Dockerfiles) has. */
    public static final List<String> FULLY_COMPILED = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

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

    public synchronized ServiceProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
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
