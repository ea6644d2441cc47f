package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.routing.Recipient;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface NotificationCommand {

    record RecordNotification(@TargetAggregateIdentifier String notificationId, Recipient recipient, String proposalId,
            String subject, String body, String sourceEventId, String sourceEventType, String rule) implements NotificationCommand {
    }

    record MarkRead(@TargetAggregateIdentifier String notificationId, String readBy) implements NotificationCommand {
    }
}
