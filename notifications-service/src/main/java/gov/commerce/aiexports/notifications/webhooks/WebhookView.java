package gov.commerce.aiexports.notifications.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it: never with its secret. {@code registeredRoles} are the
 * roles of the token that registered it: its deliveries carry what its agency in those roles may
 * see (the disclosure rule); null for a webhook registered before they were kept, until its
 * projection is replayed (it then sees no confidential section).
 */
public record WebhookView(String id, String agency, String url, List<String> eventTypes, boolean active, String registeredBy,
        Instant registeredAt, List<String> registeredRoles) {

    WebhookView removed() {
        return new WebhookView(id, agency, url, eventTypes, false, registeredBy, registeredAt, registeredRoles);
    }
}
