package gov.commerce.aiexports.proposals.proposal;

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

    record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String reason) implements ProposalCommand {
    }

    record MarkUnderReview(@TargetAggregateIdentifier String proposalId, String reviewId, String sourceEventId)
            implements ProposalCommand {
    }

    record RecordDesignation(@TargetAggregateIdentifier String proposalId, String designationNumber, String sourceEventId)
            implements ProposalCommand {
    }
}
