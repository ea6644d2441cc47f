package gov.commerce.aiexports.endtoend;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.endtoend.OtlpReceiver.ReceivedSpan;
import gov.commerce.aiexports.localstack.Services;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tracing over the packaged services (RunningStack turns it on, exporting to an OTLP receiver in
 * this JVM): one submission is one trace, from the HTTP request in proposals-service through its
 * publication on Kafka to the consumers of review-service, notifications-service and, through
 * review-service's ReviewOpened, incentives-service; each consumer's span a child of the
 * publisher's span whose record it read (the W3C traceparent in the record's headers).
 */
class TracingIT {

    private static final int PRODUCER = 4;
    private static final int CONSUMER = 5;

    @Test
    void one_submission_is_one_trace_across_the_four_services_linked_through_kafka() throws Exception {
        RunningStack.get();
        String uei = Program.newUei();
        String proposal = Program.submittedProposal(Program.publishedCall(), Program.consortium(uei), uei);
        OtlpReceiver receiver = RunningStack.traces();

        // the submission's own HTTP span in proposals-service starts the trace
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSpan> got = receiver.spans();
            found[0] = got.stream()
                    .filter(s -> "proposals-service".equals(s.service()) && s.name().startsWith("POST") && s.name().endsWith("/submit"))
                    .filter(s -> got.stream().anyMatch(p -> p.traceId().equals(s.traceId()) && p.kind() == PRODUCER))
                    .map(ReceivedSpan::traceId).reduce((a, b) -> b).orElse(null);
            assertTrue(found[0] != null, String.format("no traced submission among %d spans (rejected exports: %s), by service %s, names %s",
                    got.size(), receiver.rejected(), got.stream().collect(Collectors.groupingBy(s -> String.valueOf(s.service()), Collectors.counting())),
                    got.stream().map(s -> s.kind() + ":" + s.name()).distinct().limit(40).toList()));
        });
        String traceId = found[0];

        Set<String> all = Set.of("proposals-service", "review-service", "incentives-service", "notifications-service");
        // the trace grows while the services' batches of spans arrive (a child may come before its parent): asserted
        // on the spans received so far until it holds
        List<List<ReceivedSpan>> last = new java.util.ArrayList<>(List.of(List.of()));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ReceivedSpan> trace = receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
            last.set(0, trace);
            assertEquals(all, trace.stream().filter(s -> s.kind() == CONSUMER).map(ReceivedSpan::service).collect(Collectors.toSet()),
                    "a consumer span of every service");
            Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
            // one root: the HTTP request; every other span has its parent in the same trace
            List<ReceivedSpan> roots = trace.stream().filter(s -> s.parentSpanId().isEmpty()).toList();
            assertEquals(1, roots.size(), "one root: " + roots);
            assertEquals("proposals-service", roots.get(0).service());
            for (ReceivedSpan s : trace) {
                assertTrue(s.parentSpanId().isEmpty() || byId.containsKey(s.parentSpanId()), "the parent of " + s + " is in the trace");
            }
            // linked across Kafka: every consumer span's parent is a publisher's span (of another service, but for
            // proposals-service, which also reads its own topic for the timeline)
            for (ReceivedSpan consumer : trace.stream().filter(s -> s.kind() == CONSUMER).toList()) {
                ReceivedSpan parent = byId.get(consumer.parentSpanId());
                assertEquals(PRODUCER, parent.kind(), consumer + " follows a publication");
                assertTrue(!parent.service().equals(consumer.service()) || consumer.service().equals("proposals-service"),
                        consumer + " read what " + parent.service() + " published");
            }
            assertTrue(trace.stream().anyMatch(s -> s.service().equals("review-service") && s.kind() == PRODUCER),
                    "review-service published ReviewOpened within the trace");
        });
        List<ReceivedSpan> trace = last.get(0);
        System.out.printf("tracing: proposal %s is trace %s with %d spans from %s%n", proposal, traceId, trace.size(),
                trace.stream().map(ReceivedSpan::service).collect(Collectors.toCollection(java.util.TreeSet::new)));
    }
}
