package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Named reviewers of one agency are assigned to a review, or one is replaced by another: change
 * ASSIGNED (added joined the agency's reviewers) or REASSIGNED (removed left, added took over).
 * reviewers: the agency's assigned reviewers after the change (token subjects); dueDate: when the
 * agency's assessment is due; byLead: the agency's lead did it (else Commerce). No proposal
 * content: notifications-service tells each added reviewer.
 */
@EventContract(type = "ReviewersAssigned", version = 1, producer = "review-service")
public record ReviewersAssigned(
        String reviewId,
        String proposalId,
        String agency,
        String change,
        List<String> reviewers,
        List<String> added,
        List<String> removed,
        LocalDate dueDate,
        String reason,
        String assignedBy,
        boolean byLead,
        Instant at) implements IntegrationPayload {
}
