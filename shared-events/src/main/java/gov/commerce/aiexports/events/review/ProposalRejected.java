package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;

@EventContract(type = "ProposalRejected", version = 1, producer = "review-service")
public record ProposalRejected(String reviewId, String proposalId, String applicantOrganisation, String justification)
        implements IntegrationPayload {
}
