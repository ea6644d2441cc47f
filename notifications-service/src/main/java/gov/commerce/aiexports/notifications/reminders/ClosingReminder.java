package gov.commerce.aiexports.notifications.reminders;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The guard that makes a closing reminder go out once: its id is the call and the threshold, and
 * it is created with its only event. A second creation, by another scheduler run, thread or
 * instance, or after a restart, collides on the event store's unique (aggregate, sequence) key
 * and rolls back with everything it would have told.
 */
public class ClosingReminder {

    @AggregateIdentifier
    private String reminderId;

    protected ClosingReminder() {
    }

    @CommandHandler
    public ClosingReminder(ClosingReminderCommand.SendClosingReminder c) {
        apply(new ClosingReminderEvent.Sent(c.reminderId(), c.callId(), c.threshold(), c.title(), c.closesAt(), c.dueAt(),
                c.recipients()));
    }

    @EventSourcingHandler
    void on(ClosingReminderEvent.Sent e) {
        reminderId = e.reminderId();
    }
}
