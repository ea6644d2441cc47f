package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.IntegrationEvent;
import java.util.Set;

/**
 * A service's reaction to other services' integration events. {@link #handle} runs inside the
 * transaction that also records the event's id, so its effect happens once however often Kafka
 * delivers the event. Throw {@code EventCodec.UnreadableEventException} or a
 * {@code RuleViolation} for an event that can never be applied: it goes to the dead-letter topic.
 * Any other exception is taken as transient and the event is retried.
 */
public interface IntegrationEventHandler {

    Set<String> topics();

    void handle(IntegrationEvent event);
}
