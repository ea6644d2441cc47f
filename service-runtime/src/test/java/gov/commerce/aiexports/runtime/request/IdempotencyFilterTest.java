package gov.commerce.aiexports.runtime.request;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
}
