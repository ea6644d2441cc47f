package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.notifications.routing.Recipient;
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
import io.quarkus.security.ForbiddenException;
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
import java.util.UUID;

/**
 * E-mail contacts of consortia and agencies. An applicant manages its own organisation's, a
 * government role its own agency's, an operator any organisation's. Another organisation's
 * contact is a 404, so its existence does not leak.
 */
@Path("/contacts")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER,
        Roles.OPERATOR})
public class ContactResource {

    public record ContactRequest(String organisation, String email, String name) {
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;

    /** Operators may list and remove contacts, not add an address that would receive an organisation's program mail. */
    @POST
    @RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Response add(ContactRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        // the shape first: a malformed organisation is bad input (400), not someone else's (403)
        ContactRules.checkOrganisation(body.organisation());
        Caller caller = request.caller();
        String organisation = organisationFor(caller, body.organisation());
        String id = UUID.randomUUID().toString();
        commands.send(new ContactCommand.AddContact(organisation, typeOf(organisation), id, body.email(), body.name()));
        return Response.created(URI.create("/contacts/" + id))
                .entity(documents.find(ContactProjection.TABLE, id, ContactView.class).orElseThrow()).build();
    }

    static final Keyset ORDER = Keyset.named("organisation").asc("organisation").asc("id").build();

    /** By organisation, then id; paged by cursor (Link: rel="next"). */
    @GET
    public List<ContactView> list(@QueryParam("organisation") String organisation, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        QueryParameters.matching(organisation, "organisation", ContactRules.ORGANISATION, "an agency code or a UEI");
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        if (organisation == null && caller.has(Roles.OPERATOR)) {
            return links.of(documents.page("from " + ContactProjection.TABLE + " where 1 = 1", new java.util.ArrayList<>(), ORDER, page,
                    ContactView.class));
        }
        return links.of(documents.page("from " + ContactProjection.TABLE + " where organisation = ?",
                List.<Object>of(organisationFor(caller, organisation)), ORDER, page, ContactView.class));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        Caller caller = request.caller();
        ContactView contact = documents.find(ContactProjection.TABLE, id, ContactView.class)
                .filter(c -> caller.has(Roles.OPERATOR) || c.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new NotFound("contact", id));
        commands.send(new ContactCommand.RemoveContact(contact.organisation(), id));
        return Response.noContent().build();
    }

    /** Operators act for any organisation; everyone else only for the organisation in its token. */
    private static String organisationFor(Caller caller, String requested) {
        if (caller.has(Roles.OPERATOR)) {
            if (requested == null || requested.isBlank()) {
                throw new InvalidInput("FIELD_REQUIRED", "/organisation", "an operator names the organisation");
            }
            return requested;
        }
        if (requested != null && !requested.equals(caller.organisation())) {
            throw new ForbiddenException("contacts of another organisation");
        }
        return caller.organisation();
    }

    private static Recipient.Type typeOf(String organisation) {
        return ContactRules.AGENCIES.contains(organisation) ? Recipient.Type.AGENCY : Recipient.Type.CONSORTIUM;
    }
}
