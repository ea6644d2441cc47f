package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * An assigned reviewer recused (declared a conflict of interest): the agency is asked to assign
 * another. The declaration's own words stay in the review. remainingReviewers: the agency's
 * assigned reviewers left (maybe none); dueDate: the assignment's (the envelope's occurredAt says when).
 */
@EventContract(type = "ReviewerReassignmentRequested", version = 1, producer = "review-service")
public record ReviewerReassignmentRequested(
        String reviewId,
        String proposalId,
        String agency,
        String recusedReviewer,
        List<String> remainingReviewers,
        LocalDate dueDate) implements IntegrationPayload {
}
