package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The delivery table is both the operators' view and the senders' work queue (the outbox of
 * e-mails and webhook POSTs): a row is written in the same transaction as the event that
 * schedules it, so a delivery exists exactly when its Scheduled event does.
 */
@ProcessingGroup("delivery-projection")
@ReadModel(tables = {"delivery"})
public class DeliveryProjection {

    public static final String TABLE = "delivery";
    private final Documents documents;

    public DeliveryProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(DeliveryEvent.Scheduled e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.SOURCE_EVENT_ID) String cause,
            @MetaDataValue(MetadataKeys.CORRELATION_ID) String correlationId) {
        save(new DeliveryView(e.deliveryId(), e.channel(), DeliveryStatus.PENDING, e.destination(), e.webhookId(),
                e.notificationId(), e.sourceEventId(), e.sourceEventType(), e.proposalId(), e.subject(), e.body(), 0, 0, at,
                e.dueAt(), null, null, List.of(), cause, correlationId));
    }

    @EventHandler
    void on(DeliveryEvent.AttemptSucceeded e) {
        update(e.deliveryId(), v -> v.tried(new DeliveryView.Attempt(e.attempt(), e.attemptedAt(), true, e.statusCode(), null,
                e.durationMillis(), null), DeliveryStatus.DELIVERED));
    }

    @EventHandler
    void on(DeliveryEvent.AttemptFailed e) {
        update(e.deliveryId(), v -> v.tried(new DeliveryView.Attempt(e.attempt(), e.attemptedAt(), false, e.statusCode(),
                e.error(), e.durationMillis(), e.retryAt()), DeliveryStatus.FAILED));
    }

    @EventHandler
    void on(DeliveryEvent.DeadLettered e) {
        update(e.deliveryId(), v -> v.withStatus(DeliveryStatus.DEAD_LETTERED, null));
    }

    @EventHandler
    void on(DeliveryEvent.RedeliveryRequested e) {
        update(e.deliveryId(), v -> v.redelivered(e.dueAt()));
    }

    @EventHandler
    void on(DeliveryEvent.Cancelled e) {
        update(e.deliveryId(), v -> v.withStatus(DeliveryStatus.CANCELLED, null));
    }

    private void update(String id, java.util.function.UnaryOperator<DeliveryView> change) {
        documents.find(TABLE, id, DeliveryView.class).map(change).ifPresent(this::save);
    }

    private void save(DeliveryView v) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("channel", v.channel());
        columns.put("status", v.status());
        columns.put("next_attempt_at", v.nextAttemptAt());
        columns.put("created_at", v.createdAt());
        columns.put("source_event_id", v.sourceEventId());
        documents.upsert(TABLE, v.id(), columns, v);
    }
}
