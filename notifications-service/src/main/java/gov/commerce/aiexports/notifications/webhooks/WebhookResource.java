package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.notifications.webhooks.application.RegisterWebhook;
import gov.commerce.aiexports.notifications.webhooks.application.RegisterWebhook.WebhookRequest;
import gov.commerce.aiexports.notifications.webhooks.application.RemoveWebhook;
import gov.commerce.aiexports.notifications.webhooks.application.RotateWebhookSecret;
import gov.commerce.aiexports.notifications.webhooks.application.RotateWebhookSecret.Rotation;
import gov.commerce.aiexports.notifications.webhooks.application.RotateWebhookSecret.RotationRequest;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * Agency systems subscribe to integration events by type. A government role manages its own
 * agency's webhooks, an operator any agency's; another agency's webhook is a 404. The secret is
 * accepted on creation and never returned.
 */
@Path("/webhooks")
@RolesAllowed({Roles.OPERATOR, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
public class WebhookResource {

    @Inject
    RegisterWebhook registrations;
    @Inject
    RotateWebhookSecret rotations;
    @Inject
    RemoveWebhook removals;
    @Inject
    WebhookQueries webhooks;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;

    /** Operators run the system, not the program: subscribing an agency to program events is the agency's own act. */
    @POST
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Response register(WebhookRequest body) {
        String id = registrations.register(body);
        return Response.created(URI.create("/webhooks/" + id)).entity(webhooks.get(id)).build();
    }

    /** Oldest registration first; paged by cursor (Link: rel="next"). */
    @GET
    public List<WebhookView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return links.of(webhooks.page(request.caller(), page));
    }

    /** Rotates the secret: the previous one keeps signing beside the new one for the window asked. */
    @POST
    @Path("{id}/secret-rotations")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Rotation rotate(@PathParam("id") String id, RotationRequest body) {
        return rotations.rotate(id, body);
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        removals.remove(id);
        return Response.noContent().build();
    }
}
