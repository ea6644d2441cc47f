package gov.commerce.aiexports.endtoend;

import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One stack for all end-to-end tests of this JVM: started on first use, stopped when the JVM ends. */
final class RunningStack {

    private static Stack stack;
    private static OtlpReceiver traces;

    private RunningStack() {
    }

    static synchronized Stack get() throws Exception {
        if (stack == null) {
            Path root = Path.of(System.getProperty("aiexports.root", "..")).toAbsolutePath().normalize();
            Path data = root.resolve("end-to-end-tests/target/e2e-stack");
            deleteRecursively(data);
            // notifications-service sends to the test JVM's SMTP server and webhook receiver (Outbound)
            Outbound.start();
            Stack.Options o = Stack.Options.forTests(root, data);
            List<String> jvm = new ArrayList<>(o.serviceJvmOptions());
            jvm.addAll(Outbound.serviceOptions());
            Stack s = new Stack(new Stack.Options(o.projectRoot(), o.dataDirectory(), o.postgresPort(), o.kafkaPort(), o.servicePorts(),
                    o.durable(), o.kafkaInProcess(), jvm));
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
            // tracing on, as an operator turns it on, exporting to a receiver in this JVM (TracingIT reads it)
            OtlpReceiver receiver = new OtlpReceiver();
            s.serviceEnvironment().putAll(Map.of(
                    "QUARKUS_OTEL_SDK_DISABLED", "false",
                    "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms",
                    // and logs as an operator's collector reads them (OperationsIT checks them)
                    "AIEXPORTS_LOG_JSON", "true"));
            traces = receiver;
            s.startInfrastructure();
            s.startServices(Duration.ofSeconds(180));
            stack = s;
        }
        return stack;
    }

    /** The spans the services exported. */
    static synchronized OtlpReceiver traces() throws Exception {
        get();
        return traces;
    }

    static String url(Services.Service service) throws Exception {
        return get().url(service);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
