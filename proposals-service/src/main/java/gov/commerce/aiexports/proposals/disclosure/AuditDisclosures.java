package gov.commerce.aiexports.proposals.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import gov.commerce.aiexports.proposals.proposal.ProposalProjection;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.audit.AggregateStates;
import gov.commerce.aiexports.runtime.audit.AuditReads;
import gov.commerce.aiexports.runtime.audit.StoredEvent;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Auditors read proposals' content as stored through /audit (histories, states as of an instant,
 * the stream and its NDJSON export): nothing is redacted there (the chain is verified on the exact
 * bytes), so each read of a confidential section is accounted for instead, like any other read by
 * someone outside the owning consortium: one record per proposal per response (per page of 1,000
 * for the export), enqueued to the batched DisclosureAccount, naming the /audit path. A section
 * counts as confidential if the content read marks it, or the proposal marks it now.
 */
@Singleton
public class AuditDisclosures implements AuditReads {

    private static final String PROPOSAL = "Proposal";

    @Inject
    DisclosureAccount account;
    @Inject
    Documents documents;
    @Inject
    Clock clock;

    @Override
    public void events(Reader reader, String path, List<StoredEvent> events) {
        Map<String, Set<String>> marked = new LinkedHashMap<>();
        for (StoredEvent e : events) {
            if (PROPOSAL.equals(e.aggregateType()) && e.payload() != null) {
                collect(marked, e.aggregateId(), e.payload().get("content"));
            }
        }
        record(reader, path, marked);
    }

    @Override
    public void state(Reader reader, String path, AggregateStates.State state) {
        if (PROPOSAL.equals(state.aggregateType()) && state.state() != null) {
            Map<String, Set<String>> marked = new LinkedHashMap<>();
            collect(marked, state.aggregateId(), state.state().get("content"));
            record(reader, path, marked);
        }
    }

    /** Notes that this content was read, with the sections it marks (possibly none: the proposal's marking may say more). */
    private static void collect(Map<String, Set<String>> marked, String proposalId, JsonNode content) {
        if (content == null || !content.isObject()) {
            return;
        }
        Set<String> sections = marked.computeIfAbsent(proposalId, k -> new TreeSet<>());
        for (JsonNode c : content.path("confidentialSections")) {
            if (c.hasNonNull("section")) {
                sections.add(c.get("section").asText());
            }
        }
    }

    private void record(Reader reader, String path, Map<String, Set<String>> marked) {
        if (marked.isEmpty()) {
            return;
        }
        Map<String, ProposalView> views = new HashMap<>();
        String marks = marked.keySet().stream().map(i -> "?").collect(Collectors.joining(", "));
        documents.query("select doc from " + ProposalProjection.TABLE + " where id in (" + marks + ")", ProposalView.class,
                marked.keySet().toArray()).forEach(v -> views.put(v.id, v));
        Viewer viewer = new Viewer(reader.caller().organisation(), reader.caller().roles());
        List<String> roles = reader.caller().roles().stream().sorted().toList();
        marked.forEach((proposalId, sections) -> {
            ProposalView view = views.get(proposalId);
            Set<String> all = new TreeSet<>(sections);
            if (view != null && view.content != null && view.content.confidentialSections() != null) {
                view.content.confidentialSections().stream().filter(c -> c != null && c.section() != null)
                        .map(ProposalContent.ConfidentialSection::section).forEach(all::add);
            }
            // as read in the store: a draft's content too (the rule's "draft" would hide it from the auditor, the store does not)
            List<String> disclosed = Disclosure.decide(viewer, new ProposalFacts(view == null ? null : view.organisation, false, false,
                    Set.of(), Set.of(), all)).disclosed();
            if (!disclosed.isEmpty()) {
                account.record(new DisclosureAccount.Entry(proposalId, reader.caller().subject(), reader.caller().organisation(),
                        roles, clock.instant(), disclosed, path, reader.correlationId()));
            }
        });
    }
}
