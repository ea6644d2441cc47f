package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public sealed interface ProposalCommand {

    record DraftProposal(@TargetAggregateIdentifier String proposalId, String callId, String consortiumId,
            String applicantOrganisation, ProposalContent content) implements ProposalCommand {
    }

    /** expectedVersion comes from If-Match: a stale one is refused with 409. */
    record EditProposal(@TargetAggregateIdentifier String proposalId, @TargetAggregateVersion Long expectedVersion,
            ProposalContent content) implements ProposalCommand {
    }

    record SubmitProposal(@TargetAggregateIdentifier String proposalId, int fiscalYear, String consortiumName,
            List<String> requiredAgencies, SubmissionContext context) implements ProposalCommand {
    }

    record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String reason, java.time.Instant at) implements ProposalCommand {
    }

    record RecordInformationRequest(@TargetAggregateIdentifier String proposalId, String reviewId, String informationRequestId,
            List<String> questions, String requestedBy, String sourceEventId) implements ProposalCommand {
    }

    /** content null: the proposal is resubmitted unchanged, with the response only. */
    record RespondToInformationRequest(@TargetAggregateIdentifier String proposalId, String informationRequestId,
            String response, ProposalContent content, SubmissionContext context) implements ProposalCommand {
    }

    record RecordRejection(@TargetAggregateIdentifier String proposalId, String justification, String sourceEventId)
            implements ProposalCommand {
    }

    record MarkUnderReview(@TargetAggregateIdentifier String proposalId, String reviewId, String sourceEventId)
            implements ProposalCommand {
    }

    /** What screening the proposal's targets against a newly loaded list version found changed, each finding citing both versions. */
    record RecordRescreening(@TargetAggregateIdentifier String proposalId, String listVersion, String previousListVersion,
            List<ScreeningFlag> findings, Instant rescreenedAt) implements ProposalCommand {
    }

    record RecordDesignation(@TargetAggregateIdentifier String proposalId, String designationNumber, String sourceEventId)
            implements ProposalCommand {
    }

    /** A new document, its first version's bytes already stored. */
    record AttachDocument(@TargetAggregateIdentifier String proposalId, String documentId, AttachedFile file)
            implements ProposalCommand {
    }

    /** A new version of a document: a new file beside the earlier ones, which stay as they were. */
    record AddDocumentVersion(@TargetAggregateIdentifier String proposalId, String documentId, AttachedFile file)
            implements ProposalCommand {
    }
}
