package gov.commerce.aiexports.events.incentives;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;

/** The routed agency declined a line, with its reason. */
@EventContract(type = "IncentiveRequestDeclined", version = 1, producer = "incentives-service")
public record IncentiveRequestDeclined(
        String incentiveRequestId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String agency,
        String reason) implements IntegrationPayload {
}
