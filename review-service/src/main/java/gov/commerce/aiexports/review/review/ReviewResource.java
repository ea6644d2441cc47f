package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.review.designation.DesignationNumbers;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Path("/reviews")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class ReviewResource {

    public record DeterminationRequest(ReviewEvent.Decision decision, String justification, List<String> acknowledgedFlags,
            List<IncentiveLine> endorsedIncentives, LocalDate effectiveDate) {
    }

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    DesignationNumbers numbers;
    @Inject
    Clock clock;

    @GET
    public List<ReviewView> list(@QueryParam("status") String status, @QueryParam("proposalId") String proposalId,
            @QueryParam("agency") String agency) {
        StringBuilder sql = new StringBuilder("select doc from review_view where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.toUpperCase());
        }
        if (proposalId != null) {
            sql.append(" and proposal_id = ?");
            params.add(proposalId);
        }
        if (agency != null) {
            sql.append(" and jsonb_exists(doc->'requiredAgencies', ?)");
            params.add(agency.toUpperCase());
        }
        sql.append(" order by doc->>'openedAt' desc limit 500");
        return documents.query(sql.toString(), ReviewView.class, params.toArray());
    }

    @GET
    @Path("{id}")
    public ReviewView get(@PathParam("id") String id) {
        return documents.find(ReviewProjection.TABLE, id, ReviewView.class).orElseThrow(() -> new NotFound("review", id));
    }

    /**
     * The designation number is taken in this transaction together with the determination's
     * event, so a refused or conflicting determination leaves no gap in the numbers.
     */
    @POST
    @Path("{id}/determination")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public ReviewView determine(@PathParam("id") String id, DeterminationRequest body) {
        if (body == null || body.decision() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/decision", "decision is DESIGNATE or REJECT");
        }
        get(id);
        String number = null;
        if (body.decision() == ReviewEvent.Decision.DESIGNATE) {
            LocalDate decidedOn = LocalDate.now(clock);
            number = numbers.next(gov.commerce.aiexports.events.FiscalYear.of(decidedOn));
        }
        commands.send(new ReviewCommand.RecordDetermination(id, body.decision(), body.justification(),
                body.acknowledgedFlags(), body.endorsedIncentives(), body.effectiveDate(), number));
        return get(id);
    }
}
