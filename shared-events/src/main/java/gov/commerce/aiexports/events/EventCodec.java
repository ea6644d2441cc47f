package gov.commerce.aiexports.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapping of envelopes and payloads, shared by producers and consumers. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // a newer producer may add fields; an older consumer must still read the event
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(IntegrationEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode event " + event.eventId(), e);
        }
    }

    /** @throws UnreadableEventException when the bytes are not a complete envelope */
    public static IntegrationEvent decode(byte[] bytes) {
        if (bytes == null) {
            throw new UnreadableEventException("record has no value");
        }
        IntegrationEvent event;
        try {
            event = MAPPER.readValue(bytes, IntegrationEvent.class);
        } catch (IOException e) {
            throw new UnreadableEventException("not a JSON envelope: " + e.getMessage());
        }
        if (event.eventId() == null || event.eventType() == null || event.schemaVersion() < 1 || event.payload() == null) {
            // its length, not its bytes: the reason is shown to operators, and a payload may hold a proposal's sections
            throw new UnreadableEventException("envelope lacks eventId, eventType, schemaVersion or payload (" + bytes.length
                    + " bytes)");
        }
        return IntegrationUpcasters.toCurrent(event);
    }

    static <P extends IntegrationPayload> P payload(IntegrationEvent event, Class<P> type) {
        EventContract contract = EventCatalog.contractOf(type);
        if (!contract.type().equals(event.eventType()) || contract.version() != event.schemaVersion()) {
            throw new UnreadableEventException("event " + event.eventId() + " is " + event.eventType() + " v"
                    + event.schemaVersion() + ", not " + contract.type() + " v" + contract.version());
        }
        try {
            return MAPPER.treeToValue(event.payload(), type);
        } catch (IOException e) {
            throw new UnreadableEventException("payload of " + event.eventType() + " v" + event.schemaVersion()
                    + " does not match its contract: " + e.getMessage());
        }
    }

    /** A record that no amount of retrying will make readable: it belongs in the dead-letter topic. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String message) {
            super(message);
        }
    }
}
