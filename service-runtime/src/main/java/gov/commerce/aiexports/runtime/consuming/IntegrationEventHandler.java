package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.IntegrationEvent;
import java.util.List;
import java.util.Set;

/**
 * A service's reaction to other services' integration events. {@link #handle} runs inside the
 * transaction that also records the event's id, so its effect happens once however often Kafka
 * delivers the event. Throw {@code EventCodec.UnreadableEventException} or a
 * {@code RuleViolation} for an event that can never be applied: it goes to the dead-letter topic at
 * once. Any other exception is retried a few times with backoff, then the event is dead-lettered
 * too; only the database being unreachable is retried without limit. An event reaches the handler
 * only if its type and version are in this build's contract catalogue (see ContractVersions):
 * check types with {@code event.is(...)} and ignore those the service does not act on.
 */
public interface IntegrationEventHandler {

    Set<String> topics();

    void handle(IntegrationEvent event);

    /**
     * Before a poll group's events of this handler's topics are handled one by one, in the same transaction: the
     * place to read or lock at once what each of them would otherwise read or lock in a statement of its own. Not
     * called when records go one at a time (a redelivery, a group that failed): {@link #handle} must not need it.
     */
    default void beforeGroup(List<IntegrationEvent> events) {
    }
}
