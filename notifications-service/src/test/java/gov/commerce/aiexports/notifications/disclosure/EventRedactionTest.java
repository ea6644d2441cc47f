package gov.commerce.aiexports.notifications.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.disclosure.Viewer;
import gov.commerce.aiexports.events.incentives.IncentiveRequestApproved;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.notifications.routing.Recipient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRedactionTest {

    static final String UEI = "ACME00000001";
    static final ProposalFacts MARKED = new ProposalFacts(UEI, false, true, Set.of("STATE"), Set.of("EXIM"),
            Set.of("targets", "incentives", "stack.models"));

    static IntegrationEvent event(IntegrationPayload payload) {
        EventContract c = EventCatalog.contractOf(payload.getClass());
        return new IntegrationEvent(UUID.randomUUID(), c.type(), c.version(), "Aggregate", "agg-1", 0, Instant.now(), c.producer(),
                "corr-1", null, Actor.system(c.producer()), EventCodec.mapper().valueToTree(payload));
    }

    static IntegrationEvent submitted() {
        return event(new ProposalSubmitted("p-1", "AIEP-1", "call-1", 2027, "c-1", "Acme", UEI, "Sovereign AI", List.of("VN", "KE"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("12345678.91"), 13)), List.of("STATE"),
                List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", "VN is in Country Group D:1"),
                        new ScreeningFlag("US_CONTENT_BELOW_51", "/stack/hardware/usOriginSharePercent", "40 % US content")),
                "v1", Instant.now(), List.of("targets", "incentives", "stack.models")));
    }

    static IntegrationEvent redactFor(IntegrationEvent e, Viewer viewer) {
        return EventRedaction.redact(e, Disclosure.decide(viewer, MARKED));
    }

    @Test
    void an_agency_the_call_requires_gets_the_event_as_it_is() {
        IntegrationEvent e = submitted();
        assertSame(e, redactFor(e, Viewers.ofWebhook("STATE", List.of("agency-reviewer"))));
        assertSame(e, redactFor(e, Viewers.ofWebhook("COMMERCE", List.of("commerce-officer"))));
    }

    @Test
    void another_agency_gets_markers_where_the_marked_sections_were() {
        IntegrationEvent e = submitted();
        JsonNode p = redactFor(e, Viewers.ofWebhook("ENERGY", List.of("agency-reviewer"))).payload();
        for (String field : List.of("targetCountries", "requestedIncentives")) {
            assertEquals("BUSINESS_CONFIDENTIAL", p.get(field).get("withheld").asText(), field);
            assertEquals("AGENCY_NOT_REQUIRED", p.get(field).get("because").asText(), field);
        }
        assertEquals("BUSINESS_CONFIDENTIAL", p.get("flags").get(0).get("detail").get("withheld").asText());
        assertEquals("TARGET_COUNTRY_GROUP_D", p.get("flags").get(0).get("code").asText(), "the flag stays, its detail goes");
        assertEquals("40 % US content", p.get("flags").get(1).get("detail").asText(), "hardware is not marked");
        assertEquals("Sovereign AI", p.get("title").asText());
        String body = new String(EventCodec.encode(redactFor(e, Viewers.ofWebhook("ENERGY", List.of("agency-reviewer")))),
                StandardCharsets.UTF_8);
        assertFalse(body.contains("12345678.91") || body.contains("\"VN\"") || body.contains("Group D"), body);
        assertEquals("VN", e.payload().get("targetCountries").get(0).asText(), "the event received is left as it was");
    }

    @Test
    void a_financing_agency_sees_the_financing_sections_of_a_designated_proposal_routed_to_it_only() {
        IntegrationEvent approved = event(new IncentiveRequestApproved("ir-1", "p-1", "PAEP-1", UEI, "EXIM", Instrument.DIRECT_LOAN,
                2027, "budget-FY2027-DIRECT_LOAN", new BigDecimal("12345678.91"), new BigDecimal("3.50"), new BigDecimal("432098.77")));
        assertSame(approved, redactFor(approved, Viewers.ofWebhook("EXIM", List.of("financing-officer"))));
        JsonNode p = redactFor(approved, Viewers.ofWebhook("DFC", List.of("financing-officer"))).payload();
        for (String field : List.of("instrument", "faceAmountUsd", "obligatedBudgetCostUsd", "budgetId")) {
            assertEquals("NO_FINANCING_NEED", p.get(field).get("because").asText(), field);
        }
        assertEquals(0, new BigDecimal("3.50").compareTo(p.get("creditSubsidyRatePercent").decimalValue()),
                "the agency's own rate is no section");
        assertEquals("ir-1", p.get("incentiveRequestId").asText());
    }

    @Test
    void a_webhook_without_recorded_roles_or_with_only_riding_roles_sees_no_marked_section() {
        IntegrationEvent e = submitted();
        JsonNode unknown = redactFor(e, Viewers.ofWebhook("STATE", null)).payload();
        assertTrue(unknown.get("targetCountries").has("withheld"));
        JsonNode auditorRiding = redactFor(e, Viewers.ofWebhook("ENERGY", List.of("agency-reviewer", "auditor"))).payload();
        assertTrue(auditorRiding.get("targetCountries").has("withheld"), "only the roles that may register a webhook count");
    }

    @Test
    void sections_anywhere_in_a_later_version_are_found_by_name_and_stack_layers_one_by_one() {
        IntegrationEvent e = submitted();
        ObjectNode payload = ((ObjectNode) e.payload()).deepCopy();
        ObjectNode changes = payload.putObject("changes");
        changes.put("summary", "open summary");
        changes.putObject("stack").put("models", "secret models").put("hardware", "open hardware");
        IntegrationEvent newer = new IntegrationEvent(e.eventId(), e.eventType(), 3, e.aggregateType(), e.aggregateId(), 0,
                e.occurredAt(), e.producer(), e.correlationId(), null, e.actor(), payload);
        JsonNode p = redactFor(newer, Viewers.ofWebhook("ENERGY", List.of("agency-reviewer"))).payload();
        assertEquals("open summary", p.get("changes").get("summary").asText(), "summary is not marked");
        assertEquals("open hardware", p.get("changes").get("stack").get("hardware").asText());
        assertEquals("AGENCY_NOT_REQUIRED", p.get("changes").get("stack").get("models").get("because").asText());
    }

    @Test
    void recipients_read_as_their_organisations_part_in_the_program() {
        assertEquals(new Viewer(UEI, Set.of("applicant")), Viewers.of(Recipient.consortium(UEI)));
        assertEquals(Set.of("financing-officer"), Viewers.of(Recipient.agency("DFC")).roles());
        assertEquals(Set.of("edag-coordinator"), Viewers.of(Recipient.agency("EDAG")).roles());
        assertEquals(Set.of("agency-reviewer"), Viewers.of(Recipient.agency("OSTP")).roles());
        assertEquals(Set.of("commerce-officer"), Viewers.of(Recipient.agency("COMMERCE")).roles());
        assertEquals(Set.of(), Viewers.of(Recipient.agency("NOBODY")).roles());
        assertFalse(Disclosure.decide(Viewers.of(Recipient.person("someone")), MARKED).shown(Sections.TARGETS));
    }
}
