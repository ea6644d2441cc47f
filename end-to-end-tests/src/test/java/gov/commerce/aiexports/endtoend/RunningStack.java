package gov.commerce.aiexports.endtoend;

import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One stack for all end-to-end tests of this JVM: started on first use, stopped when the JVM ends. */
final class RunningStack {

    private static Stack stack;

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
            s.startInfrastructure();
            s.startServices(Duration.ofSeconds(180));
            stack = s;
        }
        return stack;
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
