package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/calls")
@Authenticated
public class CallResource {

    public record DraftCallRequest(String title, Integer fiscalYear, String description, Instant opensAt, Instant closesAt,
            Integer gracePeriodHours, List<Instrument> instruments, List<String> requiredAgencies) {
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    gov.commerce.aiexports.runtime.request.RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    java.time.Clock clock;

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public Response draft(DraftCallRequest body) {
        if (body == null) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new CallCommand.DraftCall(id, new CallEvent.CallTerms(body.title(),
                body.fiscalYear() == null ? 0 : body.fiscalYear(), body.description(), body.opensAt(), body.closesAt(),
                body.gracePeriodHours() == null ? 0 : body.gracePeriodHours(), body.instruments(),
                body.requiredAgencies() == null ? List.of("COMMERCE", "STATE", "DEFENSE", "ENERGY", "OSTP") : body.requiredAgencies()),
                clock.instant()));
        return Response.created(URI.create("/calls/" + id)).entity(Map.of("id", id, "status", CallStatus.DRAFT)).build();
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView publish(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        preconditions.check(ifMatch, get(id).id(), false);
        commands.send(new CallCommand.PublishCall(id, clock.instant()));
        return get(id);
    }

    /** Changed fields replace the current terms; unchanged fields may be left out. */
    public record AmendmentRequest(String title, String description, Instant opensAt, Instant closesAt, Integer gracePeriodHours,
            List<Instrument> instruments, List<String> requiredAgencies, String modificationComment) {
    }

    @POST
    @Path("{id}/amendments")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView amend(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AmendmentRequest body) {
        if (body == null) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        CallEvent.CallTerms t = get(id).terms();
        // an amendment replaces terms read before: made on another version than that read, it would undo a change unseen
        preconditions.check(ifMatch, id, true);
        CallEvent.CallTerms amended = new CallEvent.CallTerms(
                body.title() != null ? body.title() : t.title(), t.fiscalYear(),
                body.description() != null ? body.description() : t.description(),
                body.opensAt() != null ? body.opensAt() : t.opensAt(),
                body.closesAt() != null ? body.closesAt() : t.closesAt(),
                body.gracePeriodHours() != null ? body.gracePeriodHours() : t.gracePeriodHours(),
                body.instruments() != null ? body.instruments() : t.instruments(),
                body.requiredAgencies() != null ? body.requiredAgencies() : t.requiredAgencies());
        commands.send(new CallCommand.AmendCall(id, amended, body.modificationComment(), clock.instant()));
        return get(id);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView close(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        preconditions.check(ifMatch, get(id).id(), false);
        commands.send(new CallCommand.CloseCall(id));
        return get(id);
    }

    @POST
    @Path("{id}/archive")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public CallView archive(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        preconditions.check(ifMatch, get(id).id(), false);
        commands.send(new CallCommand.ArchiveCall(id));
        return get(id);
    }

    /** Latest opening first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("opensAt").desc("coalesce(doc->>'opensAt', '')").desc("id").build();

    /** Paged by cursor (Link: rel="next"). */
    @GET
    public List<CallView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        status = QueryParameters.oneOf(status, "status", CallStatus.class);
        PageRequest page = PageRequest.of(cursor, limit);
        String drafts = seesDrafts() ? "" : " and status <> 'DRAFT'";
        List<Object> params = new java.util.ArrayList<>();
        if (status != null) {
            params.add(status);
        }
        return links.of(documents.page("from call_view where " + (status == null ? "1 = 1" : "status = ?") + drafts, params, ORDER,
                page, CallView.class));
    }

    @GET
    @Path("{id}")
    public CallView get(@PathParam("id") String id) {
        CallView call = documents.find(CallProjection.TABLE, id, CallView.class)
                .filter(c -> !CallStatus.DRAFT.name().equals(c.status()) || seesDrafts())
                .orElseThrow(() -> new NotFound("call", id));
        // the ETag is the aggregate's version (every change), not the terms' version (amendments only)
        preconditions.tag(id);
        return call;
    }

    /** A draft call is Commerce's work in progress: applicants and other agencies see it once published. */
    private boolean seesDrafts() {
        var caller = request.caller();
        return caller.has(Roles.COMMERCE_OFFICER) || caller.has(Roles.AUDITOR);
    }
}
