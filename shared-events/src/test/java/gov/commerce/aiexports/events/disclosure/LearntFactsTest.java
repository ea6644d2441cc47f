package gov.commerce.aiexports.events.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.IntegrationUpcasters;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LearntFactsTest {

    static final String UEI = "ACME00000001";

    static IntegrationEvent event(IntegrationPayload payload) {
        EventContract c = EventCatalog.contractOf(payload.getClass());
        return new IntegrationEvent(UUID.randomUUID(), c.type(), c.version(), "Aggregate", "agg-1", 0, Instant.now(), c.producer(),
                "corr-1", null, Actor.system(c.producer()), EventCodec.mapper().valueToTree(payload));
    }

    static IntegrationEvent submitted(List<String> marked) {
        return event(new ProposalSubmitted("p-1", "AIEP-1", "call-1", 2027, "c-1", "Acme", UEI, "Title", List.of("VN"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1.00"), 1)), List.of("STATE", "DEFENSE"), List.of(),
                "v1", Instant.now(), marked));
    }

    static IntegrationEvent routed(String line, String agency) {
        return event(new IncentiveRequestRouted(line, "p-1", "PAEP-2027-0001", UEI, Instrument.DIRECT_LOAN, new BigDecimal("1.00"),
                agency, "terms", new BigDecimal("2.00")));
    }

    static IntegrationEvent designated() {
        // v2's requiredAgencies and confidentialSections left out: what a designation teaches is that it designates
        return event(new ProposalDesignated("r-1", "p-1", "PAEP-2027-0001", "c-1", UEI, LocalDate.of(2027, 1, 1), List.of(),
                List.of(), "why", null, null));
    }

    static LearntFacts learn(IntegrationEvent... events) {
        LearntFacts facts = LearntFacts.none("p-1");
        for (IntegrationEvent e : events) {
            facts = facts.learn(e);
        }
        return facts;
    }

    @Test
    void nothing_known_withholds_every_section() {
        ProposalFacts facts = LearntFacts.none("p-1").facts();
        assertEquals(Set.copyOf(Sections.ALL), facts.confidentialSections());
        assertFalse(facts.designated());
        assertEquals(Set.of(), facts.requiredAgencies());
        assertEquals(Set.of(), facts.routedAgencies());
    }

    @Test
    void a_submission_tells_owner_marking_and_required_agencies() {
        ProposalFacts facts = learn(submitted(List.of("targets", "incentives"))).facts();
        assertEquals(UEI, facts.owningOrganisation());
        assertEquals(Set.of("targets", "incentives"), facts.confidentialSections());
        assertEquals(Set.of("STATE", "DEFENSE"), facts.requiredAgencies());
        assertFalse(facts.draft());
    }

    @Test
    void a_routing_before_the_designation_discloses_nothing_until_the_designation_arrives() {
        LearntFacts early = learn(submitted(List.of("incentives")), routed("ir-1", "EXIM"));
        Viewer exim = new Viewer("EXIM", Set.of(Viewer.FINANCING_OFFICER));
        assertFalse(Disclosure.decide(exim, early.facts()).shown("incentives"), "not designated yet: fail closed");
        LearntFacts later = early.learn(designated());
        assertTrue(Disclosure.decide(exim, later.facts()).shown("incentives"));
        assertFalse(Disclosure.decide(new Viewer("DFC", Set.of(Viewer.FINANCING_OFFICER)), later.facts()).shown("incentives"));
        // the order of arrival does not matter
        assertEquals(later, learn(designated(), submitted(List.of("incentives")), routed("ir-1", "EXIM")));
    }

    @Test
    void a_revocation_sticks_whatever_arrives_after_it() {
        IntegrationEvent revoked = event(new DesignationRevoked("r-1", "p-1", "PAEP-2027-0001", "c-1", UEI, "RELINQUISHED", "e-1",
                1, Instant.now()));
        assertFalse(learn(designated(), revoked).facts().designated());
        assertFalse(learn(revoked, designated()).facts().designated());
    }

    @Test
    void a_resubmission_without_a_marking_keeps_the_last_one_and_one_with_a_marking_replaces_it() {
        // a v1 record as stored before v2: no confidentialSections at all
        IntegrationEvent v2Record = event(new ProposalResubmitted("p-1", "AIEP-1", UEI, "ir-1", "answer", "Title", List.of("KE"),
                List.of(), List.of(), "v1", Instant.now(), null));
        ObjectNode v1Payload = ((ObjectNode) v2Record.payload()).deepCopy();
        v1Payload.remove("confidentialSections");
        IntegrationEvent v1 = new IntegrationEvent(v2Record.eventId(), v2Record.eventType(), 1, v2Record.aggregateType(),
                v2Record.aggregateId(), 1, v2Record.occurredAt(), v2Record.producer(), v2Record.correlationId(), null, v2Record.actor(),
                v1Payload);
        assertFalse(v1.payload().has("confidentialSections"));
        assertEquals(Set.of("targets"), learn(submitted(List.of("targets")), v1).facts().confidentialSections());
        assertEquals(Set.copyOf(Sections.ALL), learn(v1).facts().confidentialSections(), "never told: every section withheld");

        // a later version carrying the marking (names only) is read as it is, without a change here
        ObjectNode v2 = ((ObjectNode) v1.payload()).deepCopy();
        v2.putArray("confidentialSections").add("businessModel");
        IntegrationEvent newer = new IntegrationEvent(v1.eventId(), v1.eventType(), 2, v1.aggregateType(), v1.aggregateId(), 1,
                v1.occurredAt(), v1.producer(), v1.correlationId(), null, v1.actor(), v2);
        assertEquals(Set.of("businessModel"), learn(submitted(List.of("targets")), newer).facts().confidentialSections());
    }

    @Test
    void a_v1_submission_upcast_marks_every_section() {
        ObjectNode v1 = (ObjectNode) submitted(List.of()).payload().deepCopy();
        v1.remove("confidentialSections");
        IntegrationEvent old = new IntegrationEvent(UUID.randomUUID(), "ProposalSubmitted", 1, "Proposal", "p-1", 0, Instant.now(),
                "proposals-service", "c", null, Actor.system("proposals-service"), v1);
        assertEquals(Set.copyOf(Sections.ALL), learn(IntegrationUpcasters.toCurrent(old)).facts().confidentialSections());
    }

    @Test
    void routes_are_read_once_for_every_consumer_and_other_proposals_teach_nothing() {
        assertEquals(new LearntFacts.Route("ir-1", "p-1", "EXIM"), LearntFacts.route(routed("ir-1", "EXIM")).orElseThrow());
        assertTrue(LearntFacts.route(designated()).isEmpty());
        LearntFacts facts = learn(routed("ir-1", "EXIM"), routed("ir-2", "USTDA"), routed("ir-1", "DFC"));
        assertEquals(Set.of("DFC", "USTDA"), facts.facts().routedAgencies(), "a line rerouted counts for its new agency only");
        LearntFacts other = LearntFacts.none("p-2");
        assertEquals(other, other.learn(routed("ir-1", "EXIM")));
    }

    @Test
    void facts_survive_a_round_trip_through_json() throws Exception {
        LearntFacts facts = learn(submitted(List.of("targets")), designated(), routed("ir-1", "EXIM"));
        String json = EventCodec.mapper().writeValueAsString(facts);
        assertEquals(facts, EventCodec.mapper().readValue(json, LearntFacts.class));
        LearntFacts none = LearntFacts.none("p-1");
        assertEquals(none, EventCodec.mapper().readValue(EventCodec.mapper().writeValueAsString(none), LearntFacts.class));
    }
}
