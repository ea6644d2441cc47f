package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agency's assessment was not recorded by the due date of its assignment. Flagged once per
 * agency and due date, whatever the scans, instances and restarts; notifications-service reminds
 * the assigned reviewers and escalates to the agency and to Commerce.
 */
@EventContract(type = "AssessmentOverdue", version = 1, producer = "review-service")
public record AssessmentOverdue(
        String reviewId,
        String proposalId,
        String agency,
        List<String> reviewers,
        LocalDate dueDate,
        int round,
        Instant flaggedAt) implements IntegrationPayload {
}
