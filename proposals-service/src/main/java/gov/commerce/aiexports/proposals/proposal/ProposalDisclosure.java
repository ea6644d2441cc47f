package gov.commerce.aiexports.proposals.proposal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.proposals.disclosure.DisclosureAccount;
import gov.commerce.aiexports.proposals.disclosure.FinancingRoutes;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * proposals-service's side of the need-to-know rule: gathers the facts {@link Disclosure} needs
 * (required agencies, routed agencies), answers whether a caller may see a proposal at all, shows
 * it with its withheld sections replaced by the marker, and accounts for every confidential
 * section it shows to someone outside the owning consortium.
 */
@Singleton
public class ProposalDisclosure {

    @Inject
    Documents documents;
    @Inject
    DisclosureAccount account;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;
    @Inject
    FinancingRoutes routes;
    @Inject
    gov.commerce.aiexports.proposals.call.CallQueries calls;


    public static Viewer viewer(Caller caller) {
        return new Viewer(caller.organisation(), caller.roles());
    }

    /** The proposal if the caller may see it at all (drafts: their consortium only; operators: never), else 404. */
    public ProposalView visible(Caller caller, String id) {
        // applicants see only their own consortium's proposals (OrganisationScope); the rule then hides drafts and keeps operators out
        ProposalView v = OrganisationScope.readable(caller, documents.find(ProposalProjection.TABLE, id, ProposalView.class),
                p -> p.organisation, "proposal", id);
        if (!outcome(caller, v).visible()) {
            throw new NotFound("proposal", id);
        }
        return v;
    }

    public Disclosure.Outcome outcome(Caller caller, ProposalView v) {
        return outcomes(caller, List.of(v)).get(v.id);
    }

    /** The rule's outcome for each proposal, with one query for the routes of them all. */
    public Map<String, Disclosure.Outcome> outcomes(Caller caller, Collection<ProposalView> proposals) {
        Map<String, Set<String>> routes = routes(proposals.stream().filter(p -> ProposalStatus.DESIGNATED.name().equals(p.status))
                .map(p -> p.id).toList());
        Viewer viewer = viewer(caller);
        Map<String, Disclosure.Outcome> out = new HashMap<>();
        for (ProposalView p : proposals) {
            out.put(p.id, Disclosure.decide(viewer, facts(p, routes.getOrDefault(p.id, Set.of()))));
        }
        return out;
    }

    /** The rule for one attached document (its own marking) of a proposal the caller may see: shown or withheld, and why. */
    public Disclosure.Decision document(Caller caller, ProposalView p, String documentId, boolean confidential) {
        Set<String> routed = ProposalStatus.DESIGNATED.name().equals(p.status) ? routes(List.of(p.id)).getOrDefault(p.id, Set.of())
                : Set.of();
        return Disclosure.decidePart(viewer(caller), facts(p, routed), "document:" + documentId, confidential);
    }

    private ProposalFacts facts(ProposalView p, Set<String> routed) {
        Set<String> marked = p.content == null || p.content.confidentialSections() == null ? Set.of()
                : p.content.confidentialSections().stream().filter(s -> s != null && s.section() != null)
                        .map(ProposalContent.ConfidentialSection::section).collect(Collectors.toSet());
        return new ProposalFacts(p.organisation, ProposalStatus.DRAFT.name().equals(p.status),
                ProposalStatus.DESIGNATED.name().equals(p.status), requiredAgencies(p), routed, marked);
    }

    /** Fixed at submission; a proposal projected before the view kept them falls back on its call's current terms. */
    private Set<String> requiredAgencies(ProposalView p) {
        if (p.requiredAgencies != null) {
            return Set.copyOf(p.requiredAgencies);
        }
        return calls.find(p.callId).map(c -> c.requiredAgencies() == null ? Set.<String>of()
                : Set.copyOf(c.requiredAgencies())).orElse(Set.of());
    }

    private Map<String, Set<String>> routes(List<String> proposalIds) {
        return routes.of(proposalIds);
    }

    /** The proposal as this caller may see it: withheld sections and the screening details about them replaced by the marker. */
    public ObjectNode show(ProposalView v, Disclosure.Outcome outcome) {
        ObjectNode node = Disclosure.tree(v);
        if (node.get("content") instanceof ObjectNode content) {
            Disclosure.redactContent(content, outcome);
        }
        Disclosure.redactFlags(node.get("flags"), outcome);
        if (node.get("rescreenings") != null) {
            node.get("rescreenings").forEach(r -> Disclosure.redactFlags(r.get("findings"), outcome));
        }
        return node;
    }

    public static String withheldText() {
        return Disclosure.WITHHELD_TEXT;
    }

    /** Accounts for the confidential sections (of those a path carries, if given) shown to someone outside the consortium. */
    public void account(String proposalId, Disclosure.Outcome outcome, String path, Set<String> carried) {
        List<String> sections = outcome.disclosed().stream().filter(s -> carried == null || carried.stream()
                .anyMatch(c -> s.equals(c) || s.startsWith(c + "."))).toList();
        if (sections.isEmpty()) {
            return;
        }
        account(request.caller(), request.correlationId(), proposalId, outcome, path, carried);
    }

    /** The same for a caller and correlation taken before (an export streamed after its request's scope). */
    public void account(Caller caller, String correlationId, String proposalId, Disclosure.Outcome outcome, String path,
            Set<String> carried) {
        List<String> sections = outcome.disclosed().stream().filter(s -> carried == null || carried.stream()
                .anyMatch(c -> s.equals(c) || s.startsWith(c + "."))).toList();
        if (sections.isEmpty()) {
            return;
        }
        account.record(new DisclosureAccount.Entry(proposalId, caller.subject(), caller.organisation(),
                caller.roles().stream().sorted().toList(), clock.instant(), sections, path, correlationId));
    }
}
