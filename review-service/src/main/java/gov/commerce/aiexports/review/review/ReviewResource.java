package gov.commerce.aiexports.review.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.review.disclosure.ReviewDisclosure;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.review.designation.DesignationNumbers;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.events.AgencyCodes;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/reviews")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class ReviewResource {

    public record AssessmentRequest(String agency, Assessment.ConflictOfInterest conflictOfInterest, Assessment.Scores scores,
            Assessment.Recommendation recommendation, List<String> conditions, List<Assessment.Comment> comments) {
    }

    public record InformationRequestRequest(List<String> questions) {
    }

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
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Clock clock;
    @Inject
    ReviewDisclosure disclosure;
    @Inject
    PageLinks links;

    /** Newest opened first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("openedAt").desc("coalesce(doc->>'openedAt', '')").desc("id").build();

    /** agency= lists the reviews that await that agency's assessment; paged by cursor (Link: rel="next"). */
    @GET
    public List<ObjectNode> list(@QueryParam("status") String status, @QueryParam("proposalId") String proposalId,
            @QueryParam("agency") String agency, @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        status = QueryParameters.oneOf(status, "status", ReviewStatus.class);
        QueryParameters.identifier(proposalId, "proposalId");
        agency = QueryParameters.oneOf(agency, "agency", AgencyCodes.ALL);
        StringBuilder sql = new StringBuilder("from review_view where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status);
        }
        if (proposalId != null) {
            sql.append(" and proposal_id = ?");
            params.add(proposalId);
        }
        if (agency != null) {
            sql.append(" and jsonb_exists(doc->'awaitingAgencies', ?)");
            params.add(agency);
        }
        List<ReviewView> reviews = links.of(documents.page(sql.toString(), params, ORDER, page, ReviewView.class));
        Caller caller = request.caller();
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, reviews);
        return reviews.stream().map(r -> disclosure.show(r, outcomes.get(r.id))).toList();
    }

    /** The review as the disclosure rule lets this caller see its proposal's sections (withheld ones hold the marker). */
    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "ReviewView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ReviewView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode shown = disclosure.show(request.caller(), find(id));
        preconditions.tag(id);
        return shown;
    }

    private ReviewView find(String id) {
        return documents.find(ReviewProjection.TABLE, id, ReviewView.class).orElseThrow(() -> new NotFound("review", id));
    }

    /** A reviewer assesses for its own agency only: the token's organisation. */
    @POST
    @Path("{id}/assessments")
    @RolesAllowed({Roles.AGENCY_REVIEWER, Roles.COMMERCE_OFFICER})
    public Response assess(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AssessmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Caller caller = request.caller();
        if (body.agency() != null && !body.agency().equals(caller.organisation())) {
            throw new ForbiddenException("a reviewer assesses for its own agency only");
        }
        find(id);
        preconditions.check(ifMatch, id, false);
        String assessmentId = UUID.randomUUID().toString();
        commands.send(new ReviewCommand.RecordAssessment(id, assessmentId, caller.organisation(), caller.subject(),
                body.conflictOfInterest(), body.scores(), body.recommendation(), body.conditions(), body.comments()));
        boolean recused = body.conflictOfInterest().declared();
        return Response.status(recused ? 200 : 201)
                .entity(Map.of("reviewId", id, "assessmentId", recused ? "" : assessmentId, "recused", recused,
                        "review", get(id)))
                .build();
    }

    @POST
    @Path("{id}/information-requests")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public ObjectNode requestInformation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InformationRequestRequest body) {
        // no body (an empty or a JSON null one) is refused as at every other endpoint, not as a request without questions
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        find(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ReviewCommand.RequestInformation(id, UUID.randomUUID().toString(), body.questions(),
                request.caller().organisation()));
        return get(id);
    }

    /**
     * The designation number is taken in this transaction together with the determination's
     * event, so a refused or conflicting determination leaves no gap in the numbers. Its year is the
     * fiscal year in Washington's time (FederalTime), not in the server's or UTC.
     */
    @POST
    @Path("{id}/determination")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    @Transactional
    public ObjectNode determine(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeterminationRequest body) {
        if (body == null || body.decision() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/decision", "decision is DESIGNATE or REJECT");
        }
        find(id);
        // a determination decides on what was read: made on a review changed meanwhile, it would overlook it
        preconditions.check(ifMatch, id, true);
        String number = body.decision() == ReviewEvent.Decision.DESIGNATE
                ? numbers.next(FiscalYear.of(clock.instant())) : null;
        commands.send(new ReviewCommand.RecordDetermination(id, body.decision(), body.justification(),
                body.acknowledgedFlags(), body.endorsedIncentives(), body.effectiveDate(), number));
        return get(id);
    }
}
