package gov.commerce.aiexports.review.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The interagency review of one proposal: assessments by the required agencies in rounds (a
 * resubmission starts a new round), information requests, and Commerce's determination.
 */
public class Review {

    @AggregateIdentifier
    private String reviewId;
    private String proposalId;
    private ReviewStatus status;
    private int round;
    private List<String> requiredAgencies;
    private List<ScreeningFlag> flags;
    private List<IncentiveLine> requested;
    private String openInformationRequest;
    /** The applicant withdrew the proposal: no designation may be recorded any more. */
    private boolean withdrawn;
    private String designationNumber;
    private int endorsedLineCount;
    /** The current assessment of each agency in this round. */
    private final Map<String, Assessment.Recorded> current = new HashMap<>();
    private final Set<String> recused = new HashSet<>();
    /** Each agency's review desk on this review, once someone was assigned (kept across rounds). */
    private final Map<String, Desk> desks = new HashMap<>();
    /** Overdue assessments already flagged: agency and due date. */
    private final Set<String> overdueFlagged = new HashSet<>();

    /** The assigned reviewers of one agency, the due date, and who recused and awaits a successor. */
    private static final class Desk {
        final java.util.LinkedHashSet<String> reviewers = new java.util.LinkedHashSet<>();
        final java.util.LinkedHashSet<String> awaitingReassignment = new java.util.LinkedHashSet<>();
        LocalDate dueDate;

        // by value: the aggregate fixture compares the state a command left with the state its events rebuild
        @Override
        public boolean equals(Object o) {
            return o instanceof Desk d && reviewers.equals(d.reviewers) && awaitingReassignment.equals(d.awaitingReassignment)
                    && java.util.Objects.equals(dueDate, d.dueDate);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(reviewers, awaitingReassignment, dueDate);
        }
    }

    /** Rule code: a determination of a proposal its applicant withdrew. */
    public static final String PROPOSAL_WITHDRAWN = "PROPOSAL_WITHDRAWN";
    /** The cause of a revocation that follows the applicant's withdrawal (as in the DesignationRevoked contract). */
    public static final String RELINQUISHED = "RELINQUISHED";
    /** The cause of Commerce's own revocation (as in the DesignationRevoked contract). */
    public static final String REVOKED_BY_COMMERCE = "REVOKED_BY_COMMERCE";

    protected Review() {
    }

    @CommandHandler
    public Review(ReviewCommand.OpenReview command) {
        ProposalSubmitted s = command.submission();
        apply(new ReviewEvent.Opened(command.reviewId(), s.proposalId(), s.trackingNumber(), s.consortiumId(),
                s.consortiumName(), s.applicantOrganisation(), s.title(), s.fiscalYear(), s.targetCountries(),
                s.requestedIncentives(), s.requiredAgencies(), s.flags(), s.countryListVersion(), s.confidentialSections()));
    }

    @CommandHandler
    void handle(ReviewCommand.RecordAssessment c) {
        Violations.invalidIfAny(AssessmentPolicies.checkWellFormed(c));
        requireOpen();
        Violations.refuseIfAny(AssessmentPolicies.checkMayAssess(c, requiredAgencies, recused));
        Desk desk = desks.get(c.agency());
        Violations.conflictIfAny(AssignmentPolicies.checkMayActFor(c.agency(), c.reviewer(), c.lead(), desk != null,
                desk == null ? List.of() : desk.reviewers));
        String capacity = AssignmentPolicies.capacity(c.agency(), c.reviewer(), c.lead(), desk != null,
                desk == null ? List.of() : desk.reviewers);
        if (c.conflictOfInterest().declared()) {
            apply(new ReviewEvent.ReviewerRecused(reviewId, c.agency(), c.reviewer(), c.conflictOfInterest().description()));
            if (Assessment.ASSIGNED_REVIEWER.equals(capacity)) {
                List<String> remaining = desk.reviewers.stream().filter(r -> !r.equals(c.reviewer())).toList();
                apply(new ReviewEvent.ReassignmentRequested(reviewId, c.agency(), c.reviewer(), remaining, desk.dueDate));
            }
            return;
        }
        Assessment.Recorded previous = current.get(c.agency());
        Assessment.Recorded recorded = new Assessment.Recorded(c.assessmentId(), c.agency(), c.reviewer(), round, c.scores(),
                c.recommendation(), c.conditions() == null ? List.of() : c.conditions(),
                c.comments() == null ? List.of() : c.comments(), previous == null ? null : previous.assessmentId(), capacity);
        apply(new ReviewEvent.AssessmentRecorded(reviewId, recorded));
        if (c.recommendation() == Assessment.Recommendation.REQUIRES_MODIFICATION) {
            apply(new ReviewEvent.InformationRequested(reviewId, c.assessmentId(), questionsOf(recorded), c.agency(),
                    c.agency() + " requires modifications"));
        }
    }

    @CommandHandler
    void handle(ReviewCommand.RequestInformation c) {
        requireOpen();
        if (c.questions() == null || c.questions().isEmpty() || c.questions().stream().anyMatch(q -> q == null || q.isBlank())) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("QUESTIONS_REQUIRED", "/questions",
                    "an information request asks at least one question");
        }
        apply(new ReviewEvent.InformationRequested(reviewId, c.informationRequestId(), c.questions(), c.requestedBy(),
                "requested by Commerce"));
    }

    @CommandHandler
    void handle(ReviewCommand.ReopenReview c) {
        if (status != ReviewStatus.INFORMATION_REQUESTED) {
            return; // a resubmission seen twice, or after a decision: nothing to reopen
        }
        ProposalResubmitted r = c.resubmission();
        apply(new ReviewEvent.Reopened(reviewId, round + 1, r.informationRequestId(), r.response(), r.requestedIncentives(),
                r.flags(), r.countryListVersion(), r.targetCountries(), r.confidentialSections()));
    }

    @CommandHandler
    void handle(ReviewCommand.RecordDetermination command) {
        if (status == ReviewStatus.DESIGNATED || status == ReviewStatus.REJECTED || status == ReviewStatus.SUSPENDED) {
            throw new StateConflict("ALREADY_DETERMINED", "the determination of this review is already recorded");
        }
        if (withdrawn) {
            throw new StateConflict(PROPOSAL_WITHDRAWN, "the applicant withdrew this proposal; it can no longer be determined");
        }
        requireOpen();
        Violations.refuseIfAny(DeterminationPolicies.check(command, flags, requested, requiredAgencies, current));
        boolean designate = command.decision() == ReviewEvent.Decision.DESIGNATE;
        apply(new ReviewEvent.Determined(reviewId, proposalId, command.decision(), command.justification(),
                command.acknowledgedFlags() == null ? List.of() : command.acknowledgedFlags(),
                designate ? command.designationNumber() : null, designate ? command.effectiveDate() : null,
                designate ? DeterminationPolicies.unionOfConditions(requiredAgencies, current) : List.of(),
                designate ? command.endorsedIncentives() : List.of()));
    }

    /**
     * Whichever reaches the review first, the withdrawal or the determination, both orders end
     * with no live designation: an undecided review closes (a later designation is refused with
     * PROPOSAL_WITHDRAWN), a designation already recorded is revoked as relinquished. A withdrawal
     * seen twice, or after a rejection, changes nothing.
     */
    @CommandHandler
    void handle(ReviewCommand.RecordWithdrawal c) {
        if (status == ReviewStatus.OPEN || status == ReviewStatus.INFORMATION_REQUESTED) {
            apply(new ReviewEvent.Closed(reviewId, "withdrawn by the applicant: " + c.reason()));
        } else if (status == ReviewStatus.DESIGNATED || status == ReviewStatus.SUSPENDED) {
            apply(new ReviewEvent.DesignationRevoked(reviewId, proposalId, designationNumber, RELINQUISHED, c.withdrawalEventId(),
                    c.reason(), endorsedLineCount, c.at(), gov.commerce.aiexports.events.FederalTime.dateOf(c.at())));
        }
    }

    /**
     * Suspension, reinstatement and revocation by Commerce, on the review's own stream, so each
     * meets a relinquishment in a definite order (a revoked designation is neither suspended nor
     * revoked again: DESIGNATION_REVOKED).
     */
    @CommandHandler
    void handle(ReviewCommand.ChangeDesignationStanding c) {
        Violations.invalidIfAny(StandingPolicies.checkInput(c.reason(), c.effectiveDate()));
        Violations.refuseIfAny(StandingPolicies.checkEffectiveDate(c.effectiveDate(), c.today()));
        Violations.conflictIfAny(StandingPolicies.checkStanding(c.change(), status));
        switch (c.change()) {
            case SUSPEND -> apply(new ReviewEvent.DesignationSuspended(reviewId, proposalId, designationNumber, c.reason().strip(),
                    c.effectiveDate(), endorsedLineCount, c.at()));
            case REINSTATE -> apply(new ReviewEvent.DesignationReinstated(reviewId, proposalId, designationNumber,
                    c.reason().strip(), c.effectiveDate(), endorsedLineCount, c.at()));
            case REVOKE -> apply(new ReviewEvent.DesignationRevoked(reviewId, proposalId, designationNumber, REVOKED_BY_COMMERCE,
                    null, c.reason().strip(), endorsedLineCount, c.at(), c.effectiveDate()));
        }
    }

    /** Commerce or the agency's lead names reviewers (added to those already assigned) and the due date. */
    @CommandHandler
    void handle(ReviewCommand.AssignReviewers c) {
        Violations.invalidIfAny(AssignmentPolicies.checkWellFormed(c.agency(), c.reviewers(), c.dueDate()));
        requireUndecided();
        List<String> named = c.reviewers().stream().distinct().toList();
        Violations.refuseIfAny(AssignmentPolicies.checkAssignable(c.agency(), named, "/reviewers/{i}", c.dueDate(), c.today(),
                requiredAgencies, recused));
        Desk desk = desks.get(c.agency());
        List<String> added = named.stream().filter(r -> desk == null || !desk.reviewers.contains(r)).toList();
        if (added.isEmpty() && desk != null && c.dueDate().equals(desk.dueDate)) {
            return; // the same assignment again: nothing changes
        }
        List<String> reviewers = new ArrayList<>(desk == null ? List.of() : desk.reviewers);
        reviewers.addAll(added);
        apply(new ReviewEvent.ReviewersAssigned(reviewId, c.agency(), "ASSIGNED", reviewers, added, List.of(), c.dueDate(), null,
                c.assignedBy(), c.byLead(), c.at()));
    }

    /** One reviewer replaced by another: an assigned one, or one who recused and awaits a successor. */
    @CommandHandler
    void handle(ReviewCommand.ReassignReviewer c) {
        Desk desk = desks.get(c.agency());
        Violations.invalidIfAny(AssignmentPolicies.checkReassignmentInput(c.agency(), c.from(), c.to()));
        requireUndecided();
        Violations.refuseIfAny(AssignmentPolicies.checkAssignable(c.agency(), List.of(c.to()), "/to", c.dueDate(), c.today(),
                requiredAgencies, recused));
        Violations.refuseIfAny(AssignmentPolicies.checkReassignment(c.agency(), c.from(), c.to(), desk == null ? null : desk.reviewers,
                desk == null ? List.of() : desk.awaitingReassignment));
        List<String> reviewers = new ArrayList<>(desk.reviewers);
        reviewers.remove(c.from());
        reviewers.add(c.to());
        apply(new ReviewEvent.ReviewersAssigned(reviewId, c.agency(), "REASSIGNED", reviewers, List.of(c.to()), List.of(c.from()),
                c.dueDate() == null ? desk.dueDate : c.dueDate(), c.reason(), c.assignedBy(), c.byLead(), c.at()));
    }

    /**
     * Flags each agency whose assessment of this round is missing after its due date, once per
     * agency and due date: the flag is part of this state, so any number of scans, on any instance
     * and across restarts, flag it once. Only an OPEN review waits on its reviewers.
     */
    @CommandHandler
    void handle(ReviewCommand.FlagOverdueAssessments c) {
        if (status != ReviewStatus.OPEN) {
            return;
        }
        desks.forEach((agency, desk) -> {
            if (desk.dueDate != null && c.today().isAfter(desk.dueDate) && !current.containsKey(agency)
                    && !overdueFlagged.contains(agency + ":" + desk.dueDate)) {
                apply(new ReviewEvent.AssessmentOverdue(reviewId, agency, List.copyOf(desk.reviewers), desk.dueDate, round, c.at()));
            }
        });
    }

    private void requireUndecided() {
        if (status != ReviewStatus.OPEN && status != ReviewStatus.INFORMATION_REQUESTED) {
            throw new StateConflict("REVIEW_NOT_OPEN", "the review is " + status + "; reviewers are assigned only until its determination");
        }
    }

    private void requireOpen() {
        if (status != ReviewStatus.OPEN) {
            throw new StateConflict("REVIEW_NOT_OPEN", "the review is " + status + "; it accepts this only while OPEN");
        }
    }

    private static List<String> questionsOf(Assessment.Recorded a) {
        List<String> questions = new ArrayList<>(a.conditions());
        a.comments().stream().filter(x -> x.visibility() == Assessment.Visibility.SHARED).map(Assessment.Comment::text)
                .forEach(questions::add);
        if (questions.isEmpty()) {
            questions.add(a.agency() + " requires modifications to the proposal");
        }
        return questions;
    }

    @EventSourcingHandler
    void on(ReviewEvent.Opened e) {
        reviewId = e.reviewId();
        proposalId = e.proposalId();
        status = ReviewStatus.OPEN;
        round = 1;
        requiredAgencies = e.requiredAgencies() == null ? List.of() : e.requiredAgencies();
        flags = e.flags() == null ? List.of() : e.flags();
        requested = e.requestedIncentives() == null ? List.of() : e.requestedIncentives();
    }

    @EventSourcingHandler
    void on(ReviewEvent.AssessmentRecorded e) {
        current.put(e.assessment().agency(), e.assessment());
    }

    @EventSourcingHandler
    void on(ReviewEvent.ReviewerRecused e) {
        recused.add(e.reviewer());
        // an assessment by a reviewer who then declares a conflict no longer counts
        current.values().removeIf(a -> a.reviewer().equals(e.reviewer()));
    }

    @EventSourcingHandler
    void on(ReviewEvent.ReviewersAssigned e) {
        Desk desk = desks.computeIfAbsent(e.agency(), a -> new Desk());
        desk.reviewers.clear();
        desk.reviewers.addAll(e.reviewers());
        desk.awaitingReassignment.removeAll(e.removed());
        desk.dueDate = e.dueDate();
    }

    @EventSourcingHandler
    void on(ReviewEvent.ReassignmentRequested e) {
        Desk desk = desks.get(e.agency());
        desk.reviewers.remove(e.recusedReviewer());
        desk.awaitingReassignment.add(e.recusedReviewer());
    }

    @EventSourcingHandler
    void on(ReviewEvent.AssessmentOverdue e) {
        overdueFlagged.add(e.agency() + ":" + e.dueDate());
    }

    @EventSourcingHandler
    void on(ReviewEvent.InformationRequested e) {
        status = ReviewStatus.INFORMATION_REQUESTED;
        openInformationRequest = e.informationRequestId();
    }

    @EventSourcingHandler
    void on(ReviewEvent.Reopened e) {
        status = ReviewStatus.OPEN;
        round = e.round();
        current.clear(); // earlier assessments no longer count
        openInformationRequest = null;
        if (e.flags() != null) {
            flags = e.flags();
        }
        if (e.requestedIncentives() != null) {
            requested = e.requestedIncentives();
        }
    }

    @EventSourcingHandler
    void on(ReviewEvent.Determined e) {
        status = e.decision() == ReviewEvent.Decision.DESIGNATE ? ReviewStatus.DESIGNATED : ReviewStatus.REJECTED;
        designationNumber = e.designationNumber();
        endorsedLineCount = e.endorsedIncentives() == null ? 0 : e.endorsedIncentives().size();
    }

    @EventSourcingHandler
    void on(ReviewEvent.Closed e) {
        status = ReviewStatus.CLOSED;
        withdrawn = true;
    }

    @EventSourcingHandler
    void on(ReviewEvent.DesignationSuspended e) {
        status = ReviewStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(ReviewEvent.DesignationReinstated e) {
        status = ReviewStatus.DESIGNATED;
    }

    @EventSourcingHandler
    void on(ReviewEvent.DesignationRevoked e) {
        status = ReviewStatus.REVOKED;
        withdrawn = RELINQUISHED.equals(e.cause()) || withdrawn;
    }
}
