package gov.commerce.aiexports.events.disclosure;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.util.List;

/**
 * A batch of reads of confidential sections by someone outside the owning consortium, made through
 * the publishing service's paths (review-service, incentives-service, notifications-service: each on
 * its own topic; the contract is one). proposals-service writes each read into its account of
 * disclosure. It names sections, never their values. The batch spans proposals, so its Kafka key
 * is the batch's own id (proposalId is null).
 *
 * @param batchId the batch (the aggregate id of the event in the producer's store)
 * @param service the service the reads went through
 */
@EventContract(type = "ConfidentialSectionsRead", version = 1, producer = "review-service")
public record ConfidentialSectionsRead(String batchId, String service, List<Read> reads) implements IntegrationPayload {

    /**
     * One answer that showed confidential sections of one proposal.
     *
     * @param path the service's operation, e.g. {@code GET /reviews/{id}}
     */
    public record Read(String proposalId, String subject, String organisation, List<String> roles, Instant readAt,
            List<String> sections, String path, String correlationId) {
    }

    @Override
    public String proposalId() {
        return null;
    }
}
