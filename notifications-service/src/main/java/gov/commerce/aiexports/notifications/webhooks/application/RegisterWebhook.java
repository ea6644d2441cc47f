package gov.commerce.aiexports.notifications.webhooks.application;

import gov.commerce.aiexports.notifications.webhooks.WebhookCommand;
import gov.commerce.aiexports.notifications.webhooks.WebhookDestinationPolicies;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violations;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An agency subscribes a URL to event types: for its own agency only, to the public internet only
 * (unless the stack allows internal addresses), its secret sealed beside the registration event.
 */
@Singleton
public class RegisterWebhook {

    public record WebhookRequest(String url, List<String> eventTypes, String secret, String agency) {

        /** Keeps the secret out of anything that prints the request. */
        @Override
        public String toString() {
            return "WebhookRequest[url=" + url + ", eventTypes=" + eventTypes + ", agency=" + agency + "]";
        }
    }

    @Inject
    WebhookChanges changes;
    @Inject
    RequestContext request;
    @ConfigProperty(name = "aiexports.notifications.webhooks.allow-internal", defaultValue = "false")
    boolean allowInternal;

    /** The new webhook's id. */
    public String register(WebhookRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Caller caller = request.caller();
        String agency = agencyFor(caller, body.agency());
        if (!allowInternal && body.url() != null) {
            Violations.refuseIfAny(WebhookDestinationPolicies.checkDestination(body.url(), WebhookDestinationPolicies.SYSTEM));
        }
        String id = UUID.randomUUID().toString();
        changes.together(new WebhookCommand.RegisterWebhook(id, agency, body.url(), body.eventTypes(), body.secret()),
                (secrets, registered) -> secrets.store(id, body.secret()));
        return id;
    }

    /** A government role acts for its own agency. */
    private static String agencyFor(Caller caller, String requested) {
        if (requested != null && !requested.isBlank() && !requested.equals(caller.organisation())) {
            throw new ForbiddenException("webhooks of another agency");
        }
        return caller.organisation();
    }
}
