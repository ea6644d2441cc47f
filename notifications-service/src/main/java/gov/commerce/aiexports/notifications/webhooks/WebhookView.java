package gov.commerce.aiexports.notifications.webhooks;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it: never with its secret. */
public record WebhookView(String id, String agency, String url, List<String> eventTypes, boolean active, String registeredBy,
        Instant registeredAt) {

    WebhookView removed() {
        return new WebhookView(id, agency, url, eventTypes, false, registeredBy, registeredAt);
    }
}
