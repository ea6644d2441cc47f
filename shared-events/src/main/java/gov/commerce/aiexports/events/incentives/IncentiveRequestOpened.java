package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;

/** One endorsed line of a designation awaits EDAG routing. */
@EventContract(type = "IncentiveRequestOpened", version = 1, producer = "incentives-service")
public record IncentiveRequestOpened(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        Instrument instrument,
        BigDecimal amountUsd,
        Integer tenorYears) implements IntegrationPayload {
}
