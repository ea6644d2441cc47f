package gov.commerce.aiexports.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every integration event on Kafka. The payload stays a JSON tree so that a
 * consumer can read the envelope of any version and decide by eventType and schemaVersion.
 *
 * @param eventId           the domain event's identifier in the producer's event store: consumers deduplicate on it
 * @param aggregateSequence the event's sequence number in its aggregate's stream
 * @param causationId       the id of the message that caused the domain event (the command, or a consumed event)
 */
public record IntegrationEvent(
        UUID eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long aggregateSequence,
        Instant occurredAt,
        String producer,
        String correlationId,
        String causationId,
        Actor actor,
        JsonNode payload) {

    public <P extends IntegrationPayload> P payloadAs(Class<P> type) {
        return EventCodec.payload(this, type);
    }

    public boolean is(Class<? extends IntegrationPayload> type) {
        return EventCatalog.carries(type, eventType, schemaVersion);
    }
}
