package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.events.AgencyCodes;
import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.review.AssignmentPolicies;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violations;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Commerce, or an agency's lead for its own agency, names an agency's reviewers of a review or
 * replaces one of them. Both take the same steps: who first (a caller who may not assign is refused
 * whatever its body says), then the body, then the review and its version, then the command.
 */
@Singleton
public class AssignReviewers {

    /** Reviewers of one agency, named by their tokens' subjects, and the date its assessment is due. */
    public record AssignmentRequest(String agency, List<String> reviewers, LocalDate dueDate) {
    }

    /** from: the reviewer replaced (assigned, or recused and awaiting a successor); dueDate: optional, else the assignment's. */
    public record ReassignmentRequest(String agency, String from, String to, LocalDate dueDate, String reason) {
    }

    /** The command of one assignment, given who acts and whether the lead acts (else Commerce). */
    private interface Assignment {
        ReviewCommand command(Caller caller, boolean byLead);
    }

    @Inject
    ReviewQueries reviews;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    /** Names reviewers of one agency for the review (added to those assigned) and the due date of its assessment. */
    public void assign(String id, String ifMatch, AssignmentRequest body) {
        Bodies.require(body);
        send(id, ifMatch, body.agency(),
                () -> Violations.invalidIfAny(AssignmentPolicies.checkWellFormed(body.agency(), body.reviewers(), body.dueDate())),
                (caller, byLead) -> new ReviewCommand.AssignReviewers(id, body.agency(), body.reviewers(), body.dueDate(),
                        caller.subject(), byLead, FederalTime.today(clock), clock.instant()));
    }

    /** Replaces one reviewer of an agency by another (after a recusal, or at Commerce's or the lead's discretion). */
    public void reassign(String id, String ifMatch, ReassignmentRequest body) {
        Bodies.require(body);
        send(id, ifMatch, body.agency(), () -> {
            new Checks().required(body.agency(), "/agency").required(body.from(), "/from").required(body.to(), "/to").throwIfInvalid();
            QueryParameters.oneOf(body.agency(), "agency", AgencyCodes.ALL);
            if (body.reason() != null && body.reason().length() > 4000) {
                throw new InvalidInput("TEXT_TOO_LONG", "/reason", "a reason has at most 4,000 characters");
            }
        }, (caller, byLead) -> new ReviewCommand.ReassignReviewer(id, body.agency(), body.from(), body.to(), body.dueDate(),
                body.reason() == null ? null : body.reason().strip(), caller.subject(), byLead, FederalTime.today(clock),
                clock.instant()));
    }

    private void send(String id, String ifMatch, String agency, Runnable checkBody, Assignment assignment) {
        Caller caller = request.caller();
        boolean byLead = ReviewDesk.mayAssign(caller, agency);
        checkBody.run();
        reviews.existing(id);
        preconditions.check(ifMatch, id, false);
        commands.send(assignment.command(caller, byLead));
    }
}
