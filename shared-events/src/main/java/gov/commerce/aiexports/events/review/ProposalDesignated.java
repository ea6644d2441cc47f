package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.LocalDate;
import java.util.List;

/** Commerce designated the proposal a priority AI export package; incentives-service opens one request per endorsed line. */
@EventContract(type = "ProposalDesignated", version = 1, producer = "review-service")
public record ProposalDesignated(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        LocalDate effectiveDate,
        List<String> conditions,
        List<IncentiveLine> endorsedIncentives,
        String justification) implements IntegrationPayload {
}
