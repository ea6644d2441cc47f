package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

public sealed interface ProposalEvent {

    String proposalId();

    record Drafted(String proposalId, String callId, String consortiumId, String applicantOrganisation,
            ProposalContent content) implements ProposalEvent {
    }

    record Edited(String proposalId, ProposalContent content) implements ProposalEvent {
    }

    /** Passed every submission check; the flags and the country-list version explain the screening. */
    record Submitted(String proposalId, String trackingNumber, String callId, int fiscalYear, String consortiumId,
            String consortiumName, String applicantOrganisation, ProposalContent content, List<String> requiredAgencies,
            List<ScreeningFlag> flags, String countryListVersion, Instant submittedAt) implements ProposalEvent {
    }

    /**
     * relinquishedDesignation: the designation number when the proposal was DESIGNATED, a withdrawal
     * that relinquishes the designation (PRODUCT §8); null before a decision (and in events stored
     * before relinquishments existed).
     */
    record Withdrawn(String proposalId, String applicantOrganisation, String reason, Instant withdrawnAt,
            String relinquishedDesignation) implements ProposalEvent {
    }

    /**
     * review-service designated the proposal after the applicant had withdrawn it (the two crossed):
     * the proposal stays WITHDRAWN; review-service revokes the designation when it sees the withdrawal.
     */
    record DesignationAfterWithdrawal(String proposalId, String designationNumber, String sourceEventId)
            implements ProposalEvent {
    }

    /** The review asked the applicant for information or modifications. */
    record InformationRequested(String proposalId, String reviewId, String informationRequestId, List<String> questions,
            String requestedBy, String sourceEventId) implements ProposalEvent {
    }

    /** The applicant answered, with changes; screened again (without the call window) and sent back to review. */
    record Resubmitted(String proposalId, String trackingNumber, String applicantOrganisation, String informationRequestId,
            String response, ProposalContent content, List<ScreeningFlag> flags, String countryListVersion,
            Instant resubmittedAt) implements ProposalEvent {
    }

    record Rejected(String proposalId, String justification, String sourceEventId) implements ProposalEvent {
    }

    /** The review's outcome, mirrored from review-service's integration events. */
    record DesignationRecorded(String proposalId, String designationNumber, String sourceEventId) implements ProposalEvent {
    }

    record UnderReview(String proposalId, String reviewId, String sourceEventId) implements ProposalEvent {
    }

    /** Its targets screen differently under a newly loaded version of the country-group list: findings cite both versions. */
    record Rescreened(String proposalId, String trackingNumber, String applicantOrganisation, String status, String listVersion,
            String previousListVersion, List<ScreeningFlag> findings, Instant rescreenedAt, List<String> confidentialSections)
            implements ProposalEvent {
    }

    /** The consortium attached a document (its version 1); the bytes are stored under file.fileId, never changed. */
    record DocumentAttached(String proposalId, String documentId, int version, AttachedFile file) implements ProposalEvent {
    }

    /** A new version of a document: another file; the earlier versions are kept as they were. */
    record DocumentVersionAdded(String proposalId, String documentId, int version, AttachedFile file) implements ProposalEvent {
    }
}
