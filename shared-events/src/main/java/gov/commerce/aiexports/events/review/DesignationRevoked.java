package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A designation stopped being live. cause says why: {@link #RELINQUISHED} (the applicant withdrew
 * the designated proposal; causeEventId is the ProposalWithdrawn event's id and reason the
 * applicant's) or {@link #REVOKED_BY_COMMERCE} (Commerce revoked it; reason is Commerce's). v2 adds
 * effectiveDate, the day from which the revocation counts (v1 records read as the day of revokedAt in
 * Washington, see IntegrationUpcasters). incentives-service cancels the designation's open lines and flags the obligated
 * ones for de-obligation; endorsedLineCount says how many lines the designation opened.
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
        String reason,
        int endorsedLineCount,
        Instant revokedAt,
        LocalDate effectiveDate) implements IntegrationPayload {

    /** As v1 said it: effective the day it was recorded, in Washington. */
    public DesignationRevoked(String reviewId, String proposalId, String designationNumber, String consortiumId,
            String applicantOrganisation, String cause, String causeEventId, String reason, int endorsedLineCount,
            Instant revokedAt) {
        this(reviewId, proposalId, designationNumber, consortiumId, applicantOrganisation, cause, causeEventId, reason,
                endorsedLineCount, revokedAt, revokedAt == null ? null : gov.commerce.aiexports.events.FederalTime.dateOf(revokedAt));
    }

    /** The applicant withdrew the designated proposal. */
    public static final String RELINQUISHED = "RELINQUISHED";
    /** Commerce revoked the designation (POST /oversight/{number}/revocation). */
    public static final String REVOKED_BY_COMMERCE = "REVOKED_BY_COMMERCE";
}
