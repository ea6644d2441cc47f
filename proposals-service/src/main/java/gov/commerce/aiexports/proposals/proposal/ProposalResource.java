package gov.commerce.aiexports.proposals.proposal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.proposals.disclosure.DisclosureAccount;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.proposals.call.CallResource;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.proposals.consortium.ConsortiumView;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
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

    /** The answer to an information request; changes, when given, replace those top-level fields of the content they give (the rest is kept). */
    public record ResponseRequest(String informationRequestId, String response, ProposalRequest changes) {
    }

    /**
     * A page of proposals as the caller may see them; {@code page} is null on a page reached by
     * cursor, {@code next} is the cursor of the next page (also in Link).
     */
    public record ShownPage(List<ObjectNode> items, Integer page, int size, long total, String next) {
    }


    @Inject
    Commands commands;
    @Inject
    ProposalQueries queries;
    @Inject
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    CallResource calls;
    @Inject
    Clock clock;
    @Inject
    gov.commerce.aiexports.proposals.screening.CountryLists countryLists;
    @Inject
    ProposalDisclosure disclosure;
    @Inject
    DisclosureAccount account;

    @POST
    @RolesAllowed(Roles.APPLICANT)
    public Response draft(ProposalRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        if (body.callId() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/callId", "callId is required");
        }
        // a malformed call id is bad input (400 at /callId), not a call that is not there (404)
        QueryParameters.identifier(body.callId(), "callId");
        ConsortiumView consortium = ownConsortium(body.consortiumId());
        calls.get(body.callId());
        String id = UUID.randomUUID().toString();
        commands.send(new ProposalCommand.DraftProposal(id, body.callId(), consortium.id(), consortium.organisation(),
                body.content()));
        return Response.created(URI.create("/proposals/" + id)).tag(new EntityTag("0"))
                .entity(Map.of("id", id, "status", ProposalStatus.DRAFT, "version", 0)).build();
    }

    /** Edits a draft; If-Match carries the version read (428 without, 412 when stale). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.APPLICANT)
    public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProposalRequest body) {
        ProposalView current = own(id);
        preconditions.check(ifMatch, id, true);
        // the version checked (null for If-Match: *, a deliberate overwrite)
        Long expected = request.expectation() == null ? null : request.expectation().version();
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        sameCallAndConsortium(body, current, "");
        commands.send(new ProposalCommand.EditProposal(current.id, expected, body.content()));
        ProposalView edited = get(id);
        return Response.ok(edited).tag(new EntityTag(String.valueOf(edited.version))).build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        ProposalView proposal = own(id);
        preconditions.check(ifMatch, id, false);
        CallView call = calls.get(proposal.callId);
        ConsortiumView consortium = ownConsortium(proposal.consortiumId);
        commands.send(new ProposalCommand.SubmitProposal(id, call.fiscalYear(), consortium.name(), call.requiredAgencies(),
                context(call, consortium)));
        return get(id);
    }

    @POST
    @Path("{id}/responses")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView respond(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ResponseRequest body) {
        ProposalView proposal = own(id);
        preconditions.check(ifMatch, id, false);
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/response", "a response is required");
        }
        if (body.changes() != null) {
            sameCallAndConsortium(body.changes(), proposal, "/changes");
        }
        CallView call = calls.get(proposal.callId);
        ConsortiumView consortium = ownConsortium(proposal.consortiumId);
        commands.send(new ProposalCommand.RespondToInformationRequest(id, body.informationRequestId(), body.response(),
                body.changes() == null ? null : body.changes().content(), context(call, consortium)));
        return get(id);
    }

    /** PROPOSAL_CALL_FIXED, PROPOSAL_CONSORTIUM_FIXED: a proposal stays in its call and with its consortium. */
    private static void sameCallAndConsortium(ProposalRequest body, ProposalView current, String under) {
        new Checks()
                .require(body.callId() == null || body.callId().equals(current.callId), "PROPOSAL_CALL_FIXED", under + "/callId",
                        "a proposal stays in its call; draft a new proposal for another call")
                .require(body.consortiumId() == null || body.consortiumId().equals(current.consortiumId),
                        "PROPOSAL_CONSORTIUM_FIXED", under + "/consortiumId", "a proposal stays with its consortium")
                .throwIfInvalid();
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, WithdrawRequest body) {
        own(id);
        preconditions.check(ifMatch, id, false);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInput("FIELD_REQUIRED", "/reason", "a reason is required");
        }
        withdrawOnFreshState(new ProposalCommand.WithdrawProposal(id, body.reason(), clock.instant()));
        return get(id);
    }

    /**
     * The review's outcome (e.g. a designation) may be recorded on the proposal by the consumer at the
     * moment the applicant withdraws: losing that append is no reason to refuse the applicant, so
     * the withdrawal is tried again on the fresh state (where it may become a relinquishment).
     */
    private void withdrawOnFreshState(ProposalCommand.WithdrawProposal command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.send(command);
                return;
            } catch (org.axonframework.modelling.command.ConcurrencyException lostRace) {
                if (attempt == 5) {
                    throw lostRace;
                }
            }
        }
    }

    /** The proposal as the disclosure rule lets this caller see it; every confidential section shown to an outsider is accounted for. */
    @GET
    @Path("{id}")
    public ObjectNode read(@PathParam("id") String id) {
        ProposalView v = disclosure.visible(request.caller(), id);
        Disclosure.Outcome outcome = disclosure.outcome(request.caller(), v);
        disclosure.account(id, outcome, "GET /proposals/{id}", null);
        preconditions.tag(id);
        return disclosure.show(v, outcome);
    }

    /** What the owning consortium's own operations answer with: all of its proposal. */
    ProposalView get(String id) {
        return OrganisationScope.readable(request.caller(), documents.find(ProposalProjection.TABLE, id, ProposalView.class),
                v -> v.organisation, "proposal", id);
    }

    /** The account of disclosure of a proposal: for its consortium and auditors; paged by cursor (Link: rel="next"). */
    @GET
    @Path("{id}/disclosures")
    @RolesAllowed({Roles.APPLICANT, Roles.AUDITOR})
    public List<DisclosureAccount.Entry> disclosures(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        gov.commerce.aiexports.runtime.paging.PageRequest page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        ProposalView v = documents.find(ProposalProjection.TABLE, id, ProposalView.class).orElseThrow(() -> new NotFound("proposal", id));
        boolean owner = caller.has(Roles.APPLICANT) && caller.organisation().equals(v.organisation);
        if (!owner && !caller.has(Roles.AUDITOR)) {
            throw new NotFound("proposal", id);
        }
        return links.of(account.page(id, page));
    }

    /**
     * JSON by default, a page (by page number or cursor; Link: rel="next" while more remain); with
     * Accept: text/csv the whole selection as CSV (page, size and cursor aside), streamed in batches,
     * one line per proposal, no confidential content.
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    // operators run the system and read no consortium's proposals (API.md): refused outright, not shown an empty list
    @RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER,
        Roles.AUDITOR})
    public Response list(@QueryParam("callId") String callId, @QueryParam("status") String status,
            @QueryParam("country") String country, @QueryParam("instrument") String instrument, @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size, @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        Caller caller = request.caller();
        // a filter on a section the caller may not see must not reveal it: such proposals do not match
        Predicate<ProposalView> filterable = country == null && instrument == null ? null : v -> {
            Disclosure.Outcome o = disclosure.outcome(caller, v);
            return (country == null || o.shown(Sections.TARGETS)) && (instrument == null || o.shown(Sections.INCENTIVES));
        };
        ProposalQueries.Filter filter = new ProposalQueries.Filter(callId, status, country, instrument, sort, page, size, cursor);
        boolean csv = gov.commerce.aiexports.runtime.request.Representations.wantsCsv(headers);
        if (csv) {
            // checked now (a refusal is a problem, not a broken download); the rows are read while streaming
            queries.select(caller, filter);
            String correlationId = request.correlationId();
            StreamingOutput body = output -> {
                java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(output, java.nio.charset.StandardCharsets.UTF_8),
                        64 * 1024);
                out.write(ProposalQueries.CSV_HEADER);
                queries.each(caller, filter, filterable, batch -> {
                    Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, batch);
                    batch.forEach(v -> disclosure.account(caller, correlationId, v.id, outcomes.get(v.id), "GET /proposals (text/csv)",
                            Set.of(Sections.TARGETS, Sections.INCENTIVES)));
                    try {
                        out.write(ProposalQueries.csv(batch, outcomes));
                        out.flush();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                out.flush();
            };
            return Response.ok(body, "text/csv").header("Content-Disposition", "attachment; filename=\"proposals.csv\"").build();
        }
        ProposalQueries.Page selection = queries.find(caller, filter, filterable);
        links.next(selection.next());
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, selection.items());
        List<ObjectNode> items = new ArrayList<>();
        for (ProposalView v : selection.items()) {
            disclosure.account(v.id, outcomes.get(v.id), "GET /proposals", null);
            items.add(disclosure.show(v, outcomes.get(v.id)));
        }
        return Response.ok(new ShownPage(items, selection.page(), selection.size(), selection.total(), selection.next()),
                MediaType.APPLICATION_JSON).build();
    }

    private SubmissionContext context(CallView call, ConsortiumView consortium) {
        Set<String> offered = call.instruments().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> members = new HashSet<>();
        consortium.members().forEach(m -> members.add(m.uei()));
        Instant now = clock.instant();
        return new SubmissionContext(call.acceptsSubmissionsAt(now), offered, members, countryLists.inEffect(now).groups(), now);
    }

    private ProposalView own(String id) {
        return OrganisationScope.owned(request.caller(), documents.find(ProposalProjection.TABLE, id, ProposalView.class),
                v -> v.organisation, "proposal", id);
    }

    private ConsortiumView ownConsortium(String consortiumId) {
        if (consortiumId == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/consortiumId", "consortiumId is required");
        }
        ConsortiumView consortium = documents.find("consortium_view", consortiumId, ConsortiumView.class)
                .orElseThrow(() -> new RuleViolation("CONSORTIUM_UNKNOWN", "/consortiumId", "no such consortium"));
        Caller caller = request.caller();
        if (!consortium.organisation().equals(caller.organisation())) {
            throw new RuleViolation("CONSORTIUM_NOT_OWNED", "/consortiumId",
                    "only the anchor member's organisation submits for a consortium");
        }
        return consortium;
    }
}
