package gov.commerce.aiexports.proposals.consortium;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/consortia")
@Authenticated
public class ConsortiumResource {

    public record RegisterRequest(String name, Member anchorMember, List<Member> members) {
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;

    @POST
    @RolesAllowed(Roles.APPLICANT)
    public Response register(RegisterRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        // the missing part is named: the anchor member itself, or its uei
        if (body.anchorMember() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/anchorMember", "anchorMember is required");
        }
        if (body.anchorMember().uei() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/anchorMember/uei", "anchorMember's uei is required");
        }
        MembershipPolicies.checkWellFormed(body.anchorMember(), "/anchorMember");
        // a consortium belongs to its anchor member's organisation: only that organisation may register it
        if (!body.anchorMember().uei().equals(request.caller().organisation())) {
            throw new ForbiddenException("the token's organisation must be the anchor member's UEI");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new ConsortiumCommand.RegisterConsortium(id, body.name(), body.anchorMember(), body.members()));
        return Response.created(URI.create("/consortia/" + id)).entity(Map.of("id", id)).build();
    }

    @POST
    @Path("{id}/members")
    @RolesAllowed(Roles.APPLICANT)
    public ConsortiumView addMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Member member) {
        managed(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ConsortiumCommand.AddMember(id, member));
        return get(id);
    }

    @DELETE
    @Path("{id}/members/{uei}")
    @RolesAllowed(Roles.APPLICANT)
    public ConsortiumView removeMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @PathParam("uei") String uei) {
        managed(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ConsortiumCommand.RemoveMember(id, uei));
        return get(id);
    }

    @GET
    @Path("{id}")
    public ConsortiumView get(@PathParam("id") String id) {
        ConsortiumView consortium = OrganisationScope.readable(request.caller(), documents.find(ConsortiumProjection.TABLE, id,
                ConsortiumView.class), ConsortiumView::organisation, "consortium", id);
        preconditions.tag(id);
        return consortium;
    }

    /** Only the anchor member's organisation manages the consortium; others do not learn it exists. */
    private ConsortiumView managed(String id) {
        return OrganisationScope.owned(request.caller(), documents.find(ConsortiumProjection.TABLE, id, ConsortiumView.class),
                ConsortiumView::organisation, "consortium", id);
    }
}
