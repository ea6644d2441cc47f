package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/** EXIM's board approved a line above the board threshold (thresholdUsd), so it may be committed. */
@EventContract(type = "IncentiveRequestBoardApproved", version = 1, producer = "incentives-service")
public record IncentiveRequestBoardApproved(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        BigDecimal amountUsd,
        BigDecimal thresholdUsd,
        String boardReference) implements IntegrationPayload {
}
