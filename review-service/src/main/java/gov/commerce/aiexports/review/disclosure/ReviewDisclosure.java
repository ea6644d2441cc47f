package gov.commerce.aiexports.review.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.review.review.ReviewStatus;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.disclosure.DisclosureRecorder;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * review-service's side of the need-to-know rule ({@link Disclosure}): a review repeats parts of its
 * proposal (the target countries, the requested incentive lines, the screening flags' details, the
 * incentives a designation endorsed), so every read of a review shows them only as the rule lets the
 * caller see the proposal; withheld ones hold the marker in their place. The facts come from the
 * review itself (the applicant, the required agencies, the marking from ProposalSubmitted v2 and
 * ProposalResubmitted v2; none known, as in reviews opened before, counts as all marked) and the
 * routes of its lines (FinancingRoutes).
 */
@Singleton
public class ReviewDisclosure {

    /** The review's fields that carry a markable section of the proposal. */
    private static final Map<String, String> FIELDS = Map.of("targetCountries", Sections.TARGETS,
            "requestedIncentives", Sections.INCENTIVES);

    @Inject
    ReviewFinancingRoutes routes;
    @Inject
    DisclosureRecorder recorder;


    public static Viewer viewer(Caller caller) {
        return new Viewer(caller.organisation(), caller.roles());
    }

    public Disclosure.Outcome outcome(Caller caller, ReviewView review) {
        return outcomes(caller, List.of(review)).get(review.id);
    }

    /** The rule's outcome for each review, with one query for the routes of the designated ones. */
    public Map<String, Disclosure.Outcome> outcomes(Caller caller, Collection<ReviewView> reviews) {
        Map<String, Set<String>> routed = routes.of(reviews.stream().filter(ReviewDisclosure::designated).map(r -> r.proposalId)
                .distinct().toList());
        Viewer viewer = viewer(caller);
        Map<String, Disclosure.Outcome> out = new HashMap<>();
        for (ReviewView r : reviews) {
            out.put(r.id, Disclosure.decide(viewer, facts(r, routed.getOrDefault(r.proposalId, Set.of()))));
        }
        return out;
    }

    /**
     * The rule for a part that carries its own marking (a document attached to the designation's
     * oversight), decided as a proposal section marked the same way would be.
     */
    public Disclosure.Decision part(Caller caller, ReviewView review, String part, boolean confidential) {
        Set<String> routed = designated(review) ? routes.of(List.of(review.proposalId)).getOrDefault(review.proposalId, Set.of())
                : Set.of();
        return Disclosure.decidePart(viewer(caller), facts(review, routed), part, confidential);
    }

    /** The parts shown to a non-owner, into the account of disclosure under the request's operation. */
    public void disclosed(Caller caller, ReviewView review, List<String> parts, String path, String correlationId) {
        if (!parts.isEmpty()) {
            recorder.record(caller, review.proposalId, parts, path, correlationId);
        }
    }

    public static ProposalFacts facts(ReviewView r, Set<String> routedAgencies) {
        Set<String> marked = r.confidentialSections == null ? Set.copyOf(Sections.ALL) : Set.copyOf(r.confidentialSections);
        return new ProposalFacts(r.applicantOrganisation, false, designated(r),
                r.requiredAgencies == null ? Set.of() : Set.copyOf(r.requiredAgencies), routedAgencies, marked);
    }

    private static boolean designated(ReviewView r) {
        return ReviewStatus.DESIGNATED.name().equals(r.status);
    }

    /** The review as this caller may see it; the confidential sections it shows to a non-owner are accounted for. */
    public ObjectNode show(ReviewView review, Disclosure.Outcome outcome) {
        ObjectNode node = Disclosure.tree(review);
        recorder.shown(review.proposalId, outcome, carried(node));
        FIELDS.forEach((field, section) -> Disclosure.redactField(node, field, section, outcome));
        Disclosure.redactFlags(node.get("flags"), outcome);
        if (node.get("determination") instanceof ObjectNode determination) {
            Disclosure.redactField(determination, "endorsedIncentives", Sections.INCENTIVES, outcome);
        }
        return node;
    }

    /** The sections a review carries: its targets, its lines (requested and endorsed), and those its flags are about. */
    private static Set<String> carried(ObjectNode node) {
        Set<String> carried = new java.util.HashSet<>(FIELDS.values());
        JsonNode flags = node.get("flags");
        if (flags != null && flags.isArray()) {
            for (JsonNode flag : flags) {
                String field = flag.path("field").asText("");
                Sections.ALL.stream().filter(s -> field.equals(Sections.pointer(s)) || field.startsWith(Sections.pointer(s) + "/"))
                        .forEach(carried::add);
            }
        }
        return carried;
    }

    public ObjectNode show(Caller caller, ReviewView review) {
        return show(review, outcome(caller, review));
    }
}
