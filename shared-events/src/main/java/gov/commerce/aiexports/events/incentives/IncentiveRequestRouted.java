package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/** EDAG routed a line to a financing agency (EXIM, DFC or USTDA), with terms and, for credit lines, the subsidy rate. */
@EventContract(type = "IncentiveRequestRouted", version = 1, producer = "incentives-service")
public record IncentiveRequestRouted(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        Instrument instrument,
        BigDecimal amountUsd,
        String agency,
        String terms,
        BigDecimal creditSubsidyRatePercent) implements IntegrationPayload {
}
