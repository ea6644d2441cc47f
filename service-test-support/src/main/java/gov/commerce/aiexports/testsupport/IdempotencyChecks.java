package gov.commerce.aiexports.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exercises a service's Idempotency-Key handling over real HTTP: the same key and body twice, the
 * same key with another body, two identical requests released together. Each check counts the
 * effect in the store (events of an aggregate, an amount) before and after, and prints what it saw.
 */
public final class IdempotencyChecks {

    /** Counts the effect the checked POST has, e.g. the events of its aggregate. */
    @FunctionalInterface
    public interface Effects {
        long count() throws Exception;
    }

    /** One HTTP answer, with the problem's rule and field when it is one. */
    public record Answer(int status, String body, String location, String contentType, boolean replayed, String rule,
            String field) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final java.util.Map<String, String> headers;

    public IdempotencyChecks(URI base) {
        this(base, java.util.Map.of());
    }

    /** With headers on every request, e.g. {@code If-Match: *} for changes that must be conditional. */
    public IdempotencyChecks(URI base, java.util.Map<String, String> headers) {
        this.base = base;
        this.headers = java.util.Map.copyOf(headers);
    }

    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** POSTs the body (null: none) with the key (null: no header). */
    public Answer post(String token, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String rule = null;
        String field = null;
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (type != null && type.startsWith("application/problem+json")) {
            JsonNode problem = JSON.readTree(response.body());
            rule = problem.path("rule").asText(null);
            field = problem.path("field").asText(null);
        }
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null), type,
                "true".equals(response.headers().firstValue("Idempotent-Replayed").orElse(null)), rule, field);
    }

    /**
     * The same key and body twice: the same successful answer, one effect; then the same key with
     * another body: 422 IDEMPOTENCY_KEY_REUSED on the header, nothing changed. Answers the first answer.
     */
    public Answer sameKeyTwice(String what, String token, String path, String body, String otherBody, Effects effects)
            throws Exception {
        return sameKeyTwice(what, token, path, body, path, otherBody, effects);
    }

    /** As above, the other request going to otherPath (e.g. a POST that takes no body: another resource's). */
    public Answer sameKeyTwice(String what, String token, String path, String body, String otherPath, String otherBody,
            Effects effects) throws Exception {
        String key = newKey();
        long before = effects.count();
        Answer first = post(token, path, key, body);
        check(first.status() >= 200 && first.status() < 300, what + ": the first request succeeds: " + first);
        check(!first.replayed(), what + ": the first answer is no replay");
        long afterFirst = effects.count();
        Answer second = post(token, path, key, body);
        long afterSecond = effects.count();
        check(second.status() == first.status(), what + ": the repeat has the first status: " + second);
        check(second.body().equals(first.body()), what + ": the repeat has the first body\n" + first.body() + "\n" + second.body());
        check(Objects.equals(second.location(), first.location()), what + ": the repeat has the first Location");
        check(Objects.equals(second.contentType(), first.contentType()), what + ": the repeat has the first Content-Type");
        check(second.replayed(), what + ": the repeat says Idempotent-Replayed");
        check(afterFirst == before + 1 && afterSecond == afterFirst, what + ": one effect, counted " + before + " → "
                + afterFirst + " → " + afterSecond);
        Answer other = post(token, otherPath, key, otherBody);
        long afterOther = effects.count();
        check(other.status() == 422 && "IDEMPOTENCY_KEY_REUSED".equals(other.rule()) && "/Idempotency-Key".equals(other.field()),
                what + ": the same key with another request is refused: " + other);
        check(afterOther == afterSecond, what + ": the refused request changed nothing: " + afterSecond + " → " + afterOther);
        System.out.printf("[idempotency] %s: same key twice → %d, %d (replayed); effects %d → %d → %d; other request → %d %s; "
                + "effects %d%n", what, first.status(), second.status(), before, afterFirst, afterSecond, other.status(),
                other.rule(), afterOther);
        return first;
    }

    /**
     * Two identical requests with the same key, released together from two threads: exactly one
     * effect, and both callers get the same successful answer. Answers both answers.
     */
    public List<Answer> concurrently(String what, String token, String path, String body, Effects effects) throws Exception {
        String key = newKey();
        long before = effects.count();
        double waitedBefore = waitedRepeats();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Answer> answers = new ArrayList<>();
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(token, path, key, body);
                }));
            }
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long after = effects.count();
        Answer a = answers.get(0);
        Answer b = answers.get(1);
        check(a.status() >= 200 && a.status() < 300 && a.status() == b.status(), what + ": both succeed alike: " + a + " / " + b);
        check(a.body().equals(b.body()), what + ": both get the same body\n" + a.body() + "\n" + b.body());
        check(Objects.equals(a.location(), b.location()), what + ": both get the same Location");
        check(a.replayed() != b.replayed(), what + ": one ran, the other got its answer: " + a.replayed() + "/" + b.replayed());
        check(after == before + 1, what + ": exactly one effect, counted " + before + " → " + after);
        System.out.printf("[idempotency] %s: two concurrent requests, one key → %d, %d (replayed: %s, %s; the repeat %s); "
                + "effects %d → %d%n", what, a.status(), b.status(), a.replayed(), b.replayed(),
                waitedRepeats() > waitedBefore ? "waited for the first's answer" : "came after the first's answer", before, after);
        return answers;
    }

    /** The service's count of repeats that found the key in progress, waited, and replayed the answer. */
    private double waitedRepeats() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double total = 0;
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("aiexports_idempotency_requests_total{") && line.contains("outcome=\"replayed-after-wait\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
