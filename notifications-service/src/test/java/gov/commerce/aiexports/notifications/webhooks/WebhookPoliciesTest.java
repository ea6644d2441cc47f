package gov.commerce.aiexports.notifications.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPoliciesTest {

    static final String SECRET = "s3cret-s3cret-s3cret";

    @Test
    void a_complete_subscription_passes() {
        Violations.invalidIfAny(WebhookPolicies.check("https://systems.state.gov/aiexports/hook", List.of("ReviewOpened", "ProposalDesignated"), SECRET));
        Violations.invalidIfAny(WebhookPolicies.check("http://127.0.0.1:8099/hook", List.of("ProposalSubmitted"), SECRET));
    }

    @Test
    void urls_must_be_absolute_http_or_https_without_user_info() {
        assertFalse(WebhookPolicies.validUrl("ftp://example.gov/x"));
        assertFalse(WebhookPolicies.validUrl("/relative"));
        assertFalse(WebhookPolicies.validUrl("https://user:pw@example.gov/x"));
        assertFalse(WebhookPolicies.validUrl("not a url"));
        assertEquals("WEBHOOK_URL_INVALID", refusal("file:///etc/passwd", List.of("ReviewOpened"), SECRET).get(0).rule());
    }

    @Test
    void event_types_must_be_consumed_contracts() {
        List<Violation> v = refusal("https://example.gov/h", List.of("ReviewOpened", "NoSuchEvent", "NotificationRecorded"), SECRET);
        assertEquals(List.of("/eventTypes/1", "/eventTypes/2"), v.stream().map(Violation::field).toList());
        assertTrue(v.stream().allMatch(x -> x.rule().equals("EVENT_TYPE_UNKNOWN")));
        assertEquals("EVENT_TYPES_REQUIRED", refusal("https://example.gov/h", List.of(), SECRET).get(0).rule());
        assertTrue(WebhookPolicies.SUBSCRIBABLE_TYPES.contains("ProposalSubmitted"));
        assertFalse(WebhookPolicies.SUBSCRIBABLE_TYPES.contains("NotificationRecorded"));
    }

    @Test
    void secrets_have_at_least_16_characters() {
        assertEquals("SECRET_TOO_SHORT", refusal("https://example.gov/h", List.of("ReviewOpened"), "short").get(0).rule());
        assertEquals("FIELD_REQUIRED", refusal("https://example.gov/h", List.of("ReviewOpened"), null).get(0).rule());
        assertEquals("SECRET_TOO_LONG", refusal("https://example.gov/h", List.of("ReviewOpened"), "x".repeat(257)).get(0).rule());
    }

    @Test
    void the_signature_is_the_hex_hmac_sha256_of_the_body() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Violation> refusal(String url, List<String> types, String secret) {
        return assertThrows(InvalidInput.class, () -> Violations.invalidIfAny(WebhookPolicies.check(url, types, secret))).violations();
    }
}
