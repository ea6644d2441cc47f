package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.inbox.NotificationCommand.MarkRead;
import gov.commerce.aiexports.notifications.inbox.NotificationCommand.RecordNotification;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One notification to one recipient, given/when/then on the aggregate alone: recorded, then read once. */
@ExtendWith(QuietRefusals.class)
class NotificationAggregateTest {

    private static final String ID = "notification-1";
    private static final Recipient STATE = Recipient.agency("STATE");

    private FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
    }

    private static NotificationEvent.Recorded recorded() {
        return new NotificationEvent.Recorded(ID, STATE, "proposal-1", "Review opened", "Assess proposal AIEP-2027-1", "e-1", "ReviewOpened",
                "REVIEW_OPENED_TO_AGENCY");
    }

    @Test
    void a_notification_is_recorded_with_its_cause_and_rule() {
        fixture.givenNoPriorActivity().when(new RecordNotification(ID, STATE, "proposal-1", "Review opened", "Assess proposal AIEP-2027-1",
                "e-1", "ReviewOpened", "REVIEW_OPENED_TO_AGENCY")).expectEvents(recorded());
    }

    @Test
    void a_notification_is_marked_read_once() {
        fixture.given(recorded()).when(new MarkRead(ID, "reviewer-1")).expectEvents(new NotificationEvent.Read(ID, "reviewer-1"));
        fixture.given(recorded(), new NotificationEvent.Read(ID, "reviewer-1")).when(new MarkRead(ID, "reviewer-2"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_notification_never_recorded_is_not_read() {
        fixture.givenNoPriorActivity().when(new MarkRead(ID, "reviewer-1")).expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
