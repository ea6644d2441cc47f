package gov.commerce.aiexports.notifications.routing;

import static gov.commerce.aiexports.notifications.routing.RoutingRules.rule;

import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import gov.commerce.aiexports.notifications.routing.RoutingRules.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the review desk (assigned reviewers, recusals, overdue assessments), kept beside
 * RoutingRules, which lists them in its ALL. A reviewer is told as a person (its token's subject:
 * its inbox), its agency and Commerce as organisations. Nothing of the proposal's content is in
 * these events, so no notice needs the disclosure rule.
 * Routing tables, not validation rules: they refuse nothing (the program's rules are the domain
 * {@code *Policies} classes, each {@code check...} returning its violations).
 */
public final class ReviewDeskRoutingRules {

    static final String COMMERCE = "COMMERCE";

    /** Each reviewer newly assigned (or taking over after a reassignment) learns what is due when. */
    public static final Rule REVIEW_ASSIGNED = rule("REVIEW_ASSIGNED", ReviewersAssigned.class, (a, d) ->
            a.added().stream().map(reviewer -> new Notice("REVIEW_ASSIGNED", Recipient.person(reviewer), a.proposalId(),
                    "Review assigned to you for " + a.agency() + ", due " + a.dueDate(),
                    "You are assigned to assess review " + a.reviewId() + " of proposal " + a.proposalId() + " for " + a.agency()
                            + ("REASSIGNED".equals(a.change()) ? " (taking over from " + String.join(", ", a.removed()) + ")" : "")
                            + ". The assessment is due on " + a.dueDate() + ".")).toList());

    /** The agency is asked to assign another reviewer when an assigned one recused. */
    public static final Rule REASSIGNMENT_REQUESTED = rule("REASSIGNMENT_REQUESTED", ReviewerReassignmentRequested.class, (r, d) ->
            List.of(new Notice("REASSIGNMENT_REQUESTED", Recipient.agency(r.agency()), r.proposalId(),
                    "Reassignment needed: a reviewer recused",
                    r.recusedReviewer() + " recused from review " + r.reviewId() + " of proposal " + r.proposalId()
                            + " (a declared conflict of interest). Assign another reviewer of " + r.agency() + "; "
                            + (r.remainingReviewers().isEmpty() ? "no other reviewer is assigned"
                            : "still assigned: " + String.join(", ", r.remainingReviewers()))
                            + ". The assessment is due on " + r.dueDate() + ".")));

    /** The reminder to each assigned reviewer: once per agency and due date (the event is flagged once; notices are deduplicated on it). */
    public static final Rule ASSESSMENT_OVERDUE_REMINDER = rule("ASSESSMENT_OVERDUE_REMINDER", AssessmentOverdue.class, (o, d) ->
            o.reviewers().stream().map(reviewer -> new Notice("ASSESSMENT_OVERDUE_REMINDER", Recipient.person(reviewer), o.proposalId(),
                    "Overdue: your assessment of review " + o.reviewId(),
                    "Your assessment for " + o.agency() + " of review " + o.reviewId() + " (proposal " + o.proposalId()
                            + ") was due on " + o.dueDate() + " and is overdue. Your agency and Commerce have been told.")).toList());

    /** The escalation of the same overdue assessment to the agency and to Commerce (once, if the agency is Commerce). */
    public static final Rule ASSESSMENT_OVERDUE_ESCALATION = rule("ASSESSMENT_OVERDUE_ESCALATION", AssessmentOverdue.class, (o, d) -> {
        List<Notice> notices = new ArrayList<>();
        for (String agency : o.agency().equals(COMMERCE) ? List.of(COMMERCE) : List.of(o.agency(), COMMERCE)) {
            notices.add(new Notice("ASSESSMENT_OVERDUE_ESCALATION", Recipient.agency(agency), o.proposalId(),
                    "Escalation: " + o.agency() + " assessment overdue on review " + o.reviewId(),
                    o.agency() + "'s assessment of review " + o.reviewId() + " (proposal " + o.proposalId() + ", round " + o.round()
                            + ") was due on " + o.dueDate() + " and is overdue. Assigned: "
                            + (o.reviewers().isEmpty() ? "nobody (awaiting reassignment)" : String.join(", ", o.reviewers())) + "."));
        }
        return notices;
    });

    public static final List<Rule> ALL = List.of(REVIEW_ASSIGNED, REASSIGNMENT_REQUESTED, ASSESSMENT_OVERDUE_REMINDER,
            ASSESSMENT_OVERDUE_ESCALATION);

    private ReviewDeskRoutingRules() {
    }
}
