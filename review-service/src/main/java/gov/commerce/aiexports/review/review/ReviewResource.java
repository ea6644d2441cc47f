package gov.commerce.aiexports.review.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.AgencyCodes;
import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.review.disclosure.ReviewDisclosure;
import gov.commerce.aiexports.review.review.application.AssessReview;
import gov.commerce.aiexports.review.review.application.AssessReview.AssessmentRequest;
import gov.commerce.aiexports.review.review.application.AssignReviewers;
import gov.commerce.aiexports.review.review.application.AssignReviewers.AssignmentRequest;
import gov.commerce.aiexports.review.review.application.AssignReviewers.ReassignmentRequest;
import gov.commerce.aiexports.review.review.application.DetermineReview;
import gov.commerce.aiexports.review.review.application.DetermineReview.DeterminationRequest;
import gov.commerce.aiexports.review.review.application.RequestInformation;
import gov.commerce.aiexports.review.review.application.RequestInformation.InformationRequestRequest;
import gov.commerce.aiexports.review.review.application.ReviewDesk;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;

@Path("/reviews")
@RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.EDAG_COORDINATOR, Roles.FINANCING_OFFICER, Roles.AUDITOR})
public class ReviewResource {

    @Inject
    ReviewQueries reviews;
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
    @Inject
    AssessReview assessment;
    @Inject
    AssignReviewers assignment;
    @Inject
    RequestInformation information;
    @Inject
    DetermineReview determination;

    /**
     * agency= lists the reviews that await that agency's assessment; assignedTo=me the caller's
     * worklist (the reviews it is assigned to now); paged by cursor (Link: rel="next").
     */
    @GET
    public List<ObjectNode> list(@QueryParam("status") String status, @QueryParam("proposalId") String proposalId,
            @QueryParam("agency") String agency, @QueryParam("assignedTo") String assignedTo, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        status = QueryParameters.oneOf(status, "status", ReviewStatus.class);
        QueryParameters.identifier(proposalId, "proposalId");
        agency = QueryParameters.oneOf(agency, "agency", AgencyCodes.ALL);
        assignedTo = QueryParameters.oneOf(assignedTo, "assignedTo", List.of("ME")); // codes are read in any case
        Caller caller = request.caller();
        List<ReviewView> listed = links.of(reviews.page(new ReviewQueries.Filter(status, proposalId, agency,
                assignedTo == null ? null : caller.subject()), page));
        Map<String, Disclosure.Outcome> outcomes = disclosure.outcomes(caller, listed);
        return listed.stream().map(r -> disclosure.show(r, outcomes.get(r.id))).toList();
    }

    /** The review as the disclosure rule lets this caller see its proposal's sections (withheld ones hold the marker). */
    // the answer is a JSON tree (or a Response): this names the view it serialises, for the OpenAPI document
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "ReviewView", content = @org.eclipse.microprofile.openapi.annotations.media.Content(
            mediaType = "application/json", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = ReviewView.class)))
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ObjectNode shown = disclosure.show(request.caller(), reviews.existing(id));
        preconditions.tag(id);
        return shown;
    }

    /** A reviewer assesses for its own agency only: the token's organisation. */
    @POST
    @Path("{id}/assessments")
    @RolesAllowed({Roles.AGENCY_REVIEWER, Roles.COMMERCE_OFFICER})
    public Response assess(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AssessmentRequest body) {
        AssessReview.Recorded recorded = assessment.assess(id, ifMatch, body);
        return Response.status(recorded.recused() ? 200 : 201)
                .entity(Map.of("reviewId", id, "assessmentId", recorded.assessmentId(), "recused", recorded.recused(),
                        "review", get(id)))
                .build();
    }

    /** Names reviewers of one agency for the review (added to those assigned) and the due date of its assessment. */
    @POST
    @Path("{id}/assignments")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public ObjectNode assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AssignmentRequest body) {
        assignment.assign(id, ifMatch, body);
        return get(id);
    }

    /** Replaces one reviewer of an agency by another (after a recusal, or at Commerce's or the lead's discretion). */
    @POST
    @Path("{id}/reassignments")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public ObjectNode reassign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ReassignmentRequest body) {
        assignment.reassign(id, ifMatch, body);
        return get(id);
    }

    /** An agency's assigned reviewers with their assigned, open and overdue reviews: for Commerce and that agency's lead. */
    @GET
    @Path("workload")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public ReviewQueries.Workload workload(@QueryParam("agency") String agency) {
        agency = QueryParameters.oneOf(agency, "agency", AgencyCodes.ALL);
        if (agency == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/agency", "agency is required: the workload of which agency");
        }
        ReviewDesk.mayReadWorkload(request.caller(), agency);
        return reviews.workload(agency, FederalTime.today(clock));
    }

    @POST
    @Path("{id}/information-requests")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public ObjectNode requestInformation(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, InformationRequestRequest body) {
        information.request(id, ifMatch, body);
        return get(id);
    }

    /** Designates (taking the next designation number) or rejects ({@link DetermineReview}). */
    @POST
    @Path("{id}/determination")
    @RolesAllowed(Roles.COMMERCE_OFFICER)
    public ObjectNode determine(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, DeterminationRequest body) {
        determination.determine(id, ifMatch, body);
        return get(id);
    }
}
