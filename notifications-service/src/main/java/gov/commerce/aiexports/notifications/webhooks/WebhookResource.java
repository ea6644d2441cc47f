package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.domain.RuleViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Agency systems subscribe to integration events by type. A government role manages its own
 * agency's webhooks, an operator any agency's; another agency's webhook is a 404. The secret is
 * accepted on creation and never returned.
 */
@Path("/webhooks")
@RolesAllowed({Roles.OPERATOR, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
public class WebhookResource {

    public record WebhookRequest(String url, List<String> eventTypes, String secret, String agency) {

        /** Keeps the secret out of anything that prints the request. */
        @Override
        public String toString() {
            return "WebhookRequest[url=" + url + ", eventTypes=" + eventTypes + ", agency=" + agency + "]";
        }
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    RequestContext request;
    @Inject
    WebhookSecrets secrets;
    @ConfigProperty(name = "aiexports.notifications.webhooks.allow-internal", defaultValue = "false")
    boolean allowInternal;

    /** Operators run the system, not the program: subscribing an agency to program events is the agency's own act. */
    @POST
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Response register(WebhookRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Caller caller = request.caller();
        String agency = agencyFor(caller, body.agency());
        if (!allowInternal && body.url() != null) {
            WebhookDestinationPolicy.refusal(body.url(), WebhookDestinationPolicy.SYSTEM).ifPresent(why -> {
                throw new RuleViolation(WebhookDestinationPolicy.RULE, "/url", why + "; webhooks call the public internet only");
            });
        }
        String id = UUID.randomUUID().toString();
        // the secret row and the registration event commit together, or neither does
        QuarkusTransaction.requiringNew().run(() -> {
            commands.send(new WebhookCommand.RegisterWebhook(id, agency, body.url(), body.eventTypes(), body.secret()));
            secrets.store(id, body.secret());
        });
        return Response.created(URI.create("/webhooks/" + id))
                .entity(documents.find(WebhookProjection.TABLE, id, WebhookView.class).orElseThrow()).build();
    }

    @GET
    public List<WebhookView> list() {
        Caller caller = request.caller();
        if (caller.has(Roles.OPERATOR)) {
            return documents.query("select doc from " + WebhookProjection.TABLE + " where active order by registered_at, id",
                    WebhookView.class);
        }
        return documents.query("select doc from " + WebhookProjection.TABLE + " where active and agency = ? order by registered_at, id",
                WebhookView.class, caller.organisation());
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        Caller caller = request.caller();
        WebhookView webhook = documents.find(WebhookProjection.TABLE, id, WebhookView.class)
                .filter(WebhookView::active)
                .filter(w -> caller.has(Roles.OPERATOR) || w.agency().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("webhook", id));
        QuarkusTransaction.requiringNew().run(() -> {
            commands.send(new WebhookCommand.RemoveWebhook(webhook.id()));
            secrets.forget(webhook.id());
        });
        return Response.noContent().build();
    }

    /** A government role acts for its own agency. */
    private static String agencyFor(Caller caller, String requested) {
        if (requested != null && !requested.isBlank() && !requested.equals(caller.organisation())) {
            throw new ForbiddenException("webhooks of another agency");
        }
        return caller.organisation();
    }
}
