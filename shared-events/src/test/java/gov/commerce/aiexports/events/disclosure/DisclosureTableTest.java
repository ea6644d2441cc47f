package gov.commerce.aiexports.events.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule as a table (role × section × situation), and the README's table checked against the code, cell by cell. */
class DisclosureTableTest {

    private static final String OWNER = "ACME00000001";
    private static final Set<String> ALL_MARKED = Set.copyOf(Sections.ALL);

    private static ProposalFacts submitted(boolean designated, Set<String> marked) {
        return new ProposalFacts(OWNER, false, designated, Set.of("STATE", "DEFENSE"), designated ? Set.of("EXIM") : Set.of(), marked);
    }

    private static Viewer viewer(String org, String... roles) {
        return new Viewer(org, Set.of(roles));
    }

    /** Each row of the README's table: who reads, in which situation. */
    private static final Map<String, Map.Entry<Viewer, ProposalFacts>> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("applicant of the owning consortium", Map.entry(viewer(OWNER, "applicant"), submitted(false, ALL_MARKED)));
        ROWS.put("applicant of another consortium", Map.entry(viewer("OTHR00000009", "applicant"), submitted(true, ALL_MARKED)));
        ROWS.put("commerce-officer", Map.entry(viewer("COMMERCE", "commerce-officer"), submitted(false, ALL_MARKED)));
        ROWS.put("agency-reviewer of an agency the call requires", Map.entry(viewer("STATE", "agency-reviewer"), submitted(false, ALL_MARKED)));
        ROWS.put("agency-reviewer of another agency", Map.entry(viewer("ENERGY", "agency-reviewer"), submitted(true, ALL_MARKED)));
        ROWS.put("edag-coordinator, designated proposal", Map.entry(viewer("EDAG", "edag-coordinator"), submitted(true, ALL_MARKED)));
        ROWS.put("edag-coordinator, proposal not designated", Map.entry(viewer("EDAG", "edag-coordinator"), submitted(false, ALL_MARKED)));
        ROWS.put("financing-officer of an agency a line is routed to, designated proposal",
                Map.entry(viewer("EXIM", "financing-officer"), submitted(true, ALL_MARKED)));
        ROWS.put("financing-officer of another agency", Map.entry(viewer("DFC", "financing-officer"), submitted(true, ALL_MARKED)));
        ROWS.put("auditor", Map.entry(viewer("GAO", "auditor"), submitted(true, ALL_MARKED)));
        ROWS.put("operator", Map.entry(viewer("OPS", "operator"), submitted(true, ALL_MARKED)));
    }

    private static String cell(Disclosure.Outcome o, String column) {
        if (!o.visible()) {
            return "absent";
        }
        List<String> covered = column.equals("stack") ? Sections.ALL.stream().filter(s -> s.startsWith("stack")).toList() : List.of(column);
        Set<Boolean> shown = new HashSet<>();
        covered.forEach(s -> shown.add(o.shown(s)));
        assertEquals(1, shown.size(), "the stack and its layers are decided alike for " + column);
        return shown.contains(true) ? "shown" : "withheld";
    }

    @Test
    void theReadmeTableIsTheRule() throws Exception {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int begin = lines.indexOf("<!-- disclosure-table:begin -->");
        int end = lines.indexOf("<!-- disclosure-table:end -->");
        assertTrue(begin >= 0 && end > begin, "README.md holds the disclosure table between its markers");
        List<String> header = cells(lines.get(begin + 1));
        assertEquals(List.of("caller", "summary", "stack", "targets", "businessModel", "incentives"), header);
        List<String> seen = new ArrayList<>();
        for (String line : lines.subList(begin + 3, end)) {
            List<String> row = cells(line);
            Map.Entry<Viewer, ProposalFacts> setup = ROWS.get(row.get(0));
            assertTrue(setup != null, "a known row: " + row.get(0));
            seen.add(row.get(0));
            Disclosure.Outcome outcome = Disclosure.decide(setup.getKey(), setup.getValue());
            for (int c = 1; c < header.size(); c++) {
                assertEquals(row.get(c), cell(outcome, header.get(c)), row.get(0) + " × " + header.get(c));
            }
        }
        assertEquals(new ArrayList<>(ROWS.keySet()), seen, "every situation of the rule is a row of the README table");
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        return List.of(trimmed.substring(1, trimmed.length() - 1).split("\\|")).stream().map(String::trim).toList();
    }

    @Test
    void draftsAreTheirConsortiumsOnly() {
        ProposalFacts draft = new ProposalFacts(OWNER, true, false, Set.of("STATE"), Set.of(), Set.of());
        assertTrue(Disclosure.decide(viewer(OWNER, "applicant"), draft).visible());
        for (Viewer v : List.of(viewer("COMMERCE", "commerce-officer"), viewer("STATE", "agency-reviewer"), viewer("GAO", "auditor"),
                viewer("EDAG", "edag-coordinator"), viewer("OTHR00000009", "applicant"), viewer("OPS", "operator"),
                viewer(OWNER, "operator"))) {
            assertFalse(Disclosure.decide(v, draft).visible(), v.toString());
        }
    }

    @Test
    void unmarkedSectionsAreShownToWhoeverSeesTheProposal_andOperatorsSeeNothing() {
        ProposalFacts onlyTargets = submitted(false, Set.of("targets"));
        Disclosure.Outcome other = Disclosure.decide(viewer("OTHR00000009", "applicant"), onlyTargets);
        assertTrue(other.visible());
        assertFalse(other.shown("targets"));
        assertEquals(Reason.NO_NEED_TO_KNOW, other.sections().get("targets").reason());
        Sections.ALL.stream().filter(s -> !s.equals("targets")).forEach(s -> assertTrue(other.shown(s), s));
        assertEquals(List.of(), other.disclosed(), "unmarked sections are no disclosure");
        Disclosure.Outcome operator = Disclosure.decide(viewer("OPS", "operator"), onlyTargets);
        assertFalse(operator.visible());
        Sections.ALL.forEach(s -> assertFalse(operator.shown(s), s));
    }

    @Test
    void aMarkedStackCoversItsLayers_andALayerOnlyItself() {
        Disclosure.Outcome whole = Disclosure.decide(viewer("EDAG", "edag-coordinator"), submitted(true, Set.of("stack")));
        assertFalse(whole.shown("stack.models"));
        Disclosure.Outcome layer = Disclosure.decide(viewer("EDAG", "edag-coordinator"), submitted(true, Set.of("stack.models")));
        assertFalse(layer.shown("stack.models"));
        assertTrue(layer.shown("stack.hardware"));
        assertTrue(layer.shown("stack"), "the stack's own unmarked parts stay, its marked layer is replaced inside it");
    }

    @Test
    void reasonsAndTheAccountOfWhatWasDisclosed() {
        ProposalFacts p = submitted(true, ALL_MARKED);
        assertEquals(Reason.AGENCY_NOT_REQUIRED, Disclosure.decide(viewer("ENERGY", "agency-reviewer"), p).sections().get("summary").reason());
        assertEquals(Reason.NO_FINANCING_NEED, Disclosure.decide(viewer("EXIM", "financing-officer"), p).sections().get("summary").reason());
        assertEquals(Reason.NO_FINANCING_NEED, Disclosure.decide(viewer("EDAG", "financing-officer"), p).sections().get("targets").reason(),
                "a financing officer needs a line routed to its own agency");
        assertEquals(List.of("targets", "businessModel", "incentives"),
                Disclosure.decide(viewer("EXIM", "financing-officer"), p).disclosed());
        assertEquals(Sections.ALL, Disclosure.decide(viewer("GAO", "auditor"), p).disclosed());
        assertEquals(List.of(), Disclosure.decide(viewer(OWNER, "applicant"), p).disclosed(), "the owner's reads are not disclosures");
        assertEquals(Sections.ALL, Disclosure.decide(viewer("OTHR00000009", "applicant"), p).withheld());
    }

    @Test
    void severalRolesGetTheUnionOfWhatEachMaySee() {
        Disclosure.Outcome o = Disclosure.decide(viewer("STATE", "agency-reviewer", "operator"), submitted(false, ALL_MARKED));
        assertTrue(o.visible());
        assertTrue(o.shown("summary"));
    }

    @Test
    void redactionReplacesWithheldSectionsWithTheMarkerInPlace() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode content = (ObjectNode) json.readTree("""
                {"title":"T","summary":"S-CANARY","stack":{"hardware":{"description":"H-CANARY"},"models":{"description":"M"}},
                 "targets":[{"country":"VN"}],"businessModel":"B-CANARY","incentives":[],"confidentialSections":[]}""");
        Disclosure.Outcome o = Disclosure.decide(viewer("EXIM", "financing-officer"), submitted(true, Set.of("summary", "stack", "incentives")));
        Disclosure.redactContent(content, o);
        assertEquals(json.readTree("{\"withheld\":\"BUSINESS_CONFIDENTIAL\",\"because\":\"NO_FINANCING_NEED\"}"), content.get("summary"));
        assertEquals("BUSINESS_CONFIDENTIAL", content.get("stack").get("withheld").asText());
        assertFalse(content.get("stack").has("hardware"), "a withheld stack hides its layers, not a marker inside a marker");
        assertEquals("B-CANARY", content.get("businessModel").asText(), "unmarked: shown");
        assertEquals("[]", content.get("incentives").toString(), "a financing section, shown to the routed agency");
        Disclosure.Outcome other = Disclosure.decide(viewer("OTHR00000009", "applicant"), submitted(true, Set.of("stack.hardware", "targets")));
        ObjectNode again = (ObjectNode) json.readTree("{\"stack\":{\"hardware\":{\"description\":\"H\"},\"models\":{\"description\":\"M\"}},"
                + "\"targets\":null}");
        Disclosure.redactContent(again, other);
        assertEquals("BUSINESS_CONFIDENTIAL", again.get("stack").get("hardware").get("withheld").asText());
        assertEquals("M", again.get("stack").get("models").get("description").asText());
        assertEquals("BUSINESS_CONFIDENTIAL", again.get("targets").get("withheld").asText(), "an empty section is withheld too");
        assertTrue(Disclosure.withholds(other, "/targets/0/country"));
        assertFalse(Disclosure.withholds(other, "/stack/models/description"));
    }
}
