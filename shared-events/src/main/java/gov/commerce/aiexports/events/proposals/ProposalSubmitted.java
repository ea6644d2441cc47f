package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

/**
 * A proposal passed the submission checks; review-service opens a review, the applicant gets a receipt.
 * v2 adds {@code confidentialSections}: the names (never the values) of the sections its consortium
 * marked business-confidential, so consumers apply the disclosure rule before showing any of it.
 */
@EventContract(type = "ProposalSubmitted", version = 2, producer = "proposals-service")
public record ProposalSubmitted(
        String proposalId,
        String trackingNumber,
        String callId,
        int fiscalYear,
        String consortiumId,
        String consortiumName,
        String applicantOrganisation,
        String title,
        List<String> targetCountries,
        List<IncentiveLine> requestedIncentives,
        List<String> requiredAgencies,
        List<ScreeningFlag> flags,
        String countryListVersion,
        Instant submittedAt,
        List<String> confidentialSections) implements IntegrationPayload {
}
