package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.domain.RuleViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
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
import jakarta.ws.rs.QueryParam;
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
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    WebhookSecrets secrets;
    @Inject
    java.time.Clock clock;
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

    static final Keyset ORDER = Keyset.named("registeredAt").asc("registered_at", "timestamptz").asc("id").build();

    /** Oldest registration first; paged by cursor (Link: rel="next"). */
    @GET
    public List<WebhookView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        if (caller.has(Roles.OPERATOR)) {
            return links.of(documents.page("from " + WebhookProjection.TABLE + " where active", new java.util.ArrayList<>(), ORDER, page,
                    WebhookView.class));
        }
        return links.of(documents.page("from " + WebhookProjection.TABLE + " where active and agency = ?",
                List.<Object>of(caller.organisation()), ORDER, page, WebhookView.class));
    }

    /** A new secret for the webhook; the previous one keeps signing beside it for previousValidForHours (default 24). */
    public record RotationRequest(String secret, Integer previousValidForHours) {

        @Override
        public String toString() {
            return "RotationRequest[previousValidForHours=" + previousValidForHours + "]";
        }
    }

    /** The outcome of a rotation: until when the previous secret still signs. */
    public record Rotation(String webhookId, java.time.Instant previousValidUntil) {
    }

    /**
     * Rotates the secret (Standard Webhooks rollover): deliveries carry a signature with each valid
     * secret, so the receiver switches whenever it likes within the window. The agency's own act, as
     * the registration is.
     */
    @POST
    @Path("{id}/secret-rotations")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Rotation rotate(@PathParam("id") String id, RotationRequest body) {
        Caller caller = request.caller();
        WebhookView webhook = documents.find(WebhookProjection.TABLE, id, WebhookView.class)
                .filter(WebhookView::active)
                .filter(w -> w.agency().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("webhook", id));
        if (body == null) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("FIELD_REQUIRED", "/secret", "secret is required");
        }
        WebhookEvent.SecretRotated rotated = QuarkusTransaction.requiringNew().call(() -> {
            WebhookEvent.SecretRotated r = commands.send(new WebhookCommand.RotateSecret(webhook.id(), body.secret(),
                    body.previousValidForHours(), clock.instant()));
            secrets.rotate(webhook.id(), body.secret(), r.previousValidUntil());
            return r;
        });
        return new Rotation(webhook.id(), rotated.previousValidUntil());
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
