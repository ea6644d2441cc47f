package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

@ProcessingGroup("webhook-projection")
@ReadModel(tables = {"webhook_view"})
public class WebhookProjection {

    public static final String TABLE = "webhook_view";
    private final Documents documents;

    public WebhookProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(WebhookEvent.Registered e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor,
            @MetaDataValue(MetadataKeys.ACTOR_ROLES) Object roles) {
        // the registering token's roles decide what the deliveries disclose; kept from the event's metadata, so a replay has them
        List<String> registeredRoles = null;
        if (roles instanceof Iterable<?> list) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            list.forEach(r -> names.add(r instanceof com.fasterxml.jackson.databind.JsonNode n ? n.asText() : String.valueOf(r)));
            registeredRoles = List.copyOf(names);
        }
        save(new WebhookView(e.webhookId(), e.agency(), e.url(), e.eventTypes(), true, actor, at, registeredRoles));
    }

    @EventHandler
    void on(WebhookEvent.Removed e) {
        documents.find(TABLE, e.webhookId(), WebhookView.class).ifPresent(v -> save(v.removed()));
    }

    private void save(WebhookView v) {
        documents.upsert(TABLE, v.id(), Map.of("agency", v.agency(), "active", v.active(), "registered_at", v.registeredAt()), v);
    }

    /**
     * The active subscriptions to an event type (few rows: filtered here rather than in SQL); read once per poll
     * group of the consumer, which asks for every event it applies (webhooks change only through requests).
     */
    public static List<WebhookView> subscribedTo(Documents documents, String eventType) {
        return documents.queryOnce(TABLE, "select doc from " + TABLE + " where active order by registered_at, id", WebhookView.class)
                .stream().filter(w -> w.eventTypes().contains(eventType)).toList();
    }
}
