package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/** Commerce rejected the evidence of a condition or milestone, with its reason; the consortium may submit new evidence. */
@EventContract(type = "ObligationRejected", version = 1, producer = "review-service")
public record ObligationRejected(
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String itemType,
        String itemId,
        Integer lineNumber,
        String evidenceId,
        String reason,
        Instant decidedAt) implements IntegrationPayload {
}
