package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.review.review.Assessment;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** A reviewer assesses a review for its own agency only (the token's organisation), or declares a conflict and recuses. */
@Singleton
public class AssessReview {

    public record AssessmentRequest(String agency, Assessment.ConflictOfInterest conflictOfInterest, Assessment.Scores scores,
            Assessment.Recommendation recommendation, List<String> conditions, List<Assessment.Comment> comments) {
    }

    /** assessmentId: empty when the reviewer recused (nothing was assessed). */
    public record Recorded(String assessmentId, boolean recused) {
    }

    @Inject
    ReviewQueries reviews;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public Recorded assess(String id, String ifMatch, AssessmentRequest body) {
        Bodies.require(body);
        Caller caller = request.caller();
        if (body.agency() != null && !body.agency().equals(caller.organisation())) {
            throw new ForbiddenException("a reviewer assesses for its own agency only");
        }
        reviews.existing(id);
        preconditions.check(ifMatch, id, false);
        String assessmentId = UUID.randomUUID().toString();
        commands.send(new ReviewCommand.RecordAssessment(id, assessmentId, caller.organisation(), caller.subject(),
                body.conflictOfInterest(), body.scores(), body.recommendation(), body.conditions(), body.comments(),
                ReviewDesk.leads(caller, caller.organisation())));
        boolean recused = body.conflictOfInterest().declared();
        return new Recorded(recused ? "" : assessmentId, recused);
    }
}
