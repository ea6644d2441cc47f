package gov.commerce.aiexports.proposals.proposal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.proposals.disclosure.DisclosureAccount;
import gov.commerce.aiexports.proposals.proposal.application.DraftProposal;
import gov.commerce.aiexports.proposals.proposal.application.EditDraft;
import gov.commerce.aiexports.proposals.proposal.application.ProposalRequest;
import gov.commerce.aiexports.proposals.proposal.application.RespondToInformationRequest;
import gov.commerce.aiexports.proposals.proposal.application.RespondToInformationRequest.ResponseRequest;
import gov.commerce.aiexports.proposals.proposal.application.SubmitProposal;
import gov.commerce.aiexports.proposals.proposal.application.WithdrawProposal;
import gov.commerce.aiexports.proposals.proposal.application.WithdrawProposal.WithdrawRequest;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

@Path("/proposals")
@Authenticated
public class ProposalResource {

    /**
     * A page of proposals as the caller may see them; {@code page} is null on a page reached by
     * cursor, {@code next} is the cursor of the next page (also in Link).
     */
    public record ShownPage(List<ObjectNode> items, Integer page, int size, long total, String next) {
    }


    @Inject
    ProposalQueries queries;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    ProposalDisclosure disclosure;
    @Inject
    DisclosureAccount account;
    @Inject
    DraftProposal drafting;
    @Inject
    EditDraft editing;
    @Inject
    SubmitProposal submission;
    @Inject
    RespondToInformationRequest responses;
    @Inject
    WithdrawProposal withdrawal;

    @POST
    @RolesAllowed(Roles.APPLICANT)
    public Response draft(ProposalRequest body) {
        String id = drafting.draft(body);
        return Response.created(URI.create("/proposals/" + id)).tag(new EntityTag("0"))
                .entity(Map.of("id", id, "status", ProposalStatus.DRAFT, "version", 0)).build();
    }

    /** Edits a draft; If-Match carries the version read (428 without, 412 when stale). */
    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.APPLICANT)
    public Response edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ProposalRequest body) {
        editing.edit(id, ifMatch, body);
        ProposalView edited = get(id);
        return Response.ok(edited).tag(new EntityTag(String.valueOf(edited.version))).build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        submission.submit(id, ifMatch);
        return get(id);
    }

    @POST
    @Path("{id}/responses")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView respond(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ResponseRequest body) {
        responses.respond(id, ifMatch, body);
        return get(id);
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Roles.APPLICANT)
    public ProposalView withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, WithdrawRequest body) {
        withdrawal.withdraw(id, ifMatch, body);
        return get(id);
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
    private ProposalView get(String id) {
        return queries.readable(request.caller(), id);
    }

    /** The account of disclosure of a proposal: for its consortium and auditors; paged by cursor (Link: rel="next"). */
    @GET
    @Path("{id}/disclosures")
    @RolesAllowed({Roles.APPLICANT, Roles.AUDITOR})
    public List<DisclosureAccount.Entry> disclosures(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        gov.commerce.aiexports.runtime.paging.PageRequest page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        ProposalView v = queries.existing(id);
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
}
