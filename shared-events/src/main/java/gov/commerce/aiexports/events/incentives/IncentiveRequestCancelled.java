package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.math.BigDecimal;

/**
 * A line not yet approved was cancelled because its designation was revoked (cause as in
 * DesignationRevoked, e.g. RELINQUISHED); it can no longer be routed, approved or declined.
 * agency is null for a line not yet routed.
 */
@EventContract(type = "IncentiveRequestCancelled", version = 1, producer = "incentives-service")
public record IncentiveRequestCancelled(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        String instrument,
        BigDecimal amountUsd,
        String cause,
        String reason) implements IntegrationPayload {
}
