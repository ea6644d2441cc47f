package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

@ProcessingGroup("inbox-projection")
@ReadModel(tables = {"inbox_entry"})
public class InboxProjection {

    public static final String TABLE = "inbox_entry";
    private final Documents documents;

    public InboxProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(NotificationEvent.Recorded e, @Timestamp Instant at) {
        save(new InboxEntry(e.notificationId(), e.recipient(), e.proposalId(), e.subject(), e.body(), false, at,
                e.sourceEventId(), e.sourceEventType(), e.rule()));
    }

    @EventHandler
    void on(NotificationEvent.Read e) {
        documents.find(TABLE, e.notificationId(), InboxEntry.class).ifPresent(v -> save(new InboxEntry(v.id(), v.recipient(),
                v.proposalId(), v.subject(), v.body(), true, v.createdAt(), v.sourceEventId(), v.sourceEventType(), v.rule())));
    }

    private void save(InboxEntry v) {
        documents.upsert(TABLE, v.id(), Map.of("recipient", v.recipient().inboxKey(), "read", v.read(),
                "created_at", v.createdAt()), v);
    }
}
