package gov.commerce.aiexports.notifications.reminders;

import java.time.Instant;

public sealed interface CallDeadlineEvent {

    String callId();

    /** This service learned (or relearned, after an amendment) when an open call closes. */
    record Tracked(String callId, String title, Instant closesAt, int callVersion) implements CallDeadlineEvent {
    }
}
