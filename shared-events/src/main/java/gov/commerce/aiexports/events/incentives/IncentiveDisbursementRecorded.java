package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/** A disbursement against a line's obligation; undisbursedUsd is what the obligation still allows. */
@EventContract(type = "IncentiveDisbursementRecorded", version = 1, producer = "incentives-service")
public record IncentiveDisbursementRecorded(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        BigDecimal amountUsd,
        String reference,
        BigDecimal disbursedTotalUsd,
        BigDecimal undisbursedUsd) implements IntegrationPayload {
}
