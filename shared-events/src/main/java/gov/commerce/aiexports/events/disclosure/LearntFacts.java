package gov.commerce.aiexports.events.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.IntegrationEvent;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a consumer of the integration events has learnt of one proposal's {@link ProposalFacts},
 * event by event, in whatever order the topics deliver them. Read from the payload by field name,
 * not by contract version, so a later version that adds a field (ProposalResubmitted with
 * {@code confidentialSections}) is read as soon as it carries it, and one without it changes
 * nothing. Whatever is not known yet withholds (fail closed): an unknown marking is every section
 * marked, unknown required agencies are none, a designation not seen yet is none.
 *
 * @param confidentialSections the last marking seen; null while none was seen
 * @param requiredAgencies     the agencies the proposal's call requires; null while unknown
 * @param routes               incentive request id to the financing agency it is routed to
 * @param revoked              a revocation was seen: sticky, so a late or repeated designation does not bring access back
 */
public record LearntFacts(String proposalId, String owningOrganisation, List<String> confidentialSections,
        List<String> requiredAgencies, boolean designated, boolean revoked, Map<String, String> routes) {

    /** One incentive line routed to a financing agency (from IncentiveRequestRouted). */
    public record Route(String incentiveRequestId, String proposalId, String agency) {
    }

    public LearntFacts {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        confidentialSections = confidentialSections == null ? null : List.copyOf(confidentialSections);
        requiredAgencies = requiredAgencies == null ? null : List.copyOf(requiredAgencies);
    }

    /** Nothing learnt yet: every section withheld from everyone but Commerce and auditors. */
    public static LearntFacts none(String proposalId) {
        return new LearntFacts(proposalId, null, null, null, false, false, Map.of());
    }

    /** The proposal an event is about, if any. */
    public static Optional<String> proposalOf(IntegrationEvent event) {
        return text(event.payload(), "proposalId");
    }

    /** The route an IncentiveRequestRouted event sets, whichever version carries it. */
    public static Optional<Route> route(IntegrationEvent event) {
        if (!"IncentiveRequestRouted".equals(event.eventType())) {
            return Optional.empty();
        }
        JsonNode p = event.payload();
        Optional<String> line = text(p, "incentiveRequestId");
        Optional<String> proposal = text(p, "proposalId");
        Optional<String> agency = text(p, "agency");
        if (line.isEmpty() || proposal.isEmpty() || agency.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Route(line.get(), proposal.get(), agency.get()));
    }

    /** These facts after the event (this record unchanged if the event teaches nothing about this proposal). */
    public LearntFacts learn(IntegrationEvent event) {
        JsonNode p = event.payload();
        if (p == null || !proposalOf(event).map(proposalId::equals).orElse(false)) {
            return this;
        }
        // every proposal event names the applicant; the first one seen tells the owner
        String owner = owningOrganisation != null ? owningOrganisation : text(p, "applicantOrganisation").orElse(null);
        List<String> marking = confidentialSections;
        List<String> required = requiredAgencies;
        boolean isDesignated = designated;
        boolean isRevoked = revoked;
        Map<String, String> routed = routes;
        switch (event.eventType()) {
            case "ProposalSubmitted", "ProposalResubmitted" -> {
                // ProposalResubmitted v1 has no marking: the last one known stays
                marking = texts(p, "confidentialSections").orElse(marking);
                required = texts(p, "requiredAgencies").orElse(required);
            }
            case "ReviewOpened", "ReviewReopened" -> required = texts(p, "requiredAgencies").orElse(required);
            case "ProposalDesignated" -> isDesignated = true;
            case "DesignationRevoked" -> isRevoked = true;
            case "IncentiveRequestRouted" -> {
                Optional<Route> r = route(event);
                if (r.isPresent()) {
                    Map<String, String> m = new LinkedHashMap<>(routes);
                    m.put(r.get().incentiveRequestId(), r.get().agency());
                    routed = m;
                }
            }
            default -> {
                // other events only tell the owner
            }
        }
        return new LearntFacts(proposalId, owner, marking, required, isDesignated, isRevoked, routed);
    }

    /** The facts the rule decides on: what is not known yet withholds. */
    public ProposalFacts facts() {
        return new ProposalFacts(owningOrganisation, false, designated && !revoked,
                requiredAgencies == null ? Set.of() : Set.copyOf(requiredAgencies),
                Set.copyOf(routes.values()),
                confidentialSections == null ? Set.copyOf(Sections.ALL) : Set.copyOf(confidentialSections));
    }

    private static Optional<String> text(JsonNode payload, String field) {
        JsonNode v = payload == null ? null : payload.get(field);
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A list of texts, only if the payload has the field as an array (absent or null: not said). */
    private static Optional<List<String>> texts(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v == null || !v.isArray()) {
            return Optional.empty();
        }
        Set<String> out = new LinkedHashSet<>();
        v.forEach(n -> {
            if (n.isTextual()) {
                out.add(n.asText());
            }
        });
        return Optional.of(List.copyOf(out));
    }
}
