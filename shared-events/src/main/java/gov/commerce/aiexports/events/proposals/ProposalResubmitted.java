package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

/**
 * The applicant answered an information request with changes; the review reopens with the new screening.
 * v2 adds {@code confidentialSections}: the names (never the values) of the sections marked
 * business-confidential after the changes, since an answer may change the marking. A v1 record is
 * read with every markable section marked (IntegrationUpcasters): it may have added a marking no
 * consumer can know of, so not knowing, consumers withhold.
 */
@EventContract(type = "ProposalResubmitted", version = 2, producer = "proposals-service")
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
        Instant resubmittedAt,
        List<String> confidentialSections) implements IntegrationPayload {
}
