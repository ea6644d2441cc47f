package gov.commerce.aiexports.proposals.proposal.application;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import java.util.List;

/** A proposal as the applicant writes it: drafted, edited, or the changes of an answer to an information request. */
public record ProposalRequest(String callId, String consortiumId, String title, String summary, ProposalContent.Stack stack,
        List<ProposalContent.Target> targets, String businessModel, List<IncentiveLine> incentives,
        Boolean exportControlAttestation, List<ProposalContent.ConfidentialSection> confidentialSections) {

    ProposalContent content() {
        return new ProposalContent(title, summary, stack, targets, businessModel, incentives, exportControlAttestation,
                confidentialSections);
    }
}
