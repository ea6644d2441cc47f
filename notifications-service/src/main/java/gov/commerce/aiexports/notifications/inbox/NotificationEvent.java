package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.routing.Recipient;

public sealed interface NotificationEvent {

    String notificationId();

    /** Someone was told something, because of an integration event. */
    record Recorded(String notificationId, Recipient recipient, String proposalId, String subject, String body,
            String sourceEventId, String sourceEventType) implements NotificationEvent {
    }

    record Read(String notificationId, String readBy) implements NotificationEvent {
    }
}
