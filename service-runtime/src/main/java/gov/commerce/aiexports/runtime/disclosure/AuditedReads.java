package gov.commerce.aiexports.runtime.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.runtime.audit.AggregateStates;
import gov.commerce.aiexports.runtime.audit.AuditReads;
import gov.commerce.aiexports.runtime.audit.StoredEvent;
import io.quarkus.arc.DefaultBean;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Auditors read each service's event store as stored through /audit (the chain is verified on the
 * exact bytes, so nothing is redacted there); each such read of a proposal's content is accounted
 * for instead, through the {@link DisclosureRecorder}: one read per proposal per response (per page
 * of the NDJSON export), naming the /audit path. The proposals a response concerns are those its
 * events or state name ({@code proposalId} anywhere in them, webhook and e-mail bodies held as
 * text included). The sections: those of {@code aiexports.disclosure.audit-sections} (what this
 * service's events can carry) that are marked, the marking being what the events read carry
 * ({@code confidentialSections}) and what the service knows ({@link #marking}); when neither says,
 * all of them, since an account that says too much is better than one that misses a read.
 * proposals-service has its own hook (its content is a proposal's) and this one stands aside.
 */
@Singleton
@DefaultBean
public class AuditedReads implements AuditReads {

    private static final Pattern PROPOSAL_ID = Pattern.compile("proposalId\\\\*\"\\s*:\\s*\\\\*\"([A-Za-z0-9._:-]{1,64})");

    @Inject
    protected DisclosureRecorder recorder;
    @ConfigProperty(name = "aiexports.disclosure.audit-sections", defaultValue = "summary,stack,targets,businessModel,incentives")
    List<String> carried;

    @Override
    public void events(Reader reader, String path, List<StoredEvent> events) {
        Map<String, Set<String>> marked = new LinkedHashMap<>();
        for (StoredEvent e : events) {
            if (!DisclosureRecorder.AGGREGATE_TYPE.equals(e.aggregateType()) && e.payload() != null) {
                collect(marked, e.payload());
            }
        }
        record(reader, path, marked);
    }

    @Override
    public void state(Reader reader, String path, AggregateStates.State state) {
        if (state.state() != null && !DisclosureRecorder.AGGREGATE_TYPE.equals(state.aggregateType())) {
            Map<String, Set<String>> marked = new LinkedHashMap<>();
            collect(marked, state.state());
            record(reader, path, marked);
        }
    }

    /** What the service knows of these proposals' marking (section names); a proposal it knows nothing of is absent. */
    protected Map<String, Set<String>> marking(Collection<String> proposalIds) {
        return Map.of();
    }

    private static void collect(Map<String, Set<String>> marked, JsonNode content) {
        Matcher m = PROPOSAL_ID.matcher(content.toString());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            return;
        }
        Set<String> sections = new TreeSet<>();
        for (JsonNode list : content.findValues("confidentialSections")) {
            list.forEach(c -> sections.add(c.isTextual() ? c.asText() : c.path("section").asText()));
        }
        sections.remove("");
        ids.forEach(id -> marked.computeIfAbsent(id, k -> new TreeSet<>()).addAll(sections));
    }

    private void record(Reader reader, String path, Map<String, Set<String>> marked) {
        if (marked.isEmpty()) {
            return;
        }
        Map<String, Set<String>> known = marking(marked.keySet());
        marked.forEach((proposalId, read) -> {
            Set<String> marks = new TreeSet<>(read);
            marks.addAll(known.getOrDefault(proposalId, Set.of()));
            List<String> sections = carried.stream().filter(c -> marks.isEmpty()
                    || marks.stream().anyMatch(s -> s.equals(c) || s.startsWith(c + ".") || c.startsWith(s + "."))).toList();
            if (!sections.isEmpty()) {
                recorder.record(reader.caller(), proposalId, sections, path, reader.correlationId());
            }
        });
    }
}
