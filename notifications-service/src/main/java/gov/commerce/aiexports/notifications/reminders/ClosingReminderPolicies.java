package gov.commerce.aiexports.notifications.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an open call's closing reminders are due: 7 days and 1 day before it closes. Each
 * threshold has a window, from its own instant until the next threshold's (or the closing): a
 * reminder found due late (the service was down) still goes out within its window, but never a
 * "7 days" reminder when less than a day is left, and none after the closing.
 */
public final class ClosingReminderPolicies {

    public enum Threshold {
        SEVEN_DAYS("7D", Duration.ofDays(7), "7 days"),
        ONE_DAY("1D", Duration.ofDays(1), "1 day");

        private final String code;
        private final Duration before;
        private final String words;

        Threshold(String code, Duration before, String words) {
            this.code = code;
            this.before = before;
            this.words = words;
        }

        public String code() {
            return code;
        }

        public Duration before() {
            return before;
        }

        public String words() {
            return words;
        }
    }

    /** The furthest threshold: calls closing later than this need no look yet. */
    public static final Duration HORIZON = Threshold.SEVEN_DAYS.before();

    private ClosingReminderPolicies() {
    }

    /** The threshold whose window contains {@code now}, if any. */
    public static Optional<Threshold> dueAt(Instant closesAt, Instant now) {
        if (!now.isBefore(closesAt)) {
            return Optional.empty();
        }
        if (!now.isBefore(closesAt.minus(Threshold.ONE_DAY.before()))) {
            return Optional.of(Threshold.ONE_DAY);
        }
        if (!now.isBefore(closesAt.minus(Threshold.SEVEN_DAYS.before()))) {
            return Optional.of(Threshold.SEVEN_DAYS);
        }
        return Optional.empty();
    }

    /** One reminder per call and threshold: this id is what makes it unique. */
    public static String reminderId(String callId, Threshold threshold) {
        return "closing-reminder:" + callId + ":" + threshold.code();
    }
}
