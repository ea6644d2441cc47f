package gov.commerce.aiexports.notifications.reminders;

import static gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies.Threshold.ONE_DAY;
import static gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies.Threshold.SEVEN_DAYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosingReminderPoliciesTest {

    static final Instant CLOSES = Instant.parse("2027-06-30T23:59:59Z");

    static Optional<ClosingReminderPolicies.Threshold> at(Duration beforeClosing) {
        return ClosingReminderPolicies.dueAt(CLOSES, CLOSES.minus(beforeClosing));
    }

    @Test
    void nothing_is_due_more_than_seven_days_before_closing() {
        assertEquals(Optional.empty(), at(Duration.ofDays(7).plusSeconds(1)));
        assertEquals(Optional.empty(), at(Duration.ofDays(30)));
    }

    @Test
    void the_seven_day_reminder_is_due_from_seven_days_until_one_day_before() {
        assertEquals(Optional.of(SEVEN_DAYS), at(Duration.ofDays(7)));
        assertEquals(Optional.of(SEVEN_DAYS), at(Duration.ofDays(3)));
        assertEquals(Optional.of(SEVEN_DAYS), at(Duration.ofDays(1).plusSeconds(1)));
    }

    @Test
    void the_one_day_reminder_is_due_in_the_last_day_and_nothing_after_closing() {
        assertEquals(Optional.of(ONE_DAY), at(Duration.ofDays(1)));
        assertEquals(Optional.of(ONE_DAY), at(Duration.ofSeconds(1)));
        assertEquals(Optional.empty(), at(Duration.ZERO));
        assertEquals(Optional.empty(), at(Duration.ofHours(-2)));
    }

    @Test
    void the_reminder_id_is_one_per_call_and_threshold() {
        assertEquals(ClosingReminderPolicies.reminderId("call-1", SEVEN_DAYS), ClosingReminderPolicies.reminderId("call-1", SEVEN_DAYS));
        assertNotEquals(ClosingReminderPolicies.reminderId("call-1", SEVEN_DAYS), ClosingReminderPolicies.reminderId("call-1", ONE_DAY));
        assertNotEquals(ClosingReminderPolicies.reminderId("call-1", ONE_DAY), ClosingReminderPolicies.reminderId("call-2", ONE_DAY));
    }
}
