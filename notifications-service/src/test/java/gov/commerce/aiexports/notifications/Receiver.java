package gov.commerce.aiexports.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP receiver of webhook deliveries on 127.0.0.1: records every request (headers, exact
 * body bytes, arrival) and answers with the status its script gives for the n-th request (from
 * 1); {@link #HANG} makes it answer only after the sender's timeout.
 */
public final class Receiver implements AutoCloseable {

    public static final int HANG = -1;
    /** Answers 200 after a short pause, so that concurrent senders overlap. */
    public static final int SLOW_OK = -2;

    public record Request(int n, Map<String, String> headers, byte[] body, Instant receivedAt, int answered) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator script;

    private Receiver(IntUnaryOperator script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static Receiver answering(IntUnaryOperator script) throws IOException {
        return new Receiver(script);
    }

    public static Receiver alwaysOk() throws IOException {
        return new Receiver(n -> 204);
    }

    public void script(IntUnaryOperator next) {
        script = next;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/aiexports";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String eventId) {
        return requests.stream().filter(r -> eventId.equals(r.header("X-Event-Id"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = count.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        int status = script.applyAsInt(n);
        requests.add(new Request(n, headers, body, Instant.now(), status));
        if (status == HANG) {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        } else if (status == SLOW_OK) {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
