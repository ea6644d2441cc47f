package gov.commerce.aiexports.proposals.disclosure;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.disclosure.LearntFacts;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/** Remembers which financing agency each of a proposal's incentive lines was routed to: they may see its financing sections. */
@Singleton
public class FinancingRoutes implements IntegrationEventHandler {

    static final String TABLE = "proposal_route";

    /** One routed line. */
    public record Route(String incentiveRequestId, String proposalId, String agency) {
    }

    @Inject
    Documents documents;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.INCENTIVES);
    }

    @Override
    public void handle(IntegrationEvent event) {
        // the one reading of a route, shared with notifications-service's disclosure facts
        LearntFacts.route(event).ifPresent(r -> documents.upsert(TABLE, r.incentiveRequestId(),
                Map.of("proposal_id", r.proposalId(), "agency", r.agency()), new Route(r.incentiveRequestId(), r.proposalId(), r.agency())));
    }
}
