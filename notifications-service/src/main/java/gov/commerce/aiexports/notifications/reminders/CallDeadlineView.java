package gov.commerce.aiexports.notifications.reminders;

import java.time.Instant;

/** @param causeEventId the CallPublished or CallAmended event the deadline comes from: the reminders' cause */
public record CallDeadlineView(String callId, String title, Instant closesAt, int callVersion, String causeEventId,
        String correlationId) {
}
