package gov.commerce.aiexports.notifications.webhooks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** An agency system's subscription to integration events by type. */
public class Webhook {

    @AggregateIdentifier
    private String webhookId;
    private String agency;
    private boolean removed;

    protected Webhook() {
    }

    @CommandHandler
    public Webhook(WebhookCommand.RegisterWebhook c) {
        Violations.invalidIfAny(WebhookPolicies.check(c.url(), c.eventTypes(), c.secret()));
        apply(new WebhookEvent.Registered(c.webhookId(), c.agency(), c.url(), List.copyOf(c.eventTypes())));
    }

    @CommandHandler
    void handle(WebhookCommand.RemoveWebhook c) {
        if (removed) {
            throw new StateConflict("WEBHOOK_REMOVED", "webhook " + webhookId + " is already removed");
        }
        apply(new WebhookEvent.Removed(webhookId, agency));
    }

    /** The previous secret stays valid 24 hours unless told otherwise. */
    @CommandHandler
    WebhookEvent.SecretRotated handle(WebhookCommand.RotateSecret c) {
        if (removed) {
            throw new StateConflict("WEBHOOK_REMOVED", "webhook " + webhookId + " is removed");
        }
        Violations.invalidIfAny(WebhookPolicies.checkRotation(c.secret(), c.previousValidForHours()));
        int hours = c.previousValidForHours() == null ? 24 : c.previousValidForHours();
        WebhookEvent.SecretRotated rotated = new WebhookEvent.SecretRotated(webhookId, agency,
                c.now().plus(java.time.Duration.ofHours(hours)));
        apply(rotated);
        return rotated;
    }

    @EventSourcingHandler
    void on(WebhookEvent.Registered e) {
        webhookId = e.webhookId();
        agency = e.agency();
    }

    @EventSourcingHandler
    void on(WebhookEvent.Removed e) {
        removed = true;
    }
}
