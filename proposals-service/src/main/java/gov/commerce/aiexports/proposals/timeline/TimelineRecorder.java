package gov.commerce.aiexports.proposals.timeline;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/** Writes every proposal-related integration event of every service onto that proposal's timeline. */
@Singleton
public class TimelineRecorder implements IntegrationEventHandler {

    static final String TABLE = "timeline_entry";

    @Inject
    Documents documents;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS, Topics.REVIEW, Topics.INCENTIVES, Topics.NOTIFICATIONS);
    }

    @Override
    public void handle(IntegrationEvent event) {
        TimelineEntries.of(event).ifPresent(e -> documents.upsert(TABLE, e.eventId(), Map.of("proposal_id", e.proposalId(),
                "occurred_at", e.occurredAt(), "audience", e.audience().name()), e));
    }
}
