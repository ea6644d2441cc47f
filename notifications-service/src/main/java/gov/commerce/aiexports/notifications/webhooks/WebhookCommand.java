package gov.commerce.aiexports.notifications.webhooks;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface WebhookCommand {

    /** The secret is checked here but never enters the event store: see {@link WebhookSecrets}. */
    record RegisterWebhook(@TargetAggregateIdentifier String webhookId, String agency, String url, List<String> eventTypes,
            String secret) implements WebhookCommand {

        /** Keeps the secret out of any log line that prints the command. */
        @Override
        public String toString() {
            return "RegisterWebhook[webhookId=" + webhookId + ", agency=" + agency + ", url=" + url + ", eventTypes=" + eventTypes
                    + "]";
        }
    }

    /** The secret is checked here but never enters the event store. */
    record RotateSecret(@TargetAggregateIdentifier String webhookId, String secret, Integer previousValidForHours,
            java.time.Instant now) implements WebhookCommand {

        @Override
        public String toString() {
            return "RotateSecret[webhookId=" + webhookId + ", previousValidForHours=" + previousValidForHours + "]";
        }
    }

    record RemoveWebhook(@TargetAggregateIdentifier String webhookId) implements WebhookCommand {
    }
}
