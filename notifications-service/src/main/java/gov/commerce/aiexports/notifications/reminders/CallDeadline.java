package gov.commerce.aiexports.notifications.reminders;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** When an open call closes, as published by proposals-service: what the closing reminders are timed on. */
public class CallDeadline {

    @AggregateIdentifier
    private String callId;
    private int callVersion;

    protected CallDeadline() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CallDeadlineCommand.TrackCall c) {
        // events of one call may arrive out of order across partitions: an older version changes nothing
        if (callId != null && c.callVersion() <= callVersion) {
            return;
        }
        apply(new CallDeadlineEvent.Tracked(c.callId(), c.title(), c.closesAt(), c.callVersion()));
    }

    @EventSourcingHandler
    void on(CallDeadlineEvent.Tracked e) {
        callId = e.callId();
        callVersion = e.callVersion();
    }
}
