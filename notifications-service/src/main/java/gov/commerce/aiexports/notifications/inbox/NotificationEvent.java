package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.routing.Recipient;

public sealed interface NotificationEvent {

    String notificationId();

    /**
     * Someone was told something, because of an integration event (or a scheduled reminder, whose
     * id is then the source), by the routing rule named in {@code rule}.
     */
    record Recorded(String notificationId, Recipient recipient, String proposalId, String subject, String body,
            String sourceEventId, String sourceEventType, String rule) implements NotificationEvent {

        /** Without the subject and body: they may hold a proposal's sections, and Axon's messages print their payload. */
        @Override
        public String toString() {
            return "Recorded[notificationId=" + notificationId + ", recipient=" + recipient + ", proposalId=" + proposalId
                    + ", rule=" + rule + ", sourceEventId=" + sourceEventId + "]";
        }
    }

    record Read(String notificationId, String readBy) implements NotificationEvent {
    }
}
