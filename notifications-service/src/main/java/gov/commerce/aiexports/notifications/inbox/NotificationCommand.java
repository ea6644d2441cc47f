package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.routing.Recipient;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface NotificationCommand {

    record RecordNotification(@TargetAggregateIdentifier String notificationId, Recipient recipient, String proposalId,
            String subject, String body, String sourceEventId, String sourceEventType, String rule) implements NotificationCommand {

        /** Without the subject and body: they may hold a proposal's sections, and commands get printed. */
        @Override
        public String toString() {
            return "RecordNotification[notificationId=" + notificationId + ", recipient=" + recipient + ", proposalId=" + proposalId
                    + ", rule=" + rule + ", sourceEventId=" + sourceEventId + "]";
        }
    }

    record MarkRead(@TargetAggregateIdentifier String notificationId, String readBy) implements NotificationCommand {
    }
}
