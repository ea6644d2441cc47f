package gov.commerce.aiexports.notifications.inbox;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One notification to one recipient. Its id derives from the source event and the recipient, so it exists once. */
public class Notification {

    @AggregateIdentifier
    private String notificationId;
    private boolean read;

    protected Notification() {
    }

    @CommandHandler
    public Notification(NotificationCommand.RecordNotification c) {
        apply(new NotificationEvent.Recorded(c.notificationId(), c.recipient(), c.proposalId(), c.subject(), c.body(),
                c.sourceEventId(), c.sourceEventType(), c.rule()));
    }

    @CommandHandler
    void handle(NotificationCommand.MarkRead c) {
        if (!read) {
            apply(new NotificationEvent.Read(notificationId, c.readBy()));
        }
    }

    @EventSourcingHandler
    void on(NotificationEvent.Recorded e) {
        notificationId = e.notificationId();
    }

    @EventSourcingHandler
    void on(NotificationEvent.Read e) {
        read = true;
    }
}
