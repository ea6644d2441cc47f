package gov.commerce.aiexports.notifications.webhooks;

import java.util.List;

/**
 * What happened to an agency system's webhook subscription. The secret is deliberately absent:
 * events are read by auditors and exported; the secret lives only in the webhook_secret table.
 */
public sealed interface WebhookEvent {

    String webhookId();

    record Registered(String webhookId, String agency, String url, List<String> eventTypes) implements WebhookEvent {
    }

    record Removed(String webhookId, String agency) implements WebhookEvent {
    }

    /** A new secret signs from now on; the one it replaced signs beside it until previousValidUntil (no secret here either). */
    record SecretRotated(String webhookId, String agency, java.time.Instant previousValidUntil) implements WebhookEvent {
    }
}
