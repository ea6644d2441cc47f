package gov.commerce.aiexports.notifications.webhooks.application;

import gov.commerce.aiexports.notifications.webhooks.WebhookCommand;
import gov.commerce.aiexports.notifications.webhooks.WebhookQueries;
import gov.commerce.aiexports.notifications.webhooks.WebhookSecrets;
import gov.commerce.aiexports.notifications.webhooks.WebhookView;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Removes a webhook (its agency, or an operator) and forgets its secrets, together. */
@Singleton
public class RemoveWebhook {

    @Inject
    WebhookQueries webhooks;
    @Inject
    Commands commands;
    @Inject
    RequestContext request;
    @Inject
    WebhookSecrets secrets;

    public void remove(String id) {
        Caller caller = request.caller();
        WebhookView webhook = webhooks.active(id, w -> caller.has(Roles.OPERATOR) || w.agency().equals(caller.organisation()));
        QuarkusTransaction.requiringNew().run(() -> {
            commands.send(new WebhookCommand.RemoveWebhook(webhook.id()));
            secrets.forget(webhook.id());
        });
    }
}
