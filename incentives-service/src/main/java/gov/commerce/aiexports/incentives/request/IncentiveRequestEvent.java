package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;

public sealed interface IncentiveRequestEvent {

    String incentiveRequestId();

    /** One endorsed line of a designation, awaiting EDAG's routing. */
    record Opened(String incentiveRequestId, String proposalId, String designationNumber, int lineNumber,
            String consortiumId, String applicantOrganisation, Instrument instrument, BigDecimal amountUsd,
            Integer tenorYears) implements IncentiveRequestEvent {
    }
}
