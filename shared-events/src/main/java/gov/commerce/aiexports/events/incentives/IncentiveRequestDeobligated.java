package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/** Part or all of a line's commitment (amountUsd, face) was cancelled; budgetCostReturnedUsd went back to the budget. */
@EventContract(type = "IncentiveRequestDeobligated", version = 1, producer = "incentives-service")
public record IncentiveRequestDeobligated(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        String budgetId,
        BigDecimal amountUsd,
        BigDecimal budgetCostReturnedUsd,
        BigDecimal remainingCommitmentUsd,
        String reason) implements IntegrationPayload {
}
