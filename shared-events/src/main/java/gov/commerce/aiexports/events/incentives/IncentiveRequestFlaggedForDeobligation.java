package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/**
 * An obligated line's designation was revoked: the line is flagged for de-obligation by its
 * financing agency, and no further disbursement is accepted on it. undisbursedUsd is the face
 * amount still committed and not disbursed; budgetCostUsd the budget cost still obligated.
 */
@EventContract(type = "IncentiveRequestFlaggedForDeobligation", version = 1, producer = "incentives-service")
public record IncentiveRequestFlaggedForDeobligation(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        String budgetId,
        BigDecimal undisbursedUsd,
        BigDecimal budgetCostUsd,
        String cause,
        String reason) implements IntegrationPayload {
}
