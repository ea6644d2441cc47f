package gov.commerce.aiexports.proposals.consortium;

import gov.commerce.aiexports.proposals.consortium.application.ChangeMembers;
import gov.commerce.aiexports.proposals.consortium.application.RegisterConsortium;
import gov.commerce.aiexports.proposals.consortium.application.RegisterConsortium.RegisterRequest;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

@Path("/consortia")
@Authenticated
public class ConsortiumResource {

    @Inject
    ConsortiumQueries consortia;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    RegisterConsortium registration;
    @Inject
    ChangeMembers members;

    @POST
    @RolesAllowed(Roles.APPLICANT)
    public Response register(RegisterRequest body) {
        String id = registration.register(body);
        return Response.created(URI.create("/consortia/" + id)).entity(Map.of("id", id)).build();
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed(Roles.APPLICANT)
    public ConsortiumView addMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Member member) {
        members.add(id, ifMatch, member);
        return get(id);
    }

    @DELETE
    @Path("{id}/members/{uei}")
    @RolesAllowed(Roles.APPLICANT)
    public ConsortiumView removeMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @PathParam("uei") String uei) {
        members.remove(id, ifMatch, uei);
        return get(id);
    }

    @GET
    @Path("{id}")
    public ConsortiumView get(@PathParam("id") String id) {
        ConsortiumView consortium = consortia.readable(request.caller(), id);
        preconditions.tag(id);
        return consortium;
    }
}
