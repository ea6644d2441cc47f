package gov.commerce.aiexports.notifications.webhooks;

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
import java.util.function.Predicate;

/** Every read of webhooks: an agency's own, or all for an operator; never a secret. */
@Singleton
public class WebhookQueries {

    static final Keyset ORDER = Keyset.named("registeredAt").asc("registered_at", "timestamptz").asc("id").build();

    @Inject
    Documents documents;

    /** The active webhooks the caller manages, oldest registration first. */
    public Slice<WebhookView> page(Caller caller, PageRequest page) {
        if (caller.has(Roles.OPERATOR)) {
            return documents.page("from " + WebhookProjection.TABLE + " where active", new ArrayList<>(), ORDER, page, WebhookView.class);
        }
        return documents.page("from " + WebhookProjection.TABLE + " where active and agency = ?", List.<Object>of(caller.organisation()),
                ORDER, page, WebhookView.class);
    }

    /** Just registered: the caller's own. */
    public WebhookView get(String id) {
        return documents.find(WebhookProjection.TABLE, id, WebhookView.class).orElseThrow();
    }

    /** An active webhook the caller may manage; another agency's, or a removed one, is a 404. */
    public WebhookView active(String id, Predicate<WebhookView> managedByCaller) {
        return documents.find(WebhookProjection.TABLE, id, WebhookView.class)
                .filter(WebhookView::active)
                .filter(managedByCaller)
                .orElseThrow(() -> new NotFound("webhook", id));
    }
}
