package gov.commerce.aiexports.proposals.timeline;

import gov.commerce.aiexports.proposals.proposal.ProposalResource;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import io.quarkus.security.Authenticated;
import java.util.List;

/** GET /proposals/{id}/timeline: one ordered list across all services; applicants see only the entries meant for them. */
@Path("/proposals/{id}/timeline")
@Authenticated
public class TimelineResource {

    @Inject
    Documents documents;
    @Inject
    RequestContext request;
    @Inject
    ProposalResource proposals;

    @GET
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        proposals.get(id); // 404 unless the caller may see the proposal
        boolean government = request.caller().readsAcrossOrganisations();
        return documents.query("select doc from timeline_entry where proposal_id = ?"
                + (government ? "" : " and audience = 'APPLICANT'") + " order by occurred_at, id", TimelineEntry.class, id);
    }
}
