package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Something the consortium owed was not done by its due date: a condition not accepted (itemType
 * CONDITION, itemId C1...) or a progress report not filed (PROGRESS_REPORT, itemId the period
 * number). Flagged once per item (per period), whatever the restarts; notifications-service
 * reminds the consortium and escalates to Commerce.
 */
@EventContract(type = "ObligationOverdue", version = 1, producer = "review-service")
public record ObligationOverdue(
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String itemType,
        String itemId,
        String description,
        LocalDate dueDate,
        Instant flaggedAt) implements IntegrationPayload {
}
