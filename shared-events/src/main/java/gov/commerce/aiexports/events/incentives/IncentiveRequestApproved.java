package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/**
 * The routed agency approved a line and its budget cost was obligated against the budget authority
 * of fiscalYear and instrument: for credit lines faceAmountUsd × creditSubsidyRatePercent (rounded up
 * to the cent), for the others the full amount.
 */
@EventContract(type = "IncentiveRequestApproved", version = 1, producer = "incentives-service")
public record IncentiveRequestApproved(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        Instrument instrument,
        int fiscalYear,
        String budgetId,
        BigDecimal faceAmountUsd,
        BigDecimal creditSubsidyRatePercent,
        BigDecimal obligatedBudgetCostUsd) implements IntegrationPayload {
}
