package gov.commerce.aiexports.proposals.timeline;

import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.proposals.proposal.ProposalDisclosure;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import io.quarkus.security.Authenticated;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** GET /proposals/{id}/timeline: one ordered list across all services; applicants see only the entries meant for them. */
@Path("/proposals/{id}/timeline")
@Authenticated
public class TimelineResource {

    @Inject
    TimelineQueries timelines;
    @Inject
    RequestContext request;
    @Inject
    ProposalDisclosure disclosure;

    @Inject
    PageLinks links;

    /** Paged by cursor like every list (Link: rel="next"). */
    @GET
    public List<TimelineEntry> timeline(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Caller caller = request.caller();
        ProposalView proposal = disclosure.visible(caller, id); // 404 unless the caller may see the proposal
        boolean government = caller.readsAcrossOrganisations();
        List<TimelineEntry> entries = links.of(timelines.page(id, government, page));
        Disclosure.Outcome outcome = disclosure.outcome(caller, proposal);
        Set<String> carried = new HashSet<>();
        List<TimelineEntry> shown = entries.stream().map(e -> {
            String section = TimelineEntries.sectionCarried(e.eventType());
            if (section == null) {
                return e;
            }
            if (outcome.shown(section)) {
                carried.add(section);
                return e;
            }
            return new TimelineEntry(e.eventId(), e.proposalId(), e.occurredAt(), e.service(), e.eventType(),
                    e.eventType() + ": " + ProposalDisclosure.withheldText(), e.audience(), e.actor(), e.correlationId());
        }).toList();
        disclosure.account(id, outcome, "GET /proposals/{id}/timeline", carried);
        return shown;
    }
}
