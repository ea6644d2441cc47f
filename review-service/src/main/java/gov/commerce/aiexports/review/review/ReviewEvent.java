package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.LocalDate;
import java.util.List;

public sealed interface ReviewEvent {

    String reviewId();

    /** Opened for a submitted proposal, with what intake found and the country list it used. */
    record Opened(String reviewId, String proposalId, String trackingNumber, String consortiumId, String consortiumName,
            String applicantOrganisation, String title, int fiscalYear, List<String> targetCountries,
            List<IncentiveLine> requestedIncentives, List<String> requiredAgencies, List<ScreeningFlag> flags,
            String countryListVersion, List<String> confidentialSections) implements ReviewEvent {
    }

    /** An agency's assessment; it supersedes the same agency's earlier one of the round, which stays in the history. */
    record AssessmentRecorded(String reviewId, Assessment.Recorded assessment) implements ReviewEvent {
    }

    /** A reviewer declared a conflict of interest: that reviewer may not assess this review; another of the agency must. */
    record ReviewerRecused(String reviewId, String agency, String reviewer, String description) implements ReviewEvent {
    }

    /** The applicant is asked for information: by a commerce-officer, or because an agency requires modifications. */
    record InformationRequested(String reviewId, String informationRequestId, List<String> questions, String requestedBy,
            String reason) implements ReviewEvent {
    }

    /**
     * The applicant resubmitted: a new round starts and earlier assessments stop counting.
     * targetCountries and confidentialSections (the marking after the answer's changes) are null in
     * events stored before they were recorded: the review then keeps what it knew.
     */
    record Reopened(String reviewId, int round, String informationRequestId, String response,
            List<IncentiveLine> requestedIncentives, List<ScreeningFlag> flags, String countryListVersion,
            List<String> targetCountries, List<String> confidentialSections) implements ReviewEvent {
    }

    /** The national interest determination: DESIGNATE with its number, or REJECT with reasons. */
    record Determined(String reviewId, String proposalId, Decision decision, String justification,
            List<String> acknowledgedFlags, String designationNumber, LocalDate effectiveDate, List<String> conditions,
            List<IncentiveLine> endorsedIncentives) implements ReviewEvent {
    }

    /** The applicant withdrew the proposal: nothing more to decide, and no designation may follow. */
    record Closed(String reviewId, String reason) implements ReviewEvent {
    }

    /**
     * The designation is no longer live. cause: RELINQUISHED when the applicant withdrew the
     * designated proposal (causeEventId: the ProposalWithdrawn event); REVOKED_BY_COMMERCE when a
     * commerce-officer revoked it (reason and effectiveDate Commerce's; events stored before had no
     * effectiveDate: null, effective when recorded). endorsedLineCount: the lines the designation endorsed.
     */
    record DesignationRevoked(String reviewId, String proposalId, String designationNumber, String cause, String causeEventId,
            String reason, int endorsedLineCount, java.time.Instant revokedAt, LocalDate effectiveDate) implements ReviewEvent {
    }

    /** Commerce suspended the designation: no approvals or disbursements of its lines until a reinstatement. */
    record DesignationSuspended(String reviewId, String proposalId, String designationNumber, String reason,
            LocalDate effectiveDate, int endorsedLineCount, java.time.Instant suspendedAt) implements ReviewEvent {
    }

    /** Commerce lifted the suspension. */
    record DesignationReinstated(String reviewId, String proposalId, String designationNumber, String reason,
            LocalDate effectiveDate, int endorsedLineCount, java.time.Instant reinstatedAt) implements ReviewEvent {
    }

    /**
     * Reviewers of one agency assigned (change ASSIGNED: added joined) or one replaced by another
     * (REASSIGNED: removed left, added took over). reviewers: the agency's assigned reviewers after
     * it; assignedBy the caller's subject, byLead when the agency's lead did it (else Commerce).
     */
    record ReviewersAssigned(String reviewId, String agency, String change, List<String> reviewers, List<String> added,
            List<String> removed, LocalDate dueDate, String reason, String assignedBy, boolean byLead, java.time.Instant at)
            implements ReviewEvent {
    }

    /**
     * An assigned reviewer recused (its ReviewerRecused precedes this): it leaves the assignment
     * and the agency is asked to assign another (remainingReviewers may be empty).
     */
    record ReassignmentRequested(String reviewId, String agency, String recusedReviewer, List<String> remainingReviewers,
            LocalDate dueDate) implements ReviewEvent {
    }

    /** The agency's assessment is overdue: flagged once per agency and due date (the reminders and escalation follow it). */
    record AssessmentOverdue(String reviewId, String agency, List<String> reviewers, LocalDate dueDate, int round,
            java.time.Instant flaggedAt) implements ReviewEvent {
    }

    enum Decision { DESIGNATE, REJECT }
}
