package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.util.List;

/** The review asks the applicant for information or modifications; proposals-service opens the response loop. */
@EventContract(type = "InformationRequested", version = 1, producer = "review-service")
public record InformationRequested(
        String reviewId,
        String proposalId,
        String informationRequestId,
        String applicantOrganisation,
        List<String> questions,
        String requestedBy) implements IntegrationPayload {
}
