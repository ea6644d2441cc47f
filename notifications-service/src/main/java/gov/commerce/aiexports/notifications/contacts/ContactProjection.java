package gov.commerce.aiexports.notifications.contacts;

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

@ProcessingGroup("contact-projection")
@ReadModel(tables = {"contact_view"})
public class ContactProjection {

    public static final String TABLE = "contact_view";
    private final Documents documents;

    public ContactProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ContactEvent.Added e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        documents.upsert(TABLE, e.contactId(), Map.of("organisation", e.organisation()),
                new ContactView(e.contactId(), e.organisation(), e.organisationType(), e.email(), e.name(), actor, at));
    }

    @EventHandler
    void on(ContactEvent.Removed e) {
        documents.update("delete from " + TABLE + " where id = ?", e.contactId());
    }

    /** The addresses e-mails to an organisation go to (once per poll group of the consumer: contacts change only through requests). */
    public static List<ContactView> of(Documents documents, String organisation) {
        return documents.queryOnce(TABLE, "select doc from " + TABLE + " where organisation = ? order by id", ContactView.class,
                organisation);
    }
}
