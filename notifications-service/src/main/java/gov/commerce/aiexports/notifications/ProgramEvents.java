package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.CallAmended;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.notifications.disclosure.ProposalFactsStore;
import gov.commerce.aiexports.notifications.dispatch.Dispatcher;
import gov.commerce.aiexports.notifications.reminders.CallDeadlineCommand;
import gov.commerce.aiexports.notifications.routing.Directory;
import gov.commerce.aiexports.notifications.routing.RoutingRules;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Listens to the other services. In the consumer's transaction (which also records the event's
 * id, so a redelivery does nothing): remembers the calls' closing instants and what the
 * disclosure rule needs to know of the proposals, records a
 * notification per recipient the routing rules name (with its e-mails to send), and schedules a
 * delivery to each webhook subscribed to the event's type.
 */
@Singleton
public class ProgramEvents implements IntegrationEventHandler {

    @Inject
    Commands commands;
    @Inject
    Dispatcher dispatcher;
    @Inject
    Directory directory;
    @Inject
    ProposalFactsStore facts;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS, Topics.REVIEW, Topics.INCENTIVES);
    }

    /** The group's proposal rows of the disclosure facts, locked at once (ProposalFactsStore.lockAll). */
    @Override
    public void beforeGroup(java.util.List<IntegrationEvent> events) {
        facts.lockAll(events);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (event.is(CallPublished.class)) {
            CallPublished c = event.payloadAs(CallPublished.class);
            commands.sendOnEvent(new CallDeadlineCommand.TrackCall(c.callId(), c.title(), c.closesAt(), c.callVersion()), event);
        } else if (event.is(CallAmended.class)) {
            CallAmended c = event.payloadAs(CallAmended.class);
            commands.sendOnEvent(new CallDeadlineCommand.TrackCall(c.callId(), c.title(), c.closesAt(), c.callVersion()), event);
        }
        // the event's own facts (a marking, a designation, a route) count for what it sends
        facts.learn(event);
        dispatcher.tell(RoutingRules.noticesFor(event, directory), event.eventId().toString(), event.eventType(), Commands.Cause.of(event));
        dispatcher.offerToWebhooks(event);
    }
}
