package gov.commerce.aiexports.proposals.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes in a response to an information request are partial: what they leave out is kept. */
class ProposalContentTest {

    private static final ProposalContent CURRENT = new ProposalContent("Sovereign AI cloud", "Full stack", null,
            List.of(new ProposalContent.Target("VN", null, null, null)), "Build, own, operate", List.of(), true, List.of());

    @Test
    void a_given_field_replaces_and_the_rest_is_kept() {
        ProposalContent changed = CURRENT.changedBy(new ProposalContent(null, null, null,
                List.of(new ProposalContent.Target("TH", null, null, null)), "Build, operate, transfer", null, null, null));
        assertEquals(new ProposalContent("Sovereign AI cloud", "Full stack", null, List.of(new ProposalContent.Target("TH", null, null,
                null)), "Build, operate, transfer", List.of(), true, List.of()), changed);
    }

    @Test
    void no_changes_keep_everything() {
        assertSame(CURRENT, CURRENT.changedBy(null));
        assertEquals(CURRENT, CURRENT.changedBy(new ProposalContent(null, null, null, null, null, null, null, null)));
    }

    @Test
    void an_empty_list_is_a_change() {
        assertEquals(List.of(), CURRENT.changedBy(new ProposalContent(null, null, null, List.of(), null, null, null, null)).targets());
    }
}
