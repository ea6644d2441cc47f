package gov.commerce.aiexports.endtoend;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector in the test JVM: accepts OTLP/HTTP protobuf trace exports at
 * {@code /v1/traces} and keeps the spans it reads (the newest 200,000), each with the
 * {@code service.name} of its resource. The protobuf is read by hand, field by field
 * (opentelemetry-proto's trace.proto), so the test needs no generated classes.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span: ids in lower-case hex as in W3C traceparent, parent empty for a root. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private static final int KEPT = 200_000;
    private final HttpServer server;
    private final ConcurrentLinkedDeque<ReceivedSpan> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile String firstRejection;
    private final java.util.Set<String> strays = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                // gzip, whether or not the request says so (its magic number)
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        || body.length > 1 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
                    body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                }
                for (ReceivedSpan s : parseRequest(body)) {
                    spans.add(s);
                    if (count.incrementAndGet() > KEPT) {
                        spans.pollFirst();
                        count.decrementAndGet();
                    }
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            } catch (RuntimeException e) {
                if (rejected.incrementAndGet() == 1) {
                    firstRejection = e + " (Content-Type " + exchange.getRequestHeaders().getFirst("Content-Type") + ", Content-Encoding "
                            + exchange.getRequestHeaders().getFirst("Content-Encoding") + ")";
                }
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.createContext("/", exchange -> {
            strays.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Exports it could not read, and requests to other paths: what to look at when no span arrives. */
    String rejected() {
        return rejected.get() + " (first: " + firstRejection + "), other requests " + strays;
    }

    List<ReceivedSpan> spans() {
        return new ArrayList<>(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- protobuf, just what trace.proto needs ------------------------------------------------

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> parseRequest(byte[] body) {
        List<ReceivedSpan> out = new ArrayList<>();
        Reader r = new Reader(body);
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                resourceSpans(r.bytes(), out);
            } else {
                r.skip(tag);
            }
        }
        return out;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void resourceSpans(byte[] b, List<ReceivedSpan> out) {
        Reader r = new Reader(b);
        String service = null;
        List<byte[]> scopes = new ArrayList<>();
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                service = serviceName(r.bytes());
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                scopes.add(r.bytes());
            } else {
                r.skip(tag);
            }
        }
        for (byte[] scope : scopes) {
            Reader s = new Reader(scope); // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (s.more()) {
                int tag = s.tag();
                if (tag >>> 3 == 2 && (tag & 7) == 2) {
                    out.add(span(service, s.bytes()));
                } else {
                    s.skip(tag);
                }
            }
        }
    }

    /** Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; }, AnyValue { string string_value = 1; } */
    private static String serviceName(byte[] resource) {
        Reader r = new Reader(resource);
        while (r.more()) {
            int tag = r.tag();
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                Reader kv = new Reader(r.bytes());
                String key = null;
                String value = null;
                while (kv.more()) {
                    int t = kv.tag();
                    if (t >>> 3 == 1 && (t & 7) == 2) {
                        key = new String(kv.bytes(), StandardCharsets.UTF_8);
                    } else if (t >>> 3 == 2 && (t & 7) == 2) {
                        Reader any = new Reader(kv.bytes());
                        while (any.more()) {
                            int a = any.tag();
                            if (a >>> 3 == 1 && (a & 7) == 2) {
                                value = new String(any.bytes(), StandardCharsets.UTF_8);
                            } else {
                                any.skip(a);
                            }
                        }
                    } else {
                        kv.skip(t);
                    }
                }
                if ("service.name".equals(key)) {
                    return value;
                }
            } else {
                r.skip(tag);
            }
        }
        return null;
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; ... } */
    private static ReceivedSpan span(String service, byte[] b) {
        Reader r = new Reader(b);
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (r.more()) {
            int tag = r.tag();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == 2) {
                traceId = HexFormat.of().formatHex(r.bytes());
            } else if (field == 2 && (tag & 7) == 2) {
                spanId = HexFormat.of().formatHex(r.bytes());
            } else if (field == 4 && (tag & 7) == 2) {
                parent = HexFormat.of().formatHex(r.bytes());
            } else if (field == 5 && (tag & 7) == 2) {
                name = new String(r.bytes(), StandardCharsets.UTF_8);
            } else if (field == 6 && (tag & 7) == 0) {
                kind = (int) r.varint();
            } else {
                r.skip(tag);
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return pos < b.length;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte x = b[pos++];
                result |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        byte[] bytes() {
            int n = (int) varint();
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
            pos += n;
            return out;
        }

        void skip(int tag) {
            switch (tag & 7) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int n = (int) varint(); // first the length (it moves pos), then past it
                    pos += n;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + (tag & 7));
            }
        }
    }
}
