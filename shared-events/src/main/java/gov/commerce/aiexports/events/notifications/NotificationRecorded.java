package gov.commerce.aiexports.events.notifications;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;

/** Someone was told something: for the proposal's timeline. */
@EventContract(type = "NotificationRecorded", version = 1, producer = "notifications-service")
public record NotificationRecorded(
        String notificationId,
        String proposalId,
        String recipientType,
        String recipient,
        String subject,
        String sourceEventId,
        String sourceEventType) implements IntegrationPayload {
}
