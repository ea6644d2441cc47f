package gov.commerce.aiexports.events.proposals;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/**
 * The applicant withdrew its proposal. v2 added withdrawnAt (the instant of the withdrawal itself,
 * not of its publication); v3 added relinquishment and designationNumber: a withdrawal of a
 * proposal proposals-service knew as designated is a relinquishment of that designation (PRODUCT
 * §8). A withdrawal that proposals-service accepted before it learnt of a designation says
 * relinquishment false; review-service, which owns designations, treats any withdrawal of a
 * designated proposal as a relinquishment. Records of v1 and v2 still on the topics are upcast by
 * {@link gov.commerce.aiexports.events.IntegrationUpcasters}.
 */
@EventContract(type = "ProposalWithdrawn", version = 3, producer = "proposals-service")
public record ProposalWithdrawn(String proposalId, String applicantOrganisation, String reason, Instant withdrawnAt,
        boolean relinquishment, String designationNumber) implements IntegrationPayload {

    /** A withdrawal before any designation. */
    public ProposalWithdrawn(String proposalId, String applicantOrganisation, String reason, Instant withdrawnAt) {
        this(proposalId, applicantOrganisation, reason, withdrawnAt, false, null);
    }
}
