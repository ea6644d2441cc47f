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

    /** Reviewers of one agency, named by their tokens' subjects, and the date its assessment is due. */
    public record AssignmentRequest(String agency, List<String> reviewers, LocalDate dueDate) {
    }

    /** from: the reviewer replaced (assigned, or recused and awaiting a successor); dueDate: optional, else the assignment's. */
    public record ReassignmentRequest(String agency, String from, String to, LocalDate dueDate, String reason) {
    }

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
    @Inject
    AssignmentQueries assignments;

    /** The agency codes that may be named in assignments (the required agencies of a review are among them). */
    private static final String COMMERCE = "COMMERCE";

    /** Newest opened first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("openedAt").desc("coalesce(doc->>'openedAt', '')").desc("id").build();

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
        StringBuilder sql = new StringBuilder("from review_view where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (assignedTo != null) {
            sql.append(" and jsonb_exists(doc->'assignees', ?)");
            params.add(request.caller().subject());
        }
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
                body.conflictOfInterest(), body.scores(), body.recommendation(), body.conditions(), body.comments(),
                leads(caller, caller.organisation())));
        boolean recused = body.conflictOfInterest().declared();
        return Response.status(recused ? 200 : 201)
                .entity(Map.of("reviewId", id, "assessmentId", recused ? "" : assessmentId, "recused", recused,
                        "review", get(id)))
                .build();
    }

    /**
     * Whether the caller leads that agency's review desk: an agency-reviewer holding agency-lead of
     * that agency, or a commerce-officer for COMMERCE (Commerce leads its own desk).
     */
    static boolean leads(Caller caller, String agency) {
        if (agency == null || !agency.equals(caller.organisation())) {
            return false;
        }
        return (caller.has(Roles.AGENCY_REVIEWER) && caller.has(Roles.AGENCY_LEAD))
                || (caller.has(Roles.COMMERCE_OFFICER) && COMMERCE.equals(agency));
    }

    /** Commerce assigns for any agency; an agency's lead for its own only. Returns whether the lead acts (else Commerce). */
    private static boolean mayAssign(Caller caller, String agency) {
        if (leads(caller, agency)) {
            return !caller.has(Roles.COMMERCE_OFFICER);
        }
        if (caller.has(Roles.COMMERCE_OFFICER)) {
            return false;
        }
        throw new ForbiddenException("only Commerce, or the agency's lead for its own agency, assigns reviewers");
    }

    /** Names reviewers of one agency for the review (added to those assigned) and the due date of its assessment. */
    @POST
    @Path("{id}/assignments")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public ObjectNode assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, AssignmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Caller caller = request.caller();
        // who first: a caller who may not assign is refused whatever its body says
        boolean byLead = mayAssign(caller, body.agency());
        AssignmentPolicies.checkWellFormed(body.agency(), body.reviewers(), body.dueDate());
        find(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ReviewCommand.AssignReviewers(id, body.agency(), body.reviewers(), body.dueDate(), caller.subject(), byLead,
                gov.commerce.aiexports.events.FederalTime.today(clock), clock.instant()));
        return get(id);
    }

    /** Replaces one reviewer of an agency by another (after a recusal, or at Commerce's or the lead's discretion). */
    @POST
    @Path("{id}/reassignments")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public ObjectNode reassign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ReassignmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Caller caller = request.caller();
        boolean byLead = mayAssign(caller, body.agency());
        new gov.commerce.aiexports.runtime.domain.Checks().required(body.agency(), "/agency").required(body.from(), "/from")
                .required(body.to(), "/to").throwIfInvalid();
        QueryParameters.oneOf(body.agency(), "agency", AgencyCodes.ALL);
        if (body.reason() != null && body.reason().length() > 4000) {
            throw new InvalidInput("TEXT_TOO_LONG", "/reason", "a reason has at most 4,000 characters");
        }
        find(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new ReviewCommand.ReassignReviewer(id, body.agency(), body.from(), body.to(), body.dueDate(),
                body.reason() == null ? null : body.reason().strip(), caller.subject(), byLead,
                gov.commerce.aiexports.events.FederalTime.today(clock), clock.instant()));
        return get(id);
    }

    /** An agency's assigned reviewers with their assigned, open and overdue reviews: for Commerce and that agency's lead. */
    @GET
    @Path("workload")
    @RolesAllowed({Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER})
    public AssignmentQueries.Workload workload(@QueryParam("agency") String agency) {
        agency = QueryParameters.oneOf(agency, "agency", AgencyCodes.ALL);
        if (agency == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/agency", "agency is required: the workload of which agency");
        }
        Caller caller = request.caller();
        if (!caller.has(Roles.COMMERCE_OFFICER) && !leads(caller, agency)) {
            throw new ForbiddenException("only Commerce, or the agency's lead for its own agency, reads its workload");
        }
        return assignments.workload(agency, gov.commerce.aiexports.events.FederalTime.today(clock));
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
