package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.time.LocalDate;
import java.util.List;

public sealed interface ReviewEvent {

    String reviewId();

    /** Opened for a submitted proposal, with what intake found and the country list it used. */
    record Opened(String reviewId, String proposalId, String trackingNumber, String consortiumId, String consortiumName,
            String applicantOrganisation, String title, int fiscalYear, List<String> targetCountries,
            List<IncentiveLine> requestedIncentives, List<String> requiredAgencies, List<ScreeningFlag> flags,
            String countryListVersion) implements ReviewEvent {
    }

    /** The national interest determination: DESIGNATE with its number, or REJECT with reasons. */
    record Determined(String reviewId, String proposalId, Decision decision, String justification,
            List<String> acknowledgedFlags, String designationNumber, LocalDate effectiveDate, List<String> conditions,
            List<IncentiveLine> endorsedIncentives) implements ReviewEvent {
    }

    enum Decision { DESIGNATE, REJECT }
}
