package gov.commerce.aiexports.runtime.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

/** Copies who, why and which command from a command onto every event it produces. */
final class AuditCorrelation {

    private AuditCorrelation() {
    }

    static List<CorrelationDataProvider> providers() {
        return List.of(
                // Axon's naming: its "correlation" key gets the parent message's id (our causation), its
                // "trace" key the root's id, carried along (our correlation id)
                new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.CORRELATION_ID),
                new SimpleCorrelationDataProvider(MetadataKeys.ACTOR_SUBJECT, MetadataKeys.ACTOR_ORGANISATION,
                        MetadataKeys.ACTOR_ROLES, MetadataKeys.SOURCE_EVENT_ID, MetadataKeys.TRACE_ID, MetadataKeys.TRACE_PARENT),
                AuditCorrelation::commandName);
    }

    private static Map<String, ?> commandName(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        if (message instanceof CommandMessage<?> command) {
            data.put(MetadataKeys.COMMAND, command.getPayloadType().getSimpleName());
        } else if (message.getMetaData().containsKey(MetadataKeys.COMMAND)) {
            data.put(MetadataKeys.COMMAND, message.getMetaData().get(MetadataKeys.COMMAND));
        }
        return data;
    }
}
