package gov.commerce.aiexports.review.designation;

import gov.commerce.aiexports.events.IncentiveLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry of the public catalogue of priority AI export packages, as stored; DesignationResource
 * withholds the sections marked confidential ({@code confidentialSections}: names only; null, for a
 * review opened before proposals said, counts as all marked) before serving it.
 */
public record DesignationView(String number, String proposalId, String title, String consortiumName,
        List<String> targetCountries, LocalDate effectiveDate, List<String> conditions, List<IncentiveLine> endorsedIncentives,
        Instant designatedAt, List<String> confidentialSections) {
}
