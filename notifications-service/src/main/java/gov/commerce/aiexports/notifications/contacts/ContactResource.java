package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.notifications.contacts.application.AddContact;
import gov.commerce.aiexports.notifications.contacts.application.AddContact.ContactRequest;
import gov.commerce.aiexports.notifications.contacts.application.Organisations;
import gov.commerce.aiexports.notifications.contacts.application.RemoveContact;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.QueryParameters;
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
 * E-mail contacts of consortia and agencies. An applicant manages its own organisation's, a
 * government role its own agency's, an operator any organisation's. Another organisation's
 * contact is a 404, so its existence does not leak.
 */
@Path("/contacts")
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER,
        Roles.OPERATOR})
public class ContactResource {

    @Inject
    AddContact additions;
    @Inject
    RemoveContact removals;
    @Inject
    ContactQueries contacts;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;

    /** Operators may list and remove contacts, not add an address that would receive an organisation's program mail. */
    @POST
    @RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER})
    public Response add(ContactRequest body) {
        String id = additions.add(body);
        return Response.created(URI.create("/contacts/" + id)).entity(contacts.get(id)).build();
    }

    /** By organisation, then id; paged by cursor (Link: rel="next"). */
    @GET
    public List<ContactView> list(@QueryParam("organisation") String organisation, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        QueryParameters.matching(organisation, "organisation", ContactPolicies.ORGANISATION, "an agency code or a UEI");
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        if (organisation == null && caller.has(Roles.OPERATOR)) {
            return links.of(contacts.page(null, page));
        }
        return links.of(contacts.page(Organisations.actedFor(caller, organisation), page));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        removals.remove(id);
        return Response.noContent().build();
    }
}
