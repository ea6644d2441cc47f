package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A designation stopped being live. cause says why: {@link #RELINQUISHED} (the applicant withdrew
 * the designated proposal; causeEventId is the ProposalWithdrawn event's id) or
 * {@link #REVOKED_BY_COMMERCE} (Commerce revoked it; its reason stays in review-service's oversight).
 * incentives-service cancels the designation's open lines and flags the obligated ones for
 * de-obligation; endorsedLineCount says how many lines the designation opened.
 *
 * <p>v2 drops v1's {@code reason}, the applicant's own words on withdrawing: free text it cannot mark,
 * which may name anything of its proposal, and which this event's consumers showed to those the
 * disclosure rule keeps it from (every financing agency's line, EDAG's inbox, webhooks of any
 * agency). No consumer needs it to act; it stays in the review ({@code GET /reviews/{id}}) and the
 * proposal. v2 adds {@code effectiveDate}, the day from which the revocation counts. A v1 record is
 * read without the reason and effective the day of revokedAt in Washington (IntegrationUpcasters).
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
        Instant revokedAt,
        LocalDate effectiveDate) implements IntegrationPayload {

    /** Effective the day it was recorded, in Washington (a relinquishment). */
    public DesignationRevoked(String reviewId, String proposalId, String designationNumber, String consortiumId,
            String applicantOrganisation, String cause, String causeEventId, int endorsedLineCount, Instant revokedAt) {
        this(reviewId, proposalId, designationNumber, consortiumId, applicantOrganisation, cause, causeEventId, endorsedLineCount,
                revokedAt, revokedAt == null ? null : gov.commerce.aiexports.events.FederalTime.dateOf(revokedAt));
    }

    /** The applicant withdrew the designated proposal. */
    public static final String RELINQUISHED = "RELINQUISHED";
    /** Commerce revoked the designation (POST /oversight/{number}/revocation). */
    public static final String REVOKED_BY_COMMERCE = "REVOKED_BY_COMMERCE";
}
