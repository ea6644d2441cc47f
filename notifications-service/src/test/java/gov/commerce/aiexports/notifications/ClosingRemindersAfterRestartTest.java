package gov.commerce.aiexports.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies.Threshold;
import gov.commerce.aiexports.notifications.reminders.ClosingReminders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@link ClosingRemindersTest} with another test profile, so Quarkus stops the
 * service and starts it again: a new application in a new class loader, new beans (the test
 * clock is back at the real time), nothing in memory, the same database and broker (handed over
 * by {@link HandedOverInfrastructure}). The reminders that test sent are found again when
 * their thresholds are due, and none goes out a second time.
 */
@QuarkusTest
@Order(3)
@TestProfile(ClosingRemindersAfterRestartTest.Restarted.class)
@QuarkusTestResource(value = HandedOverInfrastructure.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class ClosingRemindersAfterRestartTest {

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a different profile is what makes Quarkus restart; the scheduler also runs more often here
            return Map.of("aiexports.notifications.reminders.every", "2s");
        }
    }

    @Inject
    ClosingReminders reminders;
    @Inject
    MutableClock clock;

    @Test
    void reminders_sent_before_the_restart_are_not_sent_again() throws Exception {
        EventStore.useHandedOver();
        List<String[]> calls = EventStore.rows("select id, closes_at from call_deadline where id like ? order by id",
                ClosingRemindersTest.CALL_PREFIX + "%");
        assertFalse(calls.isEmpty(), "the call of ClosingRemindersTest is in the database the restarted service uses");
        for (String[] call : calls) {
            String callId = call[0];
            assertEquals(1, ClosingRemindersTest.remindersOf(callId, Threshold.SEVEN_DAYS));
            assertEquals(1, ClosingRemindersTest.remindersOf(callId, Threshold.ONE_DAY));
            Instant closesAt = Instant.parse(EventStore.rows("select doc->>'closesAt' from call_deadline where id = ?", callId).get(0)[0]);
            long inboxBefore = EventStore.count("select count(*) from inbox_entry where doc->>'sourceEventType' = 'ClosingReminder'"
                    + " and doc->>'sourceEventId' like ?", "%" + callId + "%");

            // in the 7-day window again, then in the 1-day window: racing runs and the scheduler find both already sent
            clock.advanceTo(closesAt.minus(Duration.ofDays(6)));
            ClosingRemindersTest.racingRuns(reminders, 4);
            clock.advanceTo(closesAt.minus(Duration.ofHours(6)));
            ClosingRemindersTest.racingRuns(reminders, 4);

            assertEquals(1, ClosingRemindersTest.remindersOf(callId, Threshold.SEVEN_DAYS));
            assertEquals(1, ClosingRemindersTest.remindersOf(callId, Threshold.ONE_DAY));
            assertEquals(inboxBefore, EventStore.count("select count(*) from inbox_entry where doc->>'sourceEventType' = 'ClosingReminder'"
                    + " and doc->>'sourceEventId' like ?", "%" + callId + "%"));
        }
    }
}
