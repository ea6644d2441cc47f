package gov.commerce.aiexports.runtime.tracing;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * OpenTelemetry where no instrumentation reaches: the commands, the publisher that reads the
 * event store (the outbox) long after the request, and the hand-written Kafka consumer. The
 * context crosses the store in each event's metadata ({@code traceparent}, and {@code traceId}
 * beside the correlation id) and Kafka in each record's W3C {@code traceparent} header, so one
 * trace follows a request through every service it reaches. Off unless the SDK is enabled
 * ({@code QUARKUS_OTEL_SDK_DISABLED=false}): the spans are then no-ops, and nothing is written.
 */
@Singleton
public class Tracing {

    public static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    Tracer tracer;

    /** The current span's context as event (and command) metadata: empty when no span records. */
    public static Map<String, Object> currentMetadata() {
        SpanContext sc = Span.current().getSpanContext();
        if (!sc.isValid()) {
            return Collections.emptyMap();
        }
        Map<String, Object> meta = new HashMap<>();
        meta.put(MetadataKeys.TRACE_ID, sc.getTraceId());
        meta.put(MetadataKeys.TRACE_PARENT, "00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex());
        return meta;
    }

    /** Runs a command (and the events it appends to the store) in a span of its own. */
    public <R> R command(String name, Callable<R> work) {
        Span span = tracer.spanBuilder("command " + name).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("aiexports.command", name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.call();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw new IllegalStateException(e);
        } finally {
            span.end();
        }
    }

    /** A producer span for publishing a stored event, child of the span that stored it (its metadata's traceparent). */
    public Span publishing(String topic, String eventType, Object storedTraceparent) {
        return tracer.spanBuilder("publish " + topic).setSpanKind(SpanKind.PRODUCER).setParent(parent(storedTraceparent))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "send").setAttribute("aiexports.event_type", eventType)
                .startSpan();
    }

    /** Puts the span's context in the record's headers (W3C traceparent); nothing when it does not record. */
    public static void inject(Span span, Headers headers) {
        SpanContext sc = span.getSpanContext();
        if (sc.isValid()) {
            headers.remove(TRACEPARENT);
            headers.add(TRACEPARENT, ("00-" + sc.getTraceId() + "-" + sc.getSpanId() + "-" + sc.getTraceFlags().asHex())
                    .getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The traceparent a record carries, if any. */
    public static String traceparentOf(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return h == null ? null : new String(h.value(), StandardCharsets.US_ASCII);
    }

    /** A consumer span for applying a record, child of the publisher's span (the record's traceparent). */
    public Span consuming(String topic, int partition, String eventType, String traceparent) {
        return tracer.spanBuilder("process " + topic).setSpanKind(SpanKind.CONSUMER).setParent(parent(traceparent))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.destination.partition.id", String.valueOf(partition))
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("aiexports.event_type", eventType == null ? "" : eventType).startSpan();
    }

    private static Context parent(Object traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent.toString()), MAP);
    }
}
