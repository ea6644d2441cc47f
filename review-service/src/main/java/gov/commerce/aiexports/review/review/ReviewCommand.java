package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface ReviewCommand {

    record OpenReview(@TargetAggregateIdentifier String reviewId, ProposalSubmitted submission) implements ReviewCommand {
    }

    /**
     * agency is the reviewer's own (the token's organisation); lead: the caller leads that agency's
     * review desk (an agency-lead of it, or a commerce-officer for COMMERCE), so it may assess
     * without being assigned, recorded as such.
     */
    record RecordAssessment(@TargetAggregateIdentifier String reviewId, String assessmentId, String agency, String reviewer,
            Assessment.ConflictOfInterest conflictOfInterest, Assessment.Scores scores,
            Assessment.Recommendation recommendation, List<String> conditions, List<Assessment.Comment> comments, boolean lead)
            implements ReviewCommand {

        public RecordAssessment(String reviewId, String assessmentId, String agency, String reviewer,
                Assessment.ConflictOfInterest conflictOfInterest, Assessment.Scores scores,
                Assessment.Recommendation recommendation, List<String> conditions, List<Assessment.Comment> comments) {
            this(reviewId, assessmentId, agency, reviewer, conflictOfInterest, scores, recommendation, conditions, comments, false);
        }
    }

    /**
     * Commerce, or the agency's lead (byLead), names reviewers of one agency for the review, with the
     * date its assessment is due; reviewers already assigned stay, the due date is the new one.
     * today: that day in Washington when it is recorded.
     */
    record AssignReviewers(@TargetAggregateIdentifier String reviewId, String agency, List<String> reviewers, LocalDate dueDate,
            String assignedBy, boolean byLead, LocalDate today, java.time.Instant at) implements ReviewCommand {
    }

    /**
     * One reviewer of the agency is replaced by another (from: an assigned reviewer, or one who
     * recused and awaits reassignment); dueDate null keeps the assignment's.
     */
    record ReassignReviewer(@TargetAggregateIdentifier String reviewId, String agency, String from, String to, LocalDate dueDate,
            String reason, String assignedBy, boolean byLead, LocalDate today, java.time.Instant at) implements ReviewCommand {
    }

    /** The overdue scan asks the review to flag, once, each agency's assessment overdue today (Washington). */
    record FlagOverdueAssessments(@TargetAggregateIdentifier String reviewId, LocalDate today, java.time.Instant at)
            implements ReviewCommand {
    }

    record RequestInformation(@TargetAggregateIdentifier String reviewId, String informationRequestId, List<String> questions,
            String requestedBy) implements ReviewCommand {
    }

    record ReopenReview(@TargetAggregateIdentifier String reviewId, ProposalResubmitted resubmission) implements ReviewCommand {
    }

    /** designationNumber is allocated in the same transaction, only for DESIGNATE. */
    record RecordDetermination(@TargetAggregateIdentifier String reviewId, ReviewEvent.Decision decision,
            String justification, List<String> acknowledgedFlags, List<IncentiveLine> endorsedIncentives,
            LocalDate effectiveDate, String designationNumber) implements ReviewCommand {
    }

    /**
     * The applicant withdrew the proposal (withdrawalEventId: the ProposalWithdrawn event): an
     * undecided review closes, a designation is relinquished.
     */
    record RecordWithdrawal(@TargetAggregateIdentifier String reviewId, String withdrawalEventId, String reason,
            java.time.Instant at)
            implements ReviewCommand {
    }

    /**
     * Commerce's decisions on a designation after it: suspend, reinstate or revoke it, with its
     * reason and the date from which it counts; today is that day in Washington (FederalTime), at the
     * instant it is recorded.
     */
    record ChangeDesignationStanding(@TargetAggregateIdentifier String reviewId, Standing change, String reason,
            LocalDate effectiveDate, LocalDate today, java.time.Instant at) implements ReviewCommand {
    }

    enum Standing { SUSPEND, REINSTATE, REVOKE }
}
