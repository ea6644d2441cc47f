package gov.commerce.aiexports.review.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.Instant;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(String id, String proposalId, String trackingNumber, String consortiumId, String consortiumName,
        String applicantOrganisation, String title, int fiscalYear, String status, List<String> targetCountries,
        List<IncentiveLine> requestedIncentives, List<String> requiredAgencies, List<ScreeningFlag> flags,
        String countryListVersion, Instant openedAt, ReviewEvent.Determined determination) {
}
