package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/**
 * Commerce accepted the evidence of a condition or milestone (itemType, itemId; lineNumber: the
 * incentive line a milestone belongs to, null otherwise). incentives-service learns from it that a
 * line's required milestone is met.
 */
@EventContract(type = "ObligationAccepted", version = 1, producer = "review-service")
public record ObligationAccepted(
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
