package gov.commerce.aiexports.notifications.reminders;

import gov.commerce.aiexports.notifications.reminders.ClosingReminderCommand.SendClosingReminder;
import gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies.Threshold;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closing reminder's guard, given/when/then on the aggregate alone: created with its only
 * event. A second sending is refused by the event store's unique (aggregate, sequence) key, which
 * the fixture's in-memory store does not model: ClosingRemindersTest shows it on PostgreSQL.
 */
class ClosingReminderAggregateTest {

    private static final Instant CLOSES = Instant.parse("2027-03-01T00:00:00Z");

    private FixtureConfiguration<ClosingReminder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClosingReminder.class);
    }

    @Test
    void a_due_reminder_is_sent_to_the_consortia_it_names() {
        Instant due = CLOSES.minusSeconds(7 * 86400);
        fixture.givenNoPriorActivity().when(new SendClosingReminder("closing-reminder:call-1:7D", "call-1", Threshold.SEVEN_DAYS, "AI for grids",
                        CLOSES, due, List.of("ACME00000001", "GRID00000003")))
                .expectEvents(new ClosingReminderEvent.Sent("closing-reminder:call-1:7D", "call-1", Threshold.SEVEN_DAYS, "AI for grids", CLOSES,
                        due, List.of("ACME00000001", "GRID00000003")));
    }

    @Test
    void a_reminder_with_nobody_to_tell_is_still_recorded_so_it_is_not_tried_again() {
        Instant due = CLOSES.minusSeconds(86400);
        fixture.givenNoPriorActivity().when(new SendClosingReminder("closing-reminder:call-1:1D", "call-1", Threshold.ONE_DAY, "AI for grids",
                        CLOSES, due, List.of()))
                .expectEvents(new ClosingReminderEvent.Sent("closing-reminder:call-1:1D", "call-1", Threshold.ONE_DAY, "AI for grids", CLOSES,
                        due, List.of()));
    }
}
