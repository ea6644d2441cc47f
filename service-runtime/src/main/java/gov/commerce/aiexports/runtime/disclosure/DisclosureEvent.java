package gov.commerce.aiexports.runtime.disclosure;

import java.time.Instant;
import java.util.List;

/**
 * The domain events of the reads a service accounts for (see {@link DisclosureRecorder}): one
 * aggregate of type {@code DisclosureBatch} per flushed batch, a single event, stored, chained and
 * published by the outbox like any other.
 */
public sealed interface DisclosureEvent {

    /** One answer that showed confidential sections of one proposal to someone outside its consortium. */
    record Read(String proposalId, String subject, String organisation, List<String> roles, Instant readAt,
            List<String> sections, String path, String correlationId) {
    }

    record ReadsRecorded(String batchId, String service, List<Read> reads) implements DisclosureEvent {
    }
}
