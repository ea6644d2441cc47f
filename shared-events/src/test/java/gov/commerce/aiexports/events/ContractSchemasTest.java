package gov.commerce.aiexports.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every published contract has its committed JSON Schema, equal to its record. Run with
 * -Dcontracts.update=true to rewrite the files after a deliberate change (then review the diff:
 * a changed field of a published version needs a new version instead).
 */
class ContractSchemasTest {

    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");

    @Test
    void committed_schemas_match_the_records() throws Exception {
        boolean update = Boolean.getBoolean("contracts.update");
        for (Class<? extends IntegrationPayload> type : EventCatalog.CONTRACTS) {
            Path file = CONTRACTS.resolve(ContractSchemas.fileName(type));
            String expected = EventCodec.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ContractSchemas.schemaOf(type)) + "\n";
            if (update) {
                Files.createDirectories(CONTRACTS);
                Files.writeString(file, expected);
            }
            assertTrue(Files.exists(file), file + " is missing: run this test with -Dcontracts.update=true");
            JsonNode committed = EventCodec.mapper().readTree(Files.readString(file));
            assertEquals(EventCodec.mapper().readTree(expected), committed,
                    file + " differs from " + type.getSimpleName() + ": a published contract changed");
        }
    }

    @Test
    void older_versions_keep_their_schema_and_are_upcast_when_read() throws Exception {
        // v1 stays documented: records of it may still be on the topics
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalWithdrawn.v1.schema.json")));
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalWithdrawn.v2.schema.json")));
        String v1 = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"ProposalWithdrawn\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"Proposal\",\"aggregateId\":\"p-9\",\"aggregateSequence\":4,"
                + "\"occurredAt\":\"2026-01-05T10:15:30Z\",\"producer\":\"proposals-service\",\"correlationId\":\"c\","
                + "\"causationId\":\"k\",\"actor\":{\"subject\":\"a\",\"organisation\":\"ORG\",\"roles\":[\"applicant\"]},"
                + "\"payload\":{\"proposalId\":\"p-9\",\"applicantOrganisation\":\"ORG\",\"reason\":\"merger\"}}";
        IntegrationEvent read = EventCodec.decode(v1.getBytes());
        assertEquals(3, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.proposals.ProposalWithdrawn.class);
        assertEquals(java.time.Instant.parse("2026-01-05T10:15:30Z"), upcast.withdrawnAt());
        assertEquals("merger", upcast.reason());
        assertEquals(false, upcast.relinquishment());
        assertEquals(null, upcast.designationNumber());
    }

    @Test
    void a_v2_withdrawal_reads_as_v3_relinquishing_nothing() {
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalWithdrawn.v3.schema.json")));
        String v2 = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"ProposalWithdrawn\",\"schemaVersion\":2,"
                + "\"aggregateType\":\"Proposal\",\"aggregateId\":\"p-9\",\"aggregateSequence\":4,"
                + "\"occurredAt\":\"2026-01-05T10:15:30Z\",\"producer\":\"proposals-service\",\"correlationId\":\"c\","
                + "\"causationId\":\"k\",\"actor\":{\"subject\":\"a\",\"organisation\":\"ORG\",\"roles\":[\"applicant\"]},"
                + "\"payload\":{\"proposalId\":\"p-9\",\"applicantOrganisation\":\"ORG\",\"reason\":\"merger\","
                + "\"withdrawnAt\":\"2026-01-05T10:15:00Z\"}}";
        IntegrationEvent read = EventCodec.decode(v2.getBytes());
        assertEquals(3, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.proposals.ProposalWithdrawn.class);
        assertEquals(java.time.Instant.parse("2026-01-05T10:15:00Z"), upcast.withdrawnAt());
        assertEquals(false, upcast.relinquishment());
        assertEquals(null, upcast.designationNumber());
    }

    @Test
    void a_proposal_submitted_before_v2_is_read_as_marking_every_section_confidential() throws Exception {
        // v1 did not say what was marked: a consumer that does not know must withhold
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalSubmitted.v1.schema.json")));
        String v1 = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"ProposalSubmitted\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"Proposal\",\"aggregateId\":\"p-9\",\"aggregateSequence\":2,"
                + "\"occurredAt\":\"2026-01-05T10:15:30Z\",\"producer\":\"proposals-service\",\"correlationId\":\"c\","
                + "\"causationId\":\"k\",\"actor\":{\"subject\":\"a\",\"organisation\":\"ORG\",\"roles\":[\"applicant\"]},"
                + "\"payload\":{\"proposalId\":\"p-9\",\"title\":\"T\",\"targetCountries\":[\"VN\"]}}";
        IntegrationEvent read = EventCodec.decode(v1.getBytes());
        assertEquals(2, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.proposals.ProposalSubmitted.class);
        assertEquals(gov.commerce.aiexports.events.disclosure.Sections.ALL, upcast.confidentialSections());
        assertEquals(java.util.List.of("VN"), upcast.targetCountries());
    }

    private static IntegrationEvent v1(String type, String payload) {
        String envelope = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"" + type + "\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"X\",\"aggregateId\":\"p-9\",\"aggregateSequence\":2,"
                + "\"occurredAt\":\"2026-01-05T10:15:30Z\",\"producer\":\"test\",\"correlationId\":\"c\","
                + "\"causationId\":\"k\",\"actor\":{\"subject\":\"a\",\"organisation\":\"ORG\",\"roles\":[\"applicant\"]},"
                + "\"payload\":" + payload + "}";
        return EventCodec.decode(envelope.getBytes());
    }

    @Test
    void a_resubmission_before_v2_is_read_as_marking_every_section_confidential() {
        // the answer may have marked a section anew, which v1 did not say: not knowing, withhold
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalResubmitted.v1.schema.json")));
        IntegrationEvent read = v1("ProposalResubmitted", "{\"proposalId\":\"p-9\",\"targetCountries\":[\"VN\"]}");
        assertEquals(2, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.proposals.ProposalResubmitted.class);
        assertEquals(gov.commerce.aiexports.events.disclosure.Sections.ALL, upcast.confidentialSections());
        assertEquals(java.util.List.of("VN"), upcast.targetCountries());
    }

    @Test
    void a_designation_before_v2_is_read_with_no_agency_required_and_every_section_marked() {
        assertTrue(Files.exists(CONTRACTS.resolve("ProposalDesignated.v1.schema.json")));
        IntegrationEvent read = v1("ProposalDesignated", "{\"proposalId\":\"p-9\",\"designationNumber\":\"PAEP-2027-0001\"}");
        assertEquals(2, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.review.ProposalDesignated.class);
        assertEquals(gov.commerce.aiexports.events.disclosure.Sections.ALL, upcast.confidentialSections());
        assertEquals(java.util.List.of(), upcast.requiredAgencies());
    }

    @Test
    void a_revocation_before_v2_loses_the_applicants_reason_when_read() {
        assertTrue(Files.exists(CONTRACTS.resolve("DesignationRevoked.v1.schema.json")));
        IntegrationEvent read = v1("DesignationRevoked", "{\"proposalId\":\"p-9\",\"cause\":\"RELINQUISHED\","
                + "\"reason\":\"CANARY moving to Thailand with DFC\",\"endorsedLineCount\":2}");
        assertEquals(2, read.schemaVersion());
        assertTrue(read.payload().path("reason").isMissingNode(), read.payload().toString());
        assertTrue(!read.payload().toString().contains("CANARY"));
        var upcast = read.payloadAs(gov.commerce.aiexports.events.review.DesignationRevoked.class);
        assertEquals("RELINQUISHED", upcast.cause());
        assertEquals(2, upcast.endorsedLineCount());
    }

    @Test
    void each_type_and_version_is_published_once() {
        Set<String> seen = new HashSet<>();
        for (Class<? extends IntegrationPayload> type : EventCatalog.CONTRACTS) {
            EventContract c = EventCatalog.contractOf(type);
            assertNotNull(Topics.of(c.producer()));
            assertTrue(seen.add(c.type() + ":" + c.version()), "duplicate contract " + c.type() + " v" + c.version());
        }
    }

    @Test
    void an_envelope_round_trips_and_garbage_is_unreadable() {
        var payload = new gov.commerce.aiexports.events.proposals.ProposalWithdrawn("p-1", "ORG", "changed plans",
                java.time.Instant.parse("2026-11-26T09:59:00Z"), true, "PAEP-2026-0001");
        IntegrationEvent event = new IntegrationEvent(java.util.UUID.randomUUID(), "ProposalWithdrawn", 3, "Proposal", "p-1", 3,
                java.time.Instant.parse("2026-11-26T10:00:00Z"), "proposals-service", "corr", "cause",
                new Actor("alice", "ORG", java.util.List.of("applicant")), EventCodec.mapper().valueToTree(payload));
        IntegrationEvent back = EventCodec.decode(EventCodec.encode(event));
        assertEquals(event, back);
        assertEquals(payload, back.payloadAs(gov.commerce.aiexports.events.proposals.ProposalWithdrawn.class));
        org.junit.jupiter.api.Assertions.assertThrows(EventCodec.UnreadableEventException.class,
                () -> EventCodec.decode("{\"eventType\":\"X\"}".getBytes()));
        org.junit.jupiter.api.Assertions.assertThrows(EventCodec.UnreadableEventException.class,
                () -> back.payloadAs(gov.commerce.aiexports.events.review.ReviewOpened.class));
    }

    @Test
    void a_v1_revocation_reads_as_v2_effective_the_day_it_was_recorded_in_washington() {
        assertTrue(Files.exists(CONTRACTS.resolve("DesignationRevoked.v1.schema.json")));
        // 02:00 UTC on 1 October is still 30 September in Washington
        String v1 = "{\"eventId\":\"" + java.util.UUID.randomUUID() + "\",\"eventType\":\"DesignationRevoked\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"Review\",\"aggregateId\":\"r-1\",\"aggregateSequence\":9,"
                + "\"occurredAt\":\"2026-10-01T02:05:00Z\",\"producer\":\"review-service\",\"correlationId\":\"c\","
                + "\"causationId\":\"k\",\"actor\":{\"subject\":\"s\",\"organisation\":\"ORG\",\"roles\":[]},"
                + "\"payload\":{\"reviewId\":\"r-1\",\"proposalId\":\"p-1\",\"designationNumber\":\"PAEP-2026-0001\","
                + "\"cause\":\"RELINQUISHED\",\"reason\":\"merger\",\"endorsedLineCount\":2,\"revokedAt\":\"2026-10-01T02:00:00Z\"}}";
        IntegrationEvent read = EventCodec.decode(v1.getBytes());
        assertEquals(2, read.schemaVersion());
        var upcast = read.payloadAs(gov.commerce.aiexports.events.review.DesignationRevoked.class);
        assertEquals(java.time.LocalDate.parse("2026-09-30"), upcast.effectiveDate());
        assertEquals(2, upcast.endorsedLineCount());
    }
}
