package gov.commerce.aiexports.notifications.delivery;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.notifications.delivery.DeliveryCommand.Cancel;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand.RecordFailure;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand.RecordSuccess;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand.Redeliver;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand.ScheduleDelivery;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One delivery and its tries, given/when/then on the aggregate alone: PENDING → DELIVERED, or
 * FAILED (retried) → DEAD_LETTERED after the round's last try → PENDING again when an operator
 * redelivers; CANCELLED when its webhook goes before it could be sent.
 */
@ExtendWith(QuietRefusals.class)
class DeliveryAggregateTest {

    private static final String ID = "delivery-1";
    private static final Instant DUE = Instant.parse("2027-02-01T12:00:00Z");
    private static final Instant AT = DUE.plusSeconds(1);
    private static final Instant RETRY = DUE.plusSeconds(60);

    private FixtureConfiguration<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
    }

    private static DeliveryEvent.Scheduled scheduled() {
        return new DeliveryEvent.Scheduled(ID, Channel.WEBHOOK, "https://agency.example/hook", "webhook-1", null, "e-1", "ReviewOpened",
                "proposal-1", null, "{\"eventId\":\"e-1\"}", DUE);
    }

    private static DeliveryEvent.AttemptFailed failed(int attempt, Instant retryAt) {
        return new DeliveryEvent.AttemptFailed(ID, attempt, 503, "HTTP 503", AT, 40, retryAt);
    }

    private static DeliveryEvent.DeadLettered deadLettered() {
        return new DeliveryEvent.DeadLettered(ID, 3, 3, "HTTP 503");
    }

    private static DeliveryEvent.AttemptSucceeded succeeded(int attempt) {
        return new DeliveryEvent.AttemptSucceeded(ID, attempt, 204, AT, 12);
    }

    @Test
    void a_delivery_is_scheduled_with_exactly_what_is_sent() {
        fixture.givenNoPriorActivity().when(new ScheduleDelivery(ID, Channel.WEBHOOK, "https://agency.example/hook", "webhook-1", null,
                "e-1", "ReviewOpened", "proposal-1", null, "{\"eventId\":\"e-1\"}", DUE)).expectEvents(scheduled());
    }

    @Test
    void the_first_try_succeeds() {
        fixture.given(scheduled()).when(new RecordSuccess(ID, 1, 204, AT, 12)).expectEvents(succeeded(1));
    }

    @Test
    void a_failed_try_is_retried_and_the_next_one_may_succeed() {
        fixture.given(scheduled()).when(new RecordFailure(ID, 1, 503, "HTTP 503", AT, 40, RETRY, 3)).expectEvents(failed(1, RETRY));
        fixture.given(scheduled(), failed(1, RETRY)).when(new RecordSuccess(ID, 2, 204, AT, 12)).expectEvents(succeeded(2));
    }

    @Test
    void the_last_try_of_the_round_failing_dead_letters_the_delivery() {
        fixture.given(scheduled(), failed(1, RETRY), failed(2, RETRY)).when(new RecordFailure(ID, 3, 503, "HTTP 503", AT, 40, null, 3))
                .expectEvents(failed(3, null), deadLettered());
    }

    @Test
    void a_try_is_recorded_once_and_in_order() {
        fixture.given(scheduled()).when(new RecordSuccess(ID, 2, 204, AT, 12))
                .expectException(refused(StateConflict.class, "ATTEMPT_OUT_OF_SEQUENCE")).expectNoEvents();
        fixture.given(scheduled(), failed(1, RETRY)).when(new RecordFailure(ID, 1, 503, "HTTP 503", AT, 40, RETRY, 3))
                .expectException(refused(StateConflict.class, "ATTEMPT_OUT_OF_SEQUENCE")).expectNoEvents();
    }

    @Test
    void a_delivered_dead_lettered_or_cancelled_delivery_takes_no_more_tries() {
        fixture.given(scheduled(), succeeded(1)).when(new RecordSuccess(ID, 2, 204, AT, 12))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_DUE")).expectNoEvents();
        fixture.given(scheduled(), failed(1, RETRY), failed(2, RETRY), failed(3, null), deadLettered())
                .when(new RecordFailure(ID, 4, 503, "HTTP 503", AT, 40, null, 3))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_DUE")).expectNoEvents();
        fixture.given(scheduled(), new DeliveryEvent.Cancelled(ID, "WEBHOOK_REMOVED")).when(new RecordSuccess(ID, 1, 204, AT, 12))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_DUE")).expectNoEvents();
    }

    @Test
    void a_dead_lettered_or_failed_delivery_is_redelivered_and_its_tries_continue() {
        fixture.given(scheduled(), failed(1, RETRY), failed(2, RETRY), failed(3, null), deadLettered()).when(new Redeliver(ID, RETRY))
                .expectEvents(new DeliveryEvent.RedeliveryRequested(ID, RETRY));
        fixture.given(scheduled(), failed(1, RETRY)).when(new Redeliver(ID, RETRY))
                .expectEvents(new DeliveryEvent.RedeliveryRequested(ID, RETRY));
        fixture.given(scheduled(), failed(1, RETRY), failed(2, RETRY), failed(3, null), deadLettered(),
                        new DeliveryEvent.RedeliveryRequested(ID, RETRY))
                .when(new RecordSuccess(ID, 4, 204, AT, 12)).expectEvents(succeeded(4));
    }

    @Test
    void a_pending_delivered_or_cancelled_delivery_is_not_redelivered() {
        fixture.given(scheduled()).when(new Redeliver(ID, RETRY))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_REDELIVERABLE")).expectNoEvents();
        fixture.given(scheduled(), succeeded(1)).when(new Redeliver(ID, RETRY))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_REDELIVERABLE")).expectNoEvents();
        fixture.given(scheduled(), new DeliveryEvent.Cancelled(ID, "WEBHOOK_REMOVED")).when(new Redeliver(ID, RETRY))
                .expectException(refused(StateConflict.class, "DELIVERY_NOT_REDELIVERABLE")).expectNoEvents();
    }

    @Test
    void a_pending_or_failed_delivery_is_cancelled_and_a_finished_one_stays_as_it_is() {
        Cancel cancel = new Cancel(ID, "WEBHOOK_REMOVED");
        fixture.given(scheduled()).when(cancel).expectEvents(new DeliveryEvent.Cancelled(ID, "WEBHOOK_REMOVED"));
        fixture.given(scheduled(), failed(1, RETRY)).when(cancel).expectEvents(new DeliveryEvent.Cancelled(ID, "WEBHOOK_REMOVED"));
        fixture.given(scheduled(), succeeded(1)).when(cancel).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(scheduled(), failed(1, RETRY), failed(2, RETRY), failed(3, null), deadLettered()).when(cancel).expectNoEvents();
        fixture.given(scheduled(), new DeliveryEvent.Cancelled(ID, "WEBHOOK_REMOVED")).when(cancel).expectNoEvents();
    }
}
