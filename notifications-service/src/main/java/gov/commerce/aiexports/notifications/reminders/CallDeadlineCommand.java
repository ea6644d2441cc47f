package gov.commerce.aiexports.notifications.reminders;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface CallDeadlineCommand {

    /** From CallPublished or CallAmended: the call's closing instant as of its version. */
    record TrackCall(@TargetAggregateIdentifier String callId, String title, Instant closesAt, int callVersion)
            implements CallDeadlineCommand {
    }
}
