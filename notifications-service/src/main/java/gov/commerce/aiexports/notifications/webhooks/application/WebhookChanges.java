package gov.commerce.aiexports.notifications.webhooks.application;

import gov.commerce.aiexports.notifications.webhooks.WebhookSecrets;
import gov.commerce.aiexports.runtime.request.Commands;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.BiConsumer;

/**
 * A webhook's event and its sealed secrets change in one transaction (registration, rotation,
 * removal): a secret row without its event, or the reverse, never commits.
 */
@Singleton
public class WebhookChanges {

    @Inject
    Commands commands;
    @Inject
    WebhookSecrets secrets;

    /** Sends the command, then changes the secrets with what it answered, together. */
    public <R> R together(Object command, BiConsumer<WebhookSecrets, R> secretsChange) {
        return QuarkusTransaction.requiringNew().call(() -> {
            R answer = commands.send(command);
            secretsChange.accept(secrets, answer);
            return answer;
        });
    }
}
