package gov.commerce.aiexports.review.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.runtime.feed.PublicFeed;
import gov.commerce.aiexports.testsupport.CommonGrantsSchemas;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The designation catalogue as CommonGrants proposals: it conforms to the protocol's schemas and never holds a confidential value. */
class DesignationFeedTest {

    /** Values that must never reach the public: a target country and an amount no one else uses. */
    private static final String CANARY_COUNTRY = "KZ";
    private static final BigDecimal CANARY_AMOUNT = new BigDecimal("73519.47");

    private static DesignationView designation(List<String> confidential) {
        return new DesignationView("PAEP-2027-0007", "3f2b8c1e-0d4a-4c5e-9b7a-1f2e3d4c5b6a", "Sovereign AI cloud", "Acme AI Stack",
                List.of(CANARY_COUNTRY, "VN"), LocalDate.parse("2027-02-08"), List.of("annual security audit"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, CANARY_AMOUNT, 12)), Instant.parse("2027-02-01T15:00:00Z"),
                DesignationView.ACTIVE, null, confidential, null);
    }

    @Test
    void marked_sections_never_reach_the_feed_and_every_entry_conforms() {
        for (List<String> marked : java.util.Arrays.asList(List.of("targets", "incentives"), null)) {
            ObjectNode p = DesignationFeed.proposal(designation(marked));
            String text = p.toString();
            assertFalse(text.contains(CANARY_COUNTRY), text);
            assertFalse(text.contains(CANARY_AMOUNT.toPlainString()), text);
            assertFalse(text.contains("73519"), text);
            assertFalse(text.contains("3f2b8c1e"), "no internal proposal id either: " + text);
            assertEquals(List.of(), CommonGrantsSchemas.violations("ProposalBase.json", p), p.toPrettyString());
            assertEquals("PAEP-2027-0007", p.path("customFields").path("designationNumber").path("value").asText());
        }
        // unmarked, the sections are public and shown
        ObjectNode open = DesignationFeed.proposal(designation(List.of()));
        assertTrue(open.toString().contains(CANARY_COUNTRY));
        assertEquals("73519.47", open.path("amountRequested").path("amount").asText());
        ObjectNode page = PublicFeed.page(List.of(open, DesignationFeed.proposal(designation(null))), PublicFeed.paging(1, 20), 2);
        assertEquals(List.of(), CommonGrantsSchemas.violations("PaginatedProposals.json", page), page.toPrettyString());
        ObjectNode wrong = open.deepCopy();
        ((ObjectNode) wrong.path("amountRequested")).remove("currency");
        assertFalse(CommonGrantsSchemas.violations("ProposalBase.json", wrong).isEmpty(), "the schema catches a money without currency");
    }
}
