package gov.commerce.aiexports.notifications.reminders;

import java.time.Instant;
import java.util.List;

public sealed interface ClosingReminderEvent {

    String reminderId();

    /** The reminder of one call at one threshold went out, to these consortia. */
    record Sent(String reminderId, String callId, ClosingReminderPolicies.Threshold threshold, String title, Instant closesAt,
            Instant dueAt, List<String> recipients) implements ClosingReminderEvent {
    }
}
