package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;

/** Commerce lifted a suspension (reason, effectiveDate); the designation's lines may be approved and disbursed again. */
@EventContract(type = "DesignationReinstated", version = 1, producer = "review-service")
public record DesignationReinstated(
        String reviewId,
        String proposalId,
        String designationNumber,
        String consortiumId,
        String applicantOrganisation,
        String reason,
        LocalDate effectiveDate,
        int endorsedLineCount,
        Instant reinstatedAt) implements IntegrationPayload {
}
