package gov.commerce.aiexports.notifications.webhooks.application;

import gov.commerce.aiexports.notifications.webhooks.WebhookCommand;
import gov.commerce.aiexports.notifications.webhooks.WebhookQueries;
import gov.commerce.aiexports.notifications.webhooks.WebhookView;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Removes a webhook (its agency, or an operator) and forgets its secrets, together. */
@Singleton
public class RemoveWebhook {

    @Inject
    WebhookQueries webhooks;
    @Inject
    WebhookChanges changes;
    @Inject
    RequestContext request;

    public void remove(String id) {
        Caller caller = request.caller();
        WebhookView webhook = webhooks.active(id, w -> caller.has(Roles.OPERATOR) || w.agency().equals(caller.organisation()));
        changes.together(new WebhookCommand.RemoveWebhook(webhook.id()), (secrets, removed) -> secrets.forget(webhook.id()));
    }
}
