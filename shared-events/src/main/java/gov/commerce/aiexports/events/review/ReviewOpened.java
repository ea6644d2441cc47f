package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.util.List;

/** A review awaits the required agencies' assessments. */
@EventContract(type = "ReviewOpened", version = 1, producer = "review-service")
public record ReviewOpened(String reviewId, String proposalId, String applicantOrganisation, List<String> requiredAgencies)
        implements IntegrationPayload {
}
