package gov.commerce.aiexports.proposals.disclosure;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The reads of confidential sections made through review-, incentives- and notifications-service
 * (their batches, {@link ConfidentialSectionsRead}) go into this service's account of disclosure,
 * in the consumer's transaction: the event's id is recorded as processed with them, so a
 * redelivered batch is not written twice. Each entry's path names the service it went through.
 */
@Singleton
public class DisclosuresElsewhere implements IntegrationEventHandler {

    @Inject
    DisclosureAccount account;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REVIEW, Topics.INCENTIVES, Topics.NOTIFICATIONS);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (!event.is(ConfidentialSectionsRead.class)) {
            return;
        }
        ConfidentialSectionsRead batch = event.payloadAs(ConfidentialSectionsRead.class);
        account.writeNow(batch.reads().stream().filter(r -> r.proposalId() != null && !r.sections().isEmpty())
                .map(r -> new DisclosureAccount.Entry(r.proposalId(), r.subject(), r.organisation(), r.roles(), r.readAt(),
                        r.sections(), r.path(), r.correlationId()))
                .toList());
    }
}
