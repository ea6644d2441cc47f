package gov.commerce.aiexports.proposals.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import gov.commerce.aiexports.testsupport.CommonGrantsSchemas;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls as CommonGrants opportunities, checked against the protocol's JSON Schemas; drafts and closed calls not listed. */
class OpportunityFeedTest {

    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");

    private static CallView call(String id, String status, Instant opens, Instant closes) {
        return new CallView(id, status, 2, "FY2027 full-stack AI export packages", 2027, "EO 14320 call", opens, closes, 24,
                List.of(Instrument.DIRECT_LOAN, Instrument.FEASIBILITY_STUDY), List.of("STATE", "DEFENSE"), List.of());
    }

    @Test
    void an_open_and_a_forecasted_call_conform_to_the_commongrants_opportunity_and_page() {
        CallView open = call("3f2b8c1e-0d4a-4c5e-9b7a-1f2e3d4c5b6a", "PUBLISHED", NOW.minusSeconds(86400), NOW.plusSeconds(86400 * 30));
        CallView later = call("4f2b8c1e-0d4a-4c5e-9b7a-1f2e3d4c5b6a", "PUBLISHED", NOW.plusSeconds(86400), NOW.plusSeconds(86400 * 60));
        ObjectNode a = OpportunityFeed.opportunity(open, NOW, NOW.minusSeconds(90000), NOW.minusSeconds(3600));
        ObjectNode b = OpportunityFeed.opportunity(later, NOW, NOW.minusSeconds(90000), NOW.minusSeconds(90000));
        assertEquals(List.of(), CommonGrantsSchemas.violations("OpportunityBase.json", a), a.toPrettyString());
        assertEquals(List.of(), CommonGrantsSchemas.violations("OpportunityBase.json", b));
        assertEquals("open", a.path("status").path("value").asText());
        assertEquals("forecasted", b.path("status").path("value").asText());
        assertEquals("2027-03-03", a.path("keyDates").path("closeDate").path("date").asText());
        assertEquals(List.of("DIRECT_LOAN", "FEASIBILITY_STUDY"),
                PublicFeed.json().convertValue(a.path("customFields").path("instruments").path("value"), List.class));
        ObjectNode page = PublicFeed.page(List.of(a, b), PublicFeed.paging(1, 2), 3);
        assertEquals(List.of(), CommonGrantsSchemas.violations("PaginatedOpportunities.json", page), page.toPrettyString());
        assertEquals(2, page.path("paginationInfo").path("totalPages").asInt());
        // the schemas do catch a wrong shape: no id, a status outside the protocol's list, a date that is not one
        ObjectNode wrong = a.deepCopy();
        wrong.remove("id");
        ((ObjectNode) wrong.path("status")).put("value", "published");
        ((ObjectNode) wrong.path("keyDates").path("closeDate")).put("date", "March 3rd");
        List<String> violations = CommonGrantsSchemas.violations("OpportunityBase.json", wrong);
        assertTrue(violations.stream().anyMatch(v -> v.contains("id")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("status")), violations.toString());
    }

    @Test
    void only_published_calls_not_yet_past_their_grace_period_are_listed() {
        assertTrue(OpportunityFeed.listed(call("a", "PUBLISHED", NOW.minusSeconds(10), NOW.plusSeconds(10)), NOW));
        assertFalse(OpportunityFeed.listed(call("b", "DRAFT", NOW.minusSeconds(10), NOW.plusSeconds(10)), NOW), "a draft");
        assertFalse(OpportunityFeed.listed(call("c", "CLOSED", NOW.minusSeconds(10), NOW.plusSeconds(10)), NOW));
        // closed 23 hours ago, with 24 hours of grace: still accepting, still listed; 25 hours ago: not
        assertTrue(OpportunityFeed.listed(call("d", "PUBLISHED", NOW.minusSeconds(864000), NOW.minusSeconds(23 * 3600)), NOW));
        assertFalse(OpportunityFeed.listed(call("e", "PUBLISHED", NOW.minusSeconds(864000), NOW.minusSeconds(25 * 3600)), NOW));
    }

    @Test
    void paging_is_checked_and_if_none_match_compares_tags() {
        assertEquals(new PublicFeed.Paging(1, 20), PublicFeed.paging(null, null));
        assertEquals(40, PublicFeed.paging(3, 20).offset());
        for (Integer[] bad : new Integer[][] {{0, 10}, {1, 0}, {1, 101}, {-1, 5}}) {
            gov.commerce.aiexports.runtime.domain.InvalidInput e = org.junit.jupiter.api.Assertions.assertThrows(
                    gov.commerce.aiexports.runtime.domain.InvalidInput.class, () -> PublicFeed.paging(bad[0], bad[1]));
            assertEquals("VALUE_NOT_ALLOWED", e.first().rule());
        }
        assertTrue(PublicFeed.matches("\"abc\"", "abc"));
        assertTrue(PublicFeed.matches("\"x\", W/\"abc\"", "abc"));
        assertTrue(PublicFeed.matches("*", "abc"));
        assertFalse(PublicFeed.matches("\"abd\"", "abc"));
        assertFalse(PublicFeed.matches(null, "abc"));
        assertEquals(PublicFeed.etag("a".getBytes()), PublicFeed.etag("a".getBytes()));
        assertFalse(PublicFeed.etag("a".getBytes()).equals(PublicFeed.etag("b".getBytes())));
    }
}
