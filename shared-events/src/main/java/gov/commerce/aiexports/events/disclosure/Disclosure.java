package gov.commerce.aiexports.events.disclosure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The need-to-know rule of PRODUCT.md §7, the one place every service asks: for a viewer and a
 * proposal, whether the proposal exists for it at all, and for each section whether it is shown or
 * withheld (and why). A token with several roles gets the union of what its roles may see.
 *
 * <p>A withheld section is replaced, at its place in the content, by {@link #marker(Reason)}:
 * {@code {"withheld": "BUSINESS_CONFIDENTIAL", "because": "<Reason>"}}, never dropped, so a reader
 * tells "withheld" from "empty".
 */
public final class Disclosure {

    public static final String WITHHELD = "BUSINESS_CONFIDENTIAL";

    /** One section's decision. */
    public record Decision(String section, boolean shown, Reason reason) {
    }

    /** All of a proposal's sections for one viewer; {@code visible} false means 404, as if absent. */
    public record Outcome(boolean visible, Map<String, Decision> sections) {

        public boolean shown(String section) {
            Decision d = sections.get(section);
            return d != null && d.shown();
        }

        /** The confidential sections this viewer is shown, i.e. what the disclosure account records. */
        public List<String> disclosed() {
            return sections.values().stream().filter(d -> d.shown() && d.reason() != Reason.NOT_CONFIDENTIAL && d.reason() != Reason.OWNER)
                    .map(Decision::section).toList();
        }

        public List<String> withheld() {
            return sections.values().stream().filter(d -> !d.shown()).map(Decision::section).toList();
        }
    }

    private Disclosure() {
    }

    public static Outcome decide(Viewer viewer, ProposalFacts proposal) {
        boolean owner = viewer.has(Viewer.APPLICANT) && viewer.organisation() != null
                && viewer.organisation().equals(proposal.owningOrganisation());
        boolean visible = owner || (!proposal.draft() && !operatorOnly(viewer));
        Map<String, Decision> out = new LinkedHashMap<>();
        for (String section : Sections.ALL) {
            out.put(section, section(viewer, proposal, section, owner));
        }
        return new Outcome(visible, out);
    }

    /**
     * The rule for a part of a proposal that carries its own marking instead of being one of
     * {@link Sections#ALL} (an attached document, by name {@code part}): shown or withheld exactly as a
     * section marked (or not) the same way would be, outside the financing sections.
     */
    public static Decision decidePart(Viewer viewer, ProposalFacts proposal, String part, boolean confidential) {
        boolean owner = viewer.has(Viewer.APPLICANT) && viewer.organisation() != null
                && viewer.organisation().equals(proposal.owningOrganisation());
        ProposalFacts marked = new ProposalFacts(proposal.owningOrganisation(), proposal.draft(), proposal.designated(),
                proposal.requiredAgencies(), proposal.routedAgencies(), confidential ? java.util.Set.of(part) : java.util.Set.of());
        return section(viewer, marked, part, owner);
    }

    /** Operators run the system: a token that is only an operator reads no program content at all. */
    private static boolean operatorOnly(Viewer viewer) {
        return viewer.has(Viewer.OPERATOR) && viewer.roles().stream().allMatch(Viewer.OPERATOR::equals);
    }

    private static Decision section(Viewer v, ProposalFacts p, String section, boolean owner) {
        if (owner) {
            return new Decision(section, true, Reason.OWNER);
        }
        if (!p.confidential(section)) {
            return new Decision(section, !operatorOnly(v), operatorOnly(v) ? Reason.OPERATOR : Reason.NOT_CONFIDENTIAL);
        }
        if (p.draft()) {
            return new Decision(section, false, Reason.NO_NEED_TO_KNOW);
        }
        if (v.has(Viewer.AUDITOR)) {
            return new Decision(section, true, Reason.AUDIT);
        }
        if (v.has(Viewer.COMMERCE_OFFICER)) {
            return new Decision(section, true, Reason.COMMERCE);
        }
        if (v.has(Viewer.AGENCY_REVIEWER) && p.requiredAgencies().contains(v.organisation())) {
            return new Decision(section, true, Reason.REQUIRED_AGENCY);
        }
        if (financingNeed(v, p) && Sections.FINANCING.contains(section)) {
            return new Decision(section, true, Reason.FINANCING_NEED);
        }
        if (v.has(Viewer.EDAG_COORDINATOR) || v.has(Viewer.FINANCING_OFFICER)) {
            return new Decision(section, false, Reason.NO_FINANCING_NEED);
        }
        if (v.has(Viewer.AGENCY_REVIEWER)) {
            return new Decision(section, false, Reason.AGENCY_NOT_REQUIRED);
        }
        if (operatorOnly(v)) {
            return new Decision(section, false, Reason.OPERATOR);
        }
        return new Decision(section, false, Reason.NO_NEED_TO_KNOW);
    }

    /**
     * A designated proposal is routed to EDAG as a whole (it routes every line), and each line to
     * the financing agency EDAG chose: the coordinator reads the financing sections of every
     * designated proposal, a financing officer those of proposals with a line routed to its agency.
     */
    private static boolean financingNeed(Viewer v, ProposalFacts p) {
        if (!p.designated()) {
            return false;
        }
        return (v.has(Viewer.EDAG_COORDINATOR) && "EDAG".equals(v.organisation()))
                || (v.has(Viewer.FINANCING_OFFICER) && p.routedAgencies().contains(v.organisation()));
    }

    /** The marker that takes a withheld section's place. */
    public static ObjectNode marker(Reason because) {
        ObjectNode marker = JsonNodeFactory.instance.objectNode();
        marker.put("withheld", WITHHELD);
        marker.put("because", because.name());
        return marker;
    }

    /**
     * Replaces, in a proposal's content (as JSON), every section the outcome withholds with its
     * marker; a screening flag about a withheld section (its {@code field} under the section) loses
     * its detail the same way. Edits the node in place and returns it.
     */
    public static ObjectNode redactContent(ObjectNode content, Outcome outcome) {
        for (Decision d : outcome.sections().values()) {
            if (d.shown() || insideWithheld(outcome, d.section())) {
                continue; // a withheld "stack" already hides its layers
            }
            String[] path = d.section().split("\\.");
            ObjectNode parent = content;
            for (int i = 0; i < path.length - 1 && parent != null; i++) {
                JsonNode next = parent.get(path[i]);
                parent = next instanceof ObjectNode o ? o : null;
            }
            if (parent != null) {
                parent.set(path[path.length - 1], marker(d.reason()));
            }
        }
        return content;
    }

    private static boolean insideWithheld(Outcome outcome, String section) {
        return outcome.sections().values().stream().anyMatch(o -> !o.shown() && section.startsWith(o.section() + "."));
    }

    /** Views become trees with their decimals exact: 25000000.00 stays 25000000.00 (not 2.5E+7), 5.00 stays 5.00. */
    private static final com.fasterxml.jackson.databind.ObjectMapper TREES = gov.commerce.aiexports.events.EventCodec.mapper().copy()
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** A view (record or document) as a JSON tree to redact, serialised exactly as the view itself would be. */
    public static ObjectNode tree(Object view) {
        return TREES.valueToTree(view);
    }

    /** What a screening flag about a withheld section shows instead of its detail (the detail names the value). */
    public static final String WITHHELD_TEXT = "[withheld: " + WITHHELD + "]";

    /**
     * For views that carry a section under another name (a review's {@code targetCountries} is the
     * proposal's targets): replaces {@code node.field} by the marker when the outcome withholds the
     * section. A field that is absent or null stays so (nothing to withhold). Edits in place.
     */
    public static void redactField(ObjectNode node, String field, String section, Outcome outcome) {
        if (node == null || !node.hasNonNull(field) || outcome.shown(section)) {
            return;
        }
        Decision d = outcome.sections().get(section);
        node.set(field, marker(d == null ? Reason.NO_NEED_TO_KNOW : d.reason()));
    }

    /** Each screening flag (an array of {code, field, detail}) about a withheld section shows {@link #WITHHELD_TEXT} as its detail. */
    public static void redactFlags(JsonNode flags, Outcome outcome) {
        if (flags == null || !flags.isArray()) {
            return;
        }
        for (JsonNode flag : flags) {
            if (flag instanceof ObjectNode f && withholds(outcome, f.path("field").asText(null))) {
                f.put("detail", WITHHELD_TEXT);
            }
        }
    }

    /** Whether a JSON pointer (e.g. a screening flag's field) lies inside a section this outcome withholds. */
    public static boolean withholds(Outcome outcome, String pointer) {
        if (pointer == null) {
            return false;
        }
        for (Decision d : outcome.sections().values()) {
            String p = Sections.pointer(d.section());
            if (!d.shown() && (pointer.equals(p) || pointer.startsWith(p + "/"))) {
                return true;
            }
        }
        return false;
    }
}
