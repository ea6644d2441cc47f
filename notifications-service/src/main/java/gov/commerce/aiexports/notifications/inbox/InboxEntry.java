package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.routing.Recipient;
import java.time.Instant;

public record InboxEntry(String id, Recipient recipient, String proposalId, String subject, String body, boolean read,
        Instant createdAt, String sourceEventId, String sourceEventType, String rule) {
}
