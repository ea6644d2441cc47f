package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.util.List;

/**
 * An agency's assessment, as other services may know it: its recommendation, conditions and
 * the comments shared with the applicant. Internal comments never leave review-service.
 */
@EventContract(type = "AssessmentRecorded", version = 1, producer = "review-service")
public record AssessmentRecorded(String reviewId, String proposalId, String assessmentId, String agency, int round,
        String recommendation, List<String> conditions, List<String> sharedComments) implements IntegrationPayload {
}
