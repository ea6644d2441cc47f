package gov.commerce.aiexports.runtime.disclosure;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.disclosure.LearntFacts;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Remembers which financing agency each of a proposal's incentive lines was routed to (from
 * {@code IncentiveRequestRouted}): the disclosure rule lets that agency's financing officers see the
 * proposal's financing sections. Written once here for every service that needs it; a service opts
 * in with a one-line {@code @Singleton} subclass and a {@code proposal_route} table (id, proposal_id,
 * agency, doc) in its own migrations. Abstract, so the services that do not need it (incentives-service
 * knows its own routing; notifications-service) do not consume incentives.events for it.
 */
public abstract class FinancingRoutes implements IntegrationEventHandler {

    public static final String TABLE = "proposal_route";

    /** One routed line. */
    public record Route(String incentiveRequestId, String proposalId, String agency) {
    }

    @Inject
    protected Documents documents;

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

    /** The agencies each of these proposals has a line routed to, in one query. */
    public Map<String, Set<String>> of(Collection<String> proposalIds) {
        Map<String, Set<String>> out = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return out;
        }
        String marks = proposalIds.stream().map(i -> "?").collect(Collectors.joining(", "));
        documents.query("select doc from " + TABLE + " where proposal_id in (" + marks + ")", Route.class, proposalIds.toArray())
                .forEach(r -> out.computeIfAbsent(r.proposalId(), k -> new HashSet<>()).add(r.agency()));
        return out;
    }
}
