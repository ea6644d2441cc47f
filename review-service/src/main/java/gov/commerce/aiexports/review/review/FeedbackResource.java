package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/**
 * What the applicant may see of its proposal's review: the status, the information requests, the
 * conditions, and the comments marked SHARED. Never INTERNAL comments, scores or reviewers' names.
 */
@Path("/feedback")
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@RolesAllowed({Roles.APPLICANT, Roles.COMMERCE_OFFICER, Roles.AGENCY_REVIEWER, Roles.AUDITOR})
public class FeedbackResource {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SharedAssessment(String agency, int round, Assessment.Recommendation recommendation, List<String> conditions,
            List<String> comments, boolean current) {
    }

    public record Feedback(String reviewId, String proposalId, String status, int round,
            List<ReviewView.InformationRequestEntry> informationRequests, List<SharedAssessment> assessments,
            List<String> designationConditions, String designationNumber) {
    }

    @Inject
    ReviewQueries reviews;
    @Inject
    RequestContext request;

    @jakarta.inject.Inject
    gov.commerce.aiexports.runtime.paging.PageLinks links;

    /** One entry per review of the proposal (a withdrawn and resubmitted proposal has several), paged by cursor (Link: rel="next"). */
    @GET
    @Path("{proposalId}")
    public List<Feedback> of(@PathParam("proposalId") String proposalId, @jakarta.ws.rs.QueryParam("cursor") String cursor,
            @jakarta.ws.rs.QueryParam("limit") Integer limit) {
        gov.commerce.aiexports.runtime.paging.PageRequest page = gov.commerce.aiexports.runtime.paging.PageRequest.of(cursor, limit);
        QueryParameters.identifier(proposalId, "proposalId");
        Caller caller = request.caller();
        List<Feedback> feedback = links.of(reviews.ofProposal(caller, proposalId, page)).stream()
                .map(v -> shared(v, caller.readsAcrossOrganisations()))
                .toList();
        if (feedback.isEmpty() && page.first()) {
            // no review yet, or another organisation's proposal: the same answer, so nothing leaks
            throw new NotFound("review of proposal", proposalId);
        }
        return feedback;
    }

    /** Recommendations are the government's deliberation: applicants see conditions and shared comments only. */
    static Feedback shared(ReviewView v, boolean government) {
        List<SharedAssessment> assessments = v.assessments.stream().map(a -> new SharedAssessment(a.agency(), a.round(),
                government ? a.recommendation() : null, a.conditions(), a.comments().stream()
                        .filter(c -> c.visibility() == Assessment.Visibility.SHARED).map(Assessment.Comment::text).toList(),
                a.current())).toList();
        return new Feedback(v.id, v.proposalId, v.status, v.round, v.informationRequests, assessments,
                v.determination == null ? List.of() : v.determination.conditions(),
                v.determination == null ? null : v.determination.designationNumber());
    }
}
