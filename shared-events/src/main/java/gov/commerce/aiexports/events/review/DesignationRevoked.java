package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/**
 * A designation stopped being live. cause says why: {@link #RELINQUISHED} (the applicant withdrew
 * the designated proposal; causeEventId is the ProposalWithdrawn event's id and reason the
 * applicant's). Other causes (Commerce's own revocation) will use the same contract with their own
 * cause code. incentives-service cancels the designation's open lines and flags the obligated
 * ones for de-obligation; endorsedLineCount says how many lines the designation opened.
 */
@EventContract(type = "DesignationRevoked", version = 1, producer = "review-service")
public record DesignationRevoked(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        String cause,
        String causeEventId,
        String reason,
        int endorsedLineCount,
        Instant revokedAt) implements IntegrationPayload {

    /** The applicant withdrew the designated proposal. */
    public static final String RELINQUISHED = "RELINQUISHED";
}
