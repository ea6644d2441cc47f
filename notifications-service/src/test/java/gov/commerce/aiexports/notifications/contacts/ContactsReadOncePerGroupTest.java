package gov.commerce.aiexports.notifications.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.notifications.EventStore;
import gov.commerce.aiexports.notifications.SmtpTestResource;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The consumer's poll group reads an organisation's contacts once (Documents.queryOnce): a contact
 * added by another transaction meanwhile is not read again within the group, one the group itself
 * writes drops the answer, and outside a group every read goes to the table.
 */
@QuarkusTest
@Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class ContactsReadOncePerGroupTest {

    @Inject
    Documents documents;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_group_reads_contacts_once_until_it_writes_them() {
        String organisation = "ORG-" + UUID.randomUUID();
        List<Integer> seen = QuarkusTransaction.requiringNew().call(() -> {
            Documents.bufferWrites();
            try {
                int first = ContactProjection.of(documents, organisation).size();
                insertElsewhere(organisation);
                int again = ContactProjection.of(documents, organisation).size();
                ContactView own = contact(organisation);
                documents.upsert(ContactProjection.TABLE, own.id(), Map.of("organisation", organisation), own);
                int afterWrite = ContactProjection.of(documents, organisation).size();
                documents.flushWrites();
                return List.of(first, again, afterWrite);
            } finally {
                Documents.stopBuffering();
            }
        });
        assertEquals(List.of(0, 0, 2), seen, "read once, then again after the group's own write (with the other one committed meanwhile)");
        insertElsewhere(organisation);
        assertEquals(3, QuarkusTransaction.requiringNew().call(() -> ContactProjection.of(documents, organisation).size()),
                "outside a group every read goes to the table");
    }

    private static ContactView contact(String organisation) {
        String id = UUID.randomUUID().toString();
        return new ContactView(id, organisation, Recipient.Type.CONSORTIUM, id + "@example.org", "Contact", "test", Instant.now());
    }

    /** A contact committed by another transaction, as a request on another thread would. */
    private void insertElsewhere(String organisation) {
        ContactView other = contact(organisation);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("insert into contact_view (id, organisation, doc) values (?, ?, cast(? as jsonb))")) {
                s.setString(1, other.id());
                s.setString(2, organisation);
                s.setString(3, gov.commerce.aiexports.events.EventCodec.mapper().writeValueAsString(other));
                s.executeUpdate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
