package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Commerce suspended a designation (reason, effectiveDate: from when it counts; recorded at
 * suspendedAt). While it is suspended incentives-service approves and disburses nothing on the
 * designation's lines (endorsedLineCount: how many the designation opened). A reinstatement or a
 * revocation ends it.
 */
@EventContract(type = "DesignationSuspended", version = 1, producer = "review-service")
public record DesignationSuspended(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        String reason,
        LocalDate effectiveDate,
        int endorsedLineCount,
        Instant suspendedAt) implements IntegrationPayload {
}
