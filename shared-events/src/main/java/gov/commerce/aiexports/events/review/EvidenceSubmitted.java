package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.util.List;

/**
 * The consortium submitted evidence for a condition or a milestone (itemType CONDITION or
 * MILESTONE, itemId C1, M2, ...): text, and documentIds once documents exist (empty until then).
 */
@EventContract(type = "EvidenceSubmitted", version = 1, producer = "review-service")
public record EvidenceSubmitted(
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String itemType,
        String itemId,
        String evidenceId,
        String text,
        List<String> documentIds,
        Instant submittedAt) implements IntegrationPayload {
}
