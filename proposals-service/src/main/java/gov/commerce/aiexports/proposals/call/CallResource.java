package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.proposals.call.application.ChangeCall;
import gov.commerce.aiexports.proposals.call.application.ChangeCall.AmendmentRequest;
import gov.commerce.aiexports.proposals.call.application.DraftCall;
import gov.commerce.aiexports.proposals.call.application.DraftCall.DraftCallRequest;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/calls")
@Authenticated
public class CallResource {

    @Inject
    CallQueries calls;
    @Inject
    PageLinks links;
    @Inject
    gov.commerce.aiexports.runtime.request.RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    DraftCall drafting;
    @Inject
    ChangeCall changes;

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public Response draft(DraftCallRequest body) {
        String id = drafting.draft(body);
        return Response.created(URI.create("/calls/" + id)).entity(Map.of("id", id, "status", CallStatus.DRAFT)).build();
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView publish(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        changes.publish(id, ifMatch);
        return get(id);
    }

    @POST
    @Path("{id}/amendments")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView amend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AmendmentRequest body) {
        changes.amend(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        changes.close(id, ifMatch);
        return get(id);
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        changes.archive(id, ifMatch);
        return get(id);
    }

    /** Paged by cursor (Link: rel="next"). */
    @GET
    public List<CallView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        status = QueryParameters.oneOf(status, "status", CallStatus.class);
        PageRequest page = PageRequest.of(cursor, limit);
        return links.of(calls.page(request.caller(), status, page));
    }

    @GET
    @Path("{id}")
    public CallView get(@PathParam("id") String id) {
        CallView call = calls.visible(request.caller(), id);
        // the ETag is the aggregate's version (every change), not the terms' version (amendments only)
        preconditions.tag(id);
        return call;
    }
}
