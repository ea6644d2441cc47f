package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/**
 * The applicant withdrew its proposal. v2 added withdrawnAt (the instant of the withdrawal itself,
 * not of its publication); v1 records still on the topics are upcast by {@link gov.commerce.aiexports.events.IntegrationUpcasters}.
 */
@EventContract(type = "ProposalWithdrawn", version = 2, producer = "proposals-service")
public record ProposalWithdrawn(String proposalId, String applicantOrganisation, String reason, Instant withdrawnAt)
        implements IntegrationPayload {
}
