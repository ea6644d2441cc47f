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
                new MessageOriginProvider(MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID),
                new SimpleCorrelationDataProvider(MetadataKeys.ACTOR_SUBJECT, MetadataKeys.ACTOR_ORGANISATION,
                        MetadataKeys.ACTOR_ROLES, MetadataKeys.SOURCE_EVENT_ID),
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
