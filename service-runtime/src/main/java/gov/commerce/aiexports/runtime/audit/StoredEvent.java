package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One event as it is stored, for auditors: its position in the service's stream and in its
 * aggregate, who caused it and why, and the payload exactly as recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredEvent(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        String eventType,
        String payloadRevision,
        String occurredAt,
        Actor actor,
        String command,
        String correlationId,
        String causationId,
        String sourceEventId,
        JsonNode payload,
        JsonNode metadata) {

    public record Actor(String subject, String organisation, List<String> roles) {
    }
}
