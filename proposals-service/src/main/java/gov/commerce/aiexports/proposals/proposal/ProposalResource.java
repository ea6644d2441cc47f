package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.proposals.call.CallResource;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.proposals.consortium.ConsortiumView;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/proposals")
@Authenticated
public class ProposalResource {

    public record ProposalRequest(String callId, String consortiumId, String title, String summary, ProposalContent.Stack stack,
            List<ProposalContent.Target> targets, String businessModel, List<IncentiveLine> incentives,
            Boolean exportControlAttestation, List<ProposalContent.ConfidentialSection> confidentialSections) {

        ProposalContent content() {
            return new ProposalContent(title, summary, stack, targets, businessModel, incentives, exportControlAttestation,
                    confidentialSections);
        }
    }

    public record WithdrawRequest(String reason) {
    }

    public record Page(List<ProposalView> items, int page, int size, long total) {
    }

    private static final CountryGroups COUNTRY_GROUPS = CountryGroups.load();

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    RequestContext request;
    @Inject
    CallResource calls;
    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.APPLICANT)
    public Response draft(ProposalRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        if (body.callId() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/callId", "callId is required");
        }
        ConsortiumView consortium = ownConsortium(body.consortiumId());
        calls.get(body.callId());
        String id = UUID.randomUUID().toString();
        commands.send(new ProposalCommand.DraftProposal(id, body.callId(), consortium.id(), consortium.organisation(),
                body.content()));
        return Response.created(URI.create("/proposals/" + id)).tag(new EntityTag("0"))
                .entity(Map.of("id", id, "status", ProposalStatus.DRAFT, "version", 0)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.APPLICANT)
    public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProposalRequest body) {
        ProposalView current = own(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new InvalidInput("IF_MATCH_REQUIRED", "/If-Match", "send the version read from GET as If-Match");
        }
        long expected;
        try {
            expected = Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("IF_MATCH_INVALID", "/If-Match", "If-Match carries the proposal's version number");
        }
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        commands.send(new ProposalCommand.EditProposal(current.id(), expected, body.content()));
        return withTag(get(id));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView submit(@PathParam("id") String id) {
        ProposalView proposal = own(id);
        CallView call = calls.get(proposal.callId());
        ConsortiumView consortium = ownConsortium(proposal.consortiumId());
        Set<String> offered = call.instruments().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> members = new HashSet<>();
        consortium.members().forEach(m -> members.add(m.uei()));
        SubmissionContext context = new SubmissionContext(call.acceptsSubmissionsAt(clock.instant()), offered, members,
                COUNTRY_GROUPS, clock.instant());
        commands.send(new ProposalCommand.SubmitProposal(id, call.fiscalYear(), consortium.name(), call.requiredAgencies(),
                context));
        return get(id);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView withdraw(@PathParam("id") String id, WithdrawRequest body) {
        own(id);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInput("FIELD_REQUIRED", "/reason", "a reason is required");
        }
        commands.send(new ProposalCommand.WithdrawProposal(id, body.reason()));
        return get(id);
    }

    @GET
    @Path("{id}")
    public ProposalView get(@PathParam("id") String id) {
        return OrganisationScope.readable(request.caller(), documents.find(ProposalProjection.TABLE, id, ProposalView.class),
                ProposalView::organisation, "proposal", id);
    }

    @GET
    public Page list(@QueryParam("callId") String callId, @QueryParam("status") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || s < 1 || s > 200) {
            throw new InvalidInput("PAGE_INVALID", "/size", "page from 0, size from 1 to 200");
        }
        Caller caller = request.caller();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!caller.readsAcrossOrganisations()) {
            where.append(" and organisation = ?");
            params.add(caller.organisation());
        }
        if (callId != null) {
            where.append(" and call_id = ?");
            params.add(callId);
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.toUpperCase());
        }
        long total = documents.count("select count(*) from proposal_view" + where, params.toArray());
        params.add(s);
        params.add((long) p * s);
        List<ProposalView> items = documents.query("select doc from proposal_view" + where
                + " order by updated_at desc, id limit ? offset ?", ProposalView.class, params.toArray());
        return new Page(items, p, s, total);
    }

    private Response withTag(ProposalView view) {
        return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()))).build();
    }

    private ProposalView own(String id) {
        return OrganisationScope.owned(request.caller(), documents.find(ProposalProjection.TABLE, id, ProposalView.class),
                ProposalView::organisation, "proposal", id);
    }

    private ConsortiumView ownConsortium(String consortiumId) {
        if (consortiumId == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/consortiumId", "consortiumId is required");
        }
        ConsortiumView consortium = documents.find("consortium_view", consortiumId, ConsortiumView.class)
                .orElseThrow(() -> new RuleViolation("CONSORTIUM_UNKNOWN", "/consortiumId", "no such consortium"));
        if (!consortium.organisation().equals(request.caller().organisation())) {
            throw new RuleViolation("CONSORTIUM_NOT_OWNED", "/consortiumId",
                    "only the anchor member's organisation submits for a consortium");
        }
        return consortium;
    }
}
