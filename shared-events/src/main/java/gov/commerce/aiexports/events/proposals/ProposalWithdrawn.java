package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;

@EventContract(type = "ProposalWithdrawn", version = 1, producer = "proposals-service")
public record ProposalWithdrawn(String proposalId, String applicantOrganisation, String reason) implements IntegrationPayload {
}
