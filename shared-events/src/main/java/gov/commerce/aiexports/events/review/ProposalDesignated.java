package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * Commerce designated the proposal a priority AI export package; incentives-service opens one request per endorsed line.
 * v2 adds what a consumer needs to apply the disclosure rule to the endorsed lines it shows: the
 * agencies the proposal's call required ({@code requiredAgencies}) and the names of the sections its
 * consortium marked confidential ({@code confidentialSections}, never values). A v1 record is read
 * with no required agency and every section marked (IntegrationUpcasters): not knowing, withhold.
 */
@EventContract(type = "ProposalDesignated", version = 2, producer = "review-service")
public record ProposalDesignated(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        LocalDate effectiveDate,
        List<String> conditions,
        List<IncentiveLine> endorsedIncentives,
        String justification,
        List<String> requiredAgencies,
        List<String> confidentialSections) implements IntegrationPayload {
}
