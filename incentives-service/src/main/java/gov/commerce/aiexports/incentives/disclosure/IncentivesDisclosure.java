package gov.commerce.aiexports.incentives.disclosure;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.runtime.disclosure.DisclosureRecorder;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * incentives-service's side of the need-to-know rule ({@link Disclosure}). An incentive line is
 * the proposal's {@code incentives} section (instrument, amount, tenor) and everything derived from
 * its amount (routing terms and subsidy rate, obligation, disbursements, de-obligations, flags,
 * refusals): a caller the rule withholds that section from sees the line's identity, status and
 * agency, and the marker in place of those. The facts: the marking and required agencies from
 * ProposalDesignated v2 (kept in proposal_disclosure; none known counts as all marked, none
 * required), the agencies the proposal's lines are routed to (this service's own routing).
 *
 * <p>Every line exists because of a designation, so the proposal counts as designated here even
 * after a revocation: its financing agencies still de-obligate what it obligated, and need to see it.
 */
@Singleton
public class IncentivesDisclosure {

    public static final String TABLE = "proposal_disclosure";

    /** What the rule needs of a designated proposal: names and codes, never values. */
    public record Facts(String proposalId, String applicantOrganisation, List<String> requiredAgencies,
            List<String> confidentialSections) {
    }

    private record Route(String proposalId, String agency) {
    }

    /** A line's fields that carry its incentives section, or figures derived from it. */
    private static final List<String> LINE_FIELDS = List.of("instrument", "amountUsd", "tenorYears", "routing", "obligation",
            "disbursements", "deobligations", "deobligationFlag", "lastRefusal");
    /** A budget's obligation of one line: its figures are the line's amount. */
    private static final List<String> OBLIGATION_FIELDS = List.of("faceAmountUsd", "creditSubsidyRatePercent", "budgetCostUsd",
            "returnedUsd", "netObligatedUsd", "flaggedForDeobligationUsd");

    @Inject
    Documents documents;
    @Inject
    DisclosureRecorder recorder;


    /** The marking of each of these proposals known here (from ProposalDesignated v2). */
    public Map<String, Set<String>> marking(Collection<String> proposalIds) {
        Map<String, Set<String>> out = new HashMap<>();
        if (proposalIds.isEmpty()) {
            return out;
        }
        String marks = proposalIds.stream().map(i -> "?").collect(Collectors.joining(", "));
        documents.query("select doc from " + TABLE + " where id in (" + marks + ")", Facts.class, proposalIds.toArray())
                .forEach(f -> out.put(f.proposalId(), f.confidentialSections() == null ? Set.of() : Set.copyOf(f.confidentialSections())));
        return out;
    }

    /** Remembered in the consumer's transaction, with the lines the designation opens. */
    public void remember(ProposalDesignated d) {
        documents.upsert(TABLE, d.proposalId(), Map.of(), new Facts(d.proposalId(), d.applicantOrganisation(),
                d.requiredAgencies() == null ? List.of() : d.requiredAgencies(),
                d.confidentialSections() == null ? Sections.ALL : d.confidentialSections()));
    }

    /**
     * The rule's outcome for each proposal (owners: proposal id to its consortium's organisation, or
     * null to take it from the facts), with one query per kind of fact.
     */
    public Map<String, Disclosure.Outcome> outcomes(Caller caller, Map<String, String> owners) {
        Collection<String> ids = owners.keySet();
        Map<String, Facts> facts = new HashMap<>();
        Map<String, Set<String>> routed = new HashMap<>();
        if (!ids.isEmpty()) {
            String marks = ids.stream().map(i -> "?").collect(Collectors.joining(", "));
            documents.query("select doc from " + TABLE + " where id in (" + marks + ")", Facts.class, ids.toArray())
                    .forEach(f -> facts.put(f.proposalId(), f));
            documents.query("select distinct jsonb_build_object('proposalId', proposal_id, 'agency', agency) from incentive_request_view"
                    + " where agency is not null and proposal_id in (" + marks + ")", Route.class, ids.toArray())
                    .forEach(r -> routed.computeIfAbsent(r.proposalId(), k -> new HashSet<>()).add(r.agency()));
        }
        Viewer viewer = new Viewer(caller.organisation(), caller.roles());
        Map<String, Disclosure.Outcome> out = new HashMap<>();
        owners.forEach((id, owner) -> {
            Facts f = facts.get(id);
            String owning = owner != null ? owner : f == null ? null : f.applicantOrganisation();
            out.put(id, Disclosure.decide(viewer, new ProposalFacts(owning, false, true,
                    f == null ? Set.of() : Set.copyOf(f.requiredAgencies()), routed.getOrDefault(id, Set.of()),
                    f == null ? Set.copyOf(Sections.ALL) : Set.copyOf(f.confidentialSections()))));
        });
        return out;
    }

    /** A line (or any view) as JSON with its incentives fields replaced by the marker when the outcome withholds them. */
    public ObjectNode showLine(Object line, Disclosure.Outcome outcome) {
        return redact(Disclosure.tree(line), LINE_FIELDS, outcome);
    }

    /** A budget's obligation line, the same way. */
    public ObjectNode showObligation(ObjectNode obligation, Disclosure.Outcome outcome) {
        return redact(obligation, OBLIGATION_FIELDS, outcome);
    }

    /** Also accounts for the incentives section shown to someone outside the owning consortium. */
    private ObjectNode redact(ObjectNode node, List<String> fields, Disclosure.Outcome outcome) {
        recorder.shown(node.path("proposalId").asText(null), outcome, List.of(Sections.INCENTIVES));
        for (String field : fields) {
            Disclosure.redactField(node, field, Sections.INCENTIVES, outcome);
        }
        return node;
    }
}
