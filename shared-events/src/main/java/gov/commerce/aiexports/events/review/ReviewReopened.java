package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.util.List;

/** After a resubmission the review starts a new round: earlier assessments no longer count. */
@EventContract(type = "ReviewReopened", version = 1, producer = "review-service")
public record ReviewReopened(String reviewId, String proposalId, String applicantOrganisation, int round,
        List<String> requiredAgencies) implements IntegrationPayload {
}
