package gov.commerce.aiexports.notifications.delivery;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.StateConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One message to one destination over one channel, and its tries. Its id derives from what
 * caused it (the integration event and the webhook, or the notification and the address), so a
 * second scheduling of the same delivery collides in the event store instead of sending twice.
 */
public class Delivery {

    @AggregateIdentifier
    private String deliveryId;
    private DeliveryStatus status;
    private int attempts;

    protected Delivery() {
    }

    @CommandHandler
    public Delivery(DeliveryCommand.ScheduleDelivery c) {
        apply(new DeliveryEvent.Scheduled(c.deliveryId(), c.channel(), c.destination(), c.webhookId(), c.notificationId(),
                c.sourceEventId(), c.sourceEventType(), c.proposalId(), c.subject(), c.body(), c.dueAt()));
    }

    @CommandHandler
    void handle(DeliveryCommand.RecordSuccess c) {
        requireNextAttempt(c.attempt());
        apply(new DeliveryEvent.AttemptSucceeded(deliveryId, c.attempt(), c.statusCode(), c.attemptedAt(), c.durationMillis()));
    }

    @CommandHandler
    void handle(DeliveryCommand.RecordFailure c) {
        requireNextAttempt(c.attempt());
        apply(new DeliveryEvent.AttemptFailed(deliveryId, c.attempt(), c.statusCode(), c.error(), c.attemptedAt(),
                c.durationMillis(), c.retryAt()));
        if (c.retryAt() == null) {
            apply(new DeliveryEvent.DeadLettered(deliveryId, c.attempt(), c.maxAttempts(), c.error()));
        }
    }

    @CommandHandler
    void handle(DeliveryCommand.Redeliver c) {
        if (status != DeliveryStatus.DEAD_LETTERED && status != DeliveryStatus.FAILED) {
            throw new StateConflict("DELIVERY_NOT_REDELIVERABLE",
                    "only a failed or dead-lettered delivery can be redelivered; this one is " + status);
        }
        apply(new DeliveryEvent.RedeliveryRequested(deliveryId, c.dueAt()));
    }

    @CommandHandler
    void handle(DeliveryCommand.Cancel c) {
        if (status == DeliveryStatus.PENDING || status == DeliveryStatus.FAILED) {
            apply(new DeliveryEvent.Cancelled(deliveryId, c.reason()));
        }
    }

    /** A try is recorded once, in order: a stale or repeated record of the same try is refused. */
    private void requireNextAttempt(int attempt) {
        if (status != DeliveryStatus.PENDING && status != DeliveryStatus.FAILED) {
            throw new StateConflict("DELIVERY_NOT_DUE", "delivery " + deliveryId + " is " + status);
        }
        if (attempt != attempts + 1) {
            throw new StateConflict("ATTEMPT_OUT_OF_SEQUENCE", "try " + attempt + " follows try " + attempts);
        }
    }

    @EventSourcingHandler
    void on(DeliveryEvent.Scheduled e) {
        deliveryId = e.deliveryId();
        status = DeliveryStatus.PENDING;
    }

    @EventSourcingHandler
    void on(DeliveryEvent.AttemptSucceeded e) {
        attempts = e.attempt();
        status = DeliveryStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(DeliveryEvent.AttemptFailed e) {
        attempts = e.attempt();
        status = DeliveryStatus.FAILED;
    }

    @EventSourcingHandler
    void on(DeliveryEvent.DeadLettered e) {
        status = DeliveryStatus.DEAD_LETTERED;
    }

    @EventSourcingHandler
    void on(DeliveryEvent.RedeliveryRequested e) {
        status = DeliveryStatus.PENDING;
    }

    @EventSourcingHandler
    void on(DeliveryEvent.Cancelled e) {
        status = DeliveryStatus.CANCELLED;
    }
}
