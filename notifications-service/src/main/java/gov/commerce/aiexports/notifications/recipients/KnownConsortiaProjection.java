package gov.commerce.aiexports.notifications.recipients;

import gov.commerce.aiexports.notifications.contacts.ContactEvent;
import gov.commerce.aiexports.notifications.inbox.NotificationEvent;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * The consortia this service has met: told something (a receipt, a decision) or given a contact
 * address. They are who call amendments and closing reminders go to.
 */
@ProcessingGroup("known-consortia")
@ReadModel(tables = {"known_consortium"})
public class KnownConsortiaProjection {

    public static final String TABLE = "known_consortium";
    private final Documents documents;

    public KnownConsortiaProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(NotificationEvent.Recorded e, @Timestamp Instant at) {
        if (e.recipient().type() == Recipient.Type.CONSORTIUM) {
            remember(e.recipient().id(), at);
        }
    }

    @EventHandler
    void on(ContactEvent.Added e, @Timestamp Instant at) {
        if (e.organisationType() == Recipient.Type.CONSORTIUM) {
            remember(e.organisation(), at);
        }
    }

    private void remember(String organisation, Instant at) {
        // one per notification to a consortium: in a poll group, written with the group's other rows (Documents)
        documents.insertUnlessPresent(TABLE, List.of("organisation", "first_seen_at"), organisation, at);
    }
}
