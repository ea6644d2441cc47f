package gov.commerce.aiexports.runtime.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyFilterTest {

    @Test
    void a_key_is_a_structured_field_string_or_a_bare_token_of_printable_ascii() {
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyFilter.validKey(List.of("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")));
        assertEquals("8e03978e-40d5-43e8-bc93-6894a57f9324", IdempotencyFilter.validKey(List.of("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        assertEquals("retry of order 7", IdempotencyFilter.validKey(List.of(" retry of order 7 ")));
        assertEquals("x".repeat(255), IdempotencyFilter.validKey(List.of("x".repeat(255))));
    }

    @Test
    void malformed_keys_are_refused_naming_the_header() {
        for (List<String> bad : List.of(List.of(""), List.of("   "), List.of("\"\""), List.of("x".repeat(256)), List.of("a\tb"),
                List.of("a\u0000b"), List.of("caf\u00e9"), List.of("a\"b"), List.of("a\\b"), List.of("one", "two"))) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> IdempotencyFilter.validKey(bad), bad.toString());
            assertEquals("IDEMPOTENCY_KEY_INVALID", refused.first().rule());
            assertEquals("/Idempotency-Key", refused.first().field());
        }
    }

    @Test
    void the_body_fingerprint_ignores_key_order_and_spacing_but_not_values() {
        byte[] a = IdempotencyFilter.digest("{\"a\":1,\"b\":{\"c\":2.50,\"d\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
        byte[] reordered = IdempotencyFilter.digest("{ \"b\": {\"d\": [1, 2], \"c\": 2.50}, \"a\": 1 }".getBytes(StandardCharsets.UTF_8));
        byte[] otherValue = IdempotencyFilter.digest("{\"a\":1,\"b\":{\"c\":2.51,\"d\":[1,2]}}".getBytes(StandardCharsets.UTF_8));
        byte[] otherOrderOfArray = IdempotencyFilter.digest("{\"a\":1,\"b\":{\"c\":2.50,\"d\":[2,1]}}".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(a, reordered);
        assertFalse(Arrays.equals(a, otherValue));
        assertFalse(Arrays.equals(a, otherOrderOfArray));
        assertFalse(Arrays.equals(IdempotencyFilter.digest(new byte[0]), IdempotencyFilter.digest("{}".getBytes(StandardCharsets.UTF_8))));
    }

    /** A store whose writes fail, counting them. */
    private static final class FailingStore extends IdempotencyStore {
        final AtomicInteger completes = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();
        final int failures;

        FailingStore(int failures) {
            this.failures = failures;
        }

        @Override
        public void complete(Scope scope, UUID owner, StoredResponse response) {
            if (completes.incrementAndGet() <= failures) {
                throw new IllegalStateException("idempotency key store: connection lost");
            }
        }

        @Override
        public void release(Scope scope, UUID owner) {
            releases.incrementAndGet();
            throw new IllegalStateException("idempotency key store: connection lost");
        }
    }

    private static IdempotencyFilter filter(IdempotencyStore store, SimpleMeterRegistry metrics) {
        IdempotencyFilter filter = new IdempotencyFilter();
        filter.store = store;
        filter.context = new RequestContext();
        filter.metrics = metrics;
        return filter;
    }

    private static double counted(SimpleMeterRegistry metrics, String outcome) {
        var counter = metrics.find("aiexports.idempotency.requests").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void an_answer_that_cannot_be_stored_is_tried_again_then_counted_and_the_response_still_goes_out() {
        var scope = new IdempotencyStore.Scope("user-1", "org-1", "k-1");
        var answer = new IdempotencyStore.StoredResponse(201, "application/json", "/proposals/p-1", null, "{}".getBytes());

        // a transient failure: the second try stores it
        FailingStore once = new FailingStore(1);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        filter(once, metrics).finish(scope, UUID.randomUUID(), answer);
        assertEquals(2, once.completes.get());
        assertEquals(0, counted(metrics, "answer-not-stored"));

        // a lasting one: no exception reaches the response (the effect committed, the caller must see its 201),
        // the claim stays IN_PROGRESS (so repeats are never run again) and operators see it counted
        FailingStore always = new FailingStore(Integer.MAX_VALUE);
        filter(always, metrics).finish(scope, UUID.randomUUID(), answer);
        assertEquals(2, always.completes.get());
        assertEquals(1, counted(metrics, "answer-not-stored"));

        // a refusal whose key cannot be freed: counted too, nothing thrown
        filter(always, metrics).finish(scope, UUID.randomUUID(), null);
        assertEquals(1, always.releases.get());
        assertEquals(1, counted(metrics, "release-failed"));
    }
}
