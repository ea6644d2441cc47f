package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

/** The applicant answered an information request with changes; the review reopens with the new screening. */
@EventContract(type = "ProposalResubmitted", version = 1, producer = "proposals-service")
public record ProposalResubmitted(
        String proposalId,
        String trackingNumber,
        String applicantOrganisation,
        String informationRequestId,
        String response,
        String title,
        List<String> targetCountries,
        List<IncentiveLine> requestedIncentives,
        List<ScreeningFlag> flags,
        String countryListVersion,
        Instant resubmittedAt) implements IntegrationPayload {
}
