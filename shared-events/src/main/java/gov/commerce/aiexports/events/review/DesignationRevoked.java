package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;

/**
 * A designation stopped being live. cause says why: {@link #RELINQUISHED} (the applicant withdrew
 * the designated proposal; causeEventId is the ProposalWithdrawn event's id). Other causes (Commerce's own revocation) will use the same contract with their own
 * cause code. incentives-service cancels the designation's open lines and flags the obligated
 * ones for de-obligation; endorsedLineCount says how many lines the designation opened.
 *
 * <p>v2 drops v1's {@code reason}, the applicant's own words on withdrawing: free text it cannot mark,
 * which may name anything of its proposal, and which this event's consumers showed to those the
 * disclosure rule keeps it from (every financing agency's line, EDAG's inbox, webhooks of any
 * agency). No consumer needs it to act; it stays in the review ({@code GET /reviews/{id}}) and the
 * proposal. A v1 record is read without it (IntegrationUpcasters).
 */
@EventContract(type = "DesignationRevoked", version = 2, producer = "review-service")
public record DesignationRevoked(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        String cause,
        String causeEventId,
        int endorsedLineCount,
        Instant revokedAt) implements IntegrationPayload {

    /** The applicant withdrew the designated proposal. */
    public static final String RELINQUISHED = "RELINQUISHED";
}
