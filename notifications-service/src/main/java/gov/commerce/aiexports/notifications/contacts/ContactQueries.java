package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Every read of contacts: by organisation, or all of them for an operator. */
@Singleton
public class ContactQueries {

    static final Keyset ORDER = Keyset.named("organisation").asc("organisation").asc("id").build();

    @Inject
    Documents documents;

    /** One organisation's contacts, or every organisation's (organisation null). */
    public Slice<ContactView> page(String organisation, PageRequest page) {
        if (organisation == null) {
            return documents.page("from " + ContactProjection.TABLE + " where 1 = 1", new ArrayList<>(), ORDER, page, ContactView.class);
        }
        return documents.page("from " + ContactProjection.TABLE + " where organisation = ?", List.<Object>of(organisation), ORDER, page,
                ContactView.class);
    }

    /** Just added: the caller's own. */
    public ContactView get(String id) {
        return documents.find(ContactProjection.TABLE, id, ContactView.class).orElseThrow();
    }

    /** A contact the caller manages (an operator: any); another organisation's is a 404. */
    public ContactView managed(Caller caller, String id) {
        return documents.find(ContactProjection.TABLE, id, ContactView.class)
                .filter(c -> caller.has(Roles.OPERATOR) || c.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("contact", id));
    }
}
