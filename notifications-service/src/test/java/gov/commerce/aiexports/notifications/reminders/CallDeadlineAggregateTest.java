package gov.commerce.aiexports.notifications.reminders;

import gov.commerce.aiexports.notifications.reminders.CallDeadlineCommand.TrackCall;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a call closes, as this service learned it, given/when/then on the aggregate alone: newer versions only. */
class CallDeadlineAggregateTest {

    private static final Instant CLOSES = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant EXTENDED = Instant.parse("2027-04-01T00:00:00Z");

    private FixtureConfiguration<CallDeadline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CallDeadline.class);
    }

    @Test
    void a_published_call_is_tracked() {
        fixture.givenNoPriorActivity().when(new TrackCall("call-1", "AI for grids", CLOSES, 1))
                .expectEvents(new CallDeadlineEvent.Tracked("call-1", "AI for grids", CLOSES, 1));
    }

    @Test
    void an_amendment_moves_the_deadline() {
        fixture.given(new CallDeadlineEvent.Tracked("call-1", "AI for grids", CLOSES, 1)).when(new TrackCall("call-1", "AI for grids", EXTENDED, 2))
                .expectEvents(new CallDeadlineEvent.Tracked("call-1", "AI for grids", EXTENDED, 2));
    }

    @Test
    void an_older_or_repeated_version_arriving_late_changes_nothing() {
        fixture.given(new CallDeadlineEvent.Tracked("call-1", "AI for grids", EXTENDED, 2)).when(new TrackCall("call-1", "AI for grids", CLOSES, 1))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(new CallDeadlineEvent.Tracked("call-1", "AI for grids", EXTENDED, 2)).when(new TrackCall("call-1", "AI for grids", EXTENDED, 2))
                .expectNoEvents();
    }
}
