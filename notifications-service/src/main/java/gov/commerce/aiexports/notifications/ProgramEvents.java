package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.notifications.inbox.NotificationCommand;
import gov.commerce.aiexports.notifications.routing.Notice;
import gov.commerce.aiexports.notifications.routing.RoutingRules;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** Listens to the other services and records a notification for each recipient the routing rules name. */
@Singleton
public class ProgramEvents implements IntegrationEventHandler {

    @Inject
    Commands commands;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS, Topics.REVIEW, Topics.INCENTIVES);
    }

    @Override
    public void handle(IntegrationEvent event) {
        for (Notice notice : RoutingRules.noticesFor(event)) {
            String id = UUID.nameUUIDFromBytes((event.eventId() + ":" + notice.recipient().inboxKey())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            commands.sendOnEvent(new NotificationCommand.RecordNotification(id, notice.recipient(), notice.proposalId(),
                    notice.subject(), notice.body(), event.eventId().toString(), event.eventType()), event);
        }
    }
}
