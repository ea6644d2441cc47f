package gov.commerce.aiexports.notifications.dispatch;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.notifications.contacts.ContactProjection;
import gov.commerce.aiexports.notifications.disclosure.EventRedaction;
import gov.commerce.aiexports.notifications.disclosure.ProposalFactsStore;
import gov.commerce.aiexports.notifications.disclosure.Viewers;
import gov.commerce.aiexports.notifications.contacts.ContactView;
import gov.commerce.aiexports.notifications.delivery.Channel;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand;
import gov.commerce.aiexports.notifications.inbox.NotificationCommand;
import gov.commerce.aiexports.notifications.routing.Notice;
import gov.commerce.aiexports.notifications.webhooks.WebhookProjection;
import gov.commerce.aiexports.notifications.webhooks.WebhookView;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * Turns what the routing rules decided into stored facts, inside the caller's transaction (the
 * Kafka consumer's, or a reminder's): a notification per notice (the inbox), and a scheduled
 * delivery per e-mail contact and per subscribed webhook (the outbox the sender works). Nothing
 * is sent here: a redelivered event or a crash can therefore not send anything twice.
 */
@Singleton
public class Dispatcher {

    @Inject
    Commands commands;
    @Inject
    Documents documents;
    @Inject
    Clock clock;
    @Inject
    ProposalFactsStore facts;

    /** Records each notice and schedules an e-mail to each contact of its recipient organisation. */
    public void tell(List<Notice> notices, String sourceId, String sourceType, Commands.Cause cause) {
        for (Notice notice : notices) {
            String notificationId = Causes.idFrom(sourceId, notice.rule(), notice.recipient().inboxKey());
            commands.sendOnCause(new NotificationCommand.RecordNotification(notificationId, notice.recipient(),
                    notice.proposalId(), notice.subject(), notice.body(), sourceId, sourceType, notice.rule()), cause);
            if (!notice.recipient().reachableByEmail()) {
                continue;
            }
            for (ContactView contact : ContactProjection.of(documents, notice.recipient().id())) {
                commands.sendOnCause(new DeliveryCommand.ScheduleDelivery(Causes.idFrom(notificationId, contact.email()),
                        Channel.EMAIL, contact.email(), null, notificationId, sourceId, sourceType, notice.proposalId(),
                        "[AI Exports Program] " + notice.subject(), notice.body() + FOOTER, clock.instant()), cause);
            }
        }
    }

    /**
     * Schedules a signed POST of the event to every active webhook subscribed to its type: the
     * event as received, but with each section of the proposal that the webhook's agency may not
     * see (the disclosure rule, on the facts known now) replaced by the withheld marker. The body
     * is fixed here, so every try and a redelivery send the same signed bytes.
     */
    public void offerToWebhooks(IntegrationEvent event) {
        if (event.is(gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.class)) {
            // the account of disclosure is the owning consortium's and the auditors' to read, nobody's webhook
            return;
        }
        List<WebhookView> subscribed = WebhookProjection.subscribedTo(documents, event.eventType());
        if (subscribed.isEmpty()) {
            return;
        }
        String proposalId = event.payload().hasNonNull("proposalId") ? event.payload().get("proposalId").asText() : null;
        ProposalFacts proposal = proposalId == null ? null : facts.facts(proposalId);
        for (WebhookView webhook : subscribed) {
            IntegrationEvent shown = proposal == null ? event
                    : EventRedaction.redact(event, Disclosure.decide(Viewers.ofWebhook(webhook.agency(), webhook.registeredRoles()),
                            proposal));
            String body = new String(EventCodec.encode(shown), StandardCharsets.UTF_8);
            commands.sendOnEvent(new DeliveryCommand.ScheduleDelivery(Causes.idFrom(event.eventId().toString(), webhook.id()),
                    Channel.WEBHOOK, webhook.url(), webhook.id(), null, event.eventId().toString(), event.eventType(), proposalId,
                    null, body, clock.instant()), event);
        }
    }

    private static final String FOOTER = "\n\n--\nAmerican AI Exports Program. You receive this message because this address is "
            + "registered as a contact of your organisation; your inbox in the program lists every notification.";
}
