package gov.commerce.aiexports.notifications.webhooks.application;

import gov.commerce.aiexports.notifications.webhooks.WebhookCommand;
import gov.commerce.aiexports.notifications.webhooks.WebhookEvent;
import gov.commerce.aiexports.notifications.webhooks.WebhookQueries;
import gov.commerce.aiexports.notifications.webhooks.WebhookView;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Rotates a webhook's secret (Standard Webhooks rollover): deliveries carry a signature with each
 * valid secret, so the receiver switches whenever it likes within the window. The agency's own
 * act, as the registration is; the event and the sealed secrets change together.
 */
@Singleton
public class RotateWebhookSecret {

    /** A new secret for the webhook; the previous one keeps signing beside it for previousValidForHours (default 24). */
    public record RotationRequest(String secret, Integer previousValidForHours) {

        @Override
        public String toString() {
            return "RotationRequest[previousValidForHours=" + previousValidForHours + "]";
        }
    }

    /** The outcome of a rotation: until when the previous secret still signs. */
    public record Rotation(String webhookId, Instant previousValidUntil) {
    }

    @Inject
    WebhookQueries webhooks;
    @Inject
    WebhookChanges changes;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;

    public Rotation rotate(String id, RotationRequest body) {
        Caller caller = request.caller();
        WebhookView webhook = webhooks.active(id, w -> w.agency().equals(caller.organisation()));
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/secret", "secret is required");
        }
        WebhookEvent.SecretRotated rotated = changes.<WebhookEvent.SecretRotated>together(new WebhookCommand.RotateSecret(
                webhook.id(), body.secret(), body.previousValidForHours(), clock.instant()), (secrets, r) ->
                secrets.rotate(webhook.id(), body.secret(), r.previousValidUntil()));
        return new Rotation(webhook.id(), rotated.previousValidUntil());
    }
}
