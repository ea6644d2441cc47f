package gov.commerce.aiexports.notifications.reminders;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface ClosingReminderCommand {

    record SendClosingReminder(@TargetAggregateIdentifier String reminderId, String callId, ClosingReminderPolicies.Threshold threshold,
            String title, Instant closesAt, Instant dueAt, List<String> recipients) implements ClosingReminderCommand {
    }
}
