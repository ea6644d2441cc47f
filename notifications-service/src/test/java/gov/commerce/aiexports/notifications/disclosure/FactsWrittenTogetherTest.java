package gov.commerce.aiexports.notifications.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.disclosure.LearntFacts;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.notifications.Bus;
import gov.commerce.aiexports.notifications.EventStore;
import gov.commerce.aiexports.notifications.SmtpTestResource;
import gov.commerce.aiexports.notifications.recipients.KnownConsortiaProjection;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A poll group's facts stay in memory until a statement could read them (Documents' flush rule):
 * locking or inserting another proposal's row and writing another table leave them there, to be
 * written together at the group's end; a statement that names their table writes them first, and
 * so does a lock of the very row.
 */
@QuarkusTest
@Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class FactsWrittenTogetherTest {

    @Inject
    ProposalFactsStore facts;
    @Inject
    Documents documents;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    gov.commerce.aiexports.notifications.recipients.ReadModelDirectory directory;

    @Test
    void a_group_writes_what_it_learnt_when_a_statement_could_read_it() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<String> owners = QuarkusTransaction.requiringNew().call(() -> {
            Documents.bufferWrites();
            try {
                List<String> seen = new ArrayList<>();
                facts.learn(Bus.event(submitted(a, "ORG-A")));
                seen.add(ownerInTable(a));              // the row inserted to lock it, without what was learnt
                facts.learn(Bus.event(submitted(b, "ORG-B")));
                documents.update("insert into " + KnownConsortiaProjection.TABLE + " (organisation, first_seen_at) values (?, ?)"
                        + " on conflict do nothing", "ORG-" + UUID.randomUUID(), Instant.now());
                seen.add(ownerInTable(a));              // still in memory: neither b's lock nor another table read it
                seen.add(facts.known(a).owningOrganisation()); // a read by id answers from memory
                seen.add(documents.lock(ProposalFactsStore.TABLE, b, LearntFacts.class).orElseThrow().owningOrganisation());
                seen.add(ownerInTable(a));              // the lock of a row in memory wrote the group's rows first
                return seen;
            } finally {
                Documents.stopBuffering();
            }
        });
        assertEquals(java.util.Arrays.asList(null, null, "ORG-A", "ORG-B", "ORG-A"), owners);

        String c = UUID.randomUUID().toString();
        String afterQuery = QuarkusTransaction.requiringNew().call(() -> {
            Documents.bufferWrites();
            try {
                facts.learn(Bus.event(submitted(c, "ORG-C")));
                assertNull(ownerInTable(c));
                documents.query("select doc from " + ProposalFactsStore.TABLE + " where id = ?", LearntFacts.class, "none");
                return ownerInTable(c);
            } finally {
                Documents.stopBuffering();
            }
        });
        assertEquals("ORG-C", afterQuery, "a query naming the table wrote the group's rows before it ran");
    }

    @Test
    void a_consortium_met_in_a_group_is_written_with_the_group_s_rows_first_seen_once() throws Exception {
        String org = "ORG-" + UUID.randomUUID();
        Instant first = Instant.parse("2027-01-05T10:00:00Z");
        List<Object> seen = QuarkusTransaction.requiringNew().call(() -> {
            Documents.bufferWrites();
            try {
                List<Object> out = new ArrayList<>();
                documents.insertUnlessPresent(KnownConsortiaProjection.TABLE, List.of("organisation", "first_seen_at"), org, first);
                documents.insertUnlessPresent(KnownConsortiaProjection.TABLE, List.of("organisation", "first_seen_at"), org,
                        first.plusSeconds(60));
                out.add(firstSeen(org));                // in memory: no statement per call
                out.add(directory.knownConsortia().contains(org)); // what a call amendment reads wrote it first
                out.add(firstSeen(org));
                return out;
            } finally {
                Documents.stopBuffering();
            }
        });
        assertEquals(java.util.Arrays.asList(null, true, first), seen);
        // outside a group: at once, and a consortium already known keeps its first sighting
        QuarkusTransaction.requiringNew().run(() -> documents.insertUnlessPresent(KnownConsortiaProjection.TABLE,
                List.of("organisation", "first_seen_at"), org, first.plusSeconds(3600)));
        assertEquals(first, QuarkusTransaction.requiringNew().call(() -> firstSeen(org)));
    }

    @Test
    void a_group_locks_its_proposals_rows_at_once_and_then_learns_without_a_statement_per_event() throws Exception {
        String known = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> facts.learn(Bus.event(submitted(known, "ORG-K"))));
        List<Object> seen = QuarkusTransaction.requiringNew().call(() -> {
            Documents.bufferWrites();
            try {
                List<Object> out = new ArrayList<>();
                List<gov.commerce.aiexports.events.IntegrationEvent> group = List.of(Bus.event(submitted(fresh, "ORG-F")),
                        Bus.event(submitted(known, "ORG-K")));
                facts.lockAll(group);
                out.add(ownerInTable(fresh));       // inserted (empty) and locked by the group's one insert
                out.add(insertWaitsElsewhere(fresh));
                out.add(lockedElsewhere(known));    // locked by the group's one select
                for (var event : group) {
                    facts.learn(event);
                }
                out.add(facts.known(fresh).owningOrganisation());   // from memory: what the group learnt
                out.add(facts.known(known).owningOrganisation());
                documents.flushWrites();
                out.add(ownerInTable(fresh));
                return out;
            } finally {
                Documents.stopBuffering();
            }
        });
        assertEquals(java.util.Arrays.asList(null, true, true, "ORG-F", "ORG-K", "ORG-F"), seen);
        assertEquals(false, lockedElsewhere(fresh), "the locks end with the transaction");
        assertEquals(false, lockedElsewhere(known));
    }

    /** Whether another transaction finds the row locked (it does not wait for it). */
    private static boolean lockedElsewhere(String proposalId) throws Exception {
        try (Connection other = gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure.get().postgres().connect(EventStore.DATABASE);
             PreparedStatement s = other.prepareStatement("select id from " + ProposalFactsStore.TABLE + " where id = ? for update nowait")) {
            s.setString(1, proposalId);
            s.executeQuery().close();
            return false;
        } catch (java.sql.SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    /** Whether another transaction's insert of the row must wait for this one (a row inserted and not committed yet). */
    private static boolean insertWaitsElsewhere(String proposalId) throws Exception {
        try (Connection other = gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure.get().postgres()
                .connect(EventStore.DATABASE)) {
            other.createStatement().execute("set lock_timeout = '200ms'");
            try (PreparedStatement s = other.prepareStatement("insert into " + ProposalFactsStore.TABLE
                    + " (id, doc) values (?, '{}') on conflict (id) do nothing")) {
                s.setString(1, proposalId);
                s.executeUpdate();
                return false;
            }
        } catch (java.sql.SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    /** When the table says the organisation was first seen, in the caller's transaction (its own connection); null when absent. */
    private Instant firstSeen(String organisation) throws Exception {
        java.sql.Timestamp at = inTable("select first_seen_at from " + KnownConsortiaProjection.TABLE + " where organisation = ?",
                organisation, java.sql.Timestamp.class, null);
        return at == null ? null : at.toInstant();
    }

    private static ProposalSubmitted submitted(String proposalId, String organisation) {
        return new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 8), "call-1", 2027, "c-1", "Consortium",
                organisation, "Sovereign AI", List.of("KE"), List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 7)),
                List.of("STATE"), List.of(), "v1", Instant.now(), List.of("targets"));
    }

    /** The row as the table holds it now, in the caller's transaction (its own connection), past Documents' memory. */
    private String ownerInTable(String proposalId) throws Exception {
        return inTable("select doc->>'owningOrganisation' from " + ProposalFactsStore.TABLE + " where id = ?", proposalId, String.class,
                "absent");
    }

    /** The first column of the row the query finds by {@code key}, in the caller's transaction; {@code absent} when none. */
    private <T> T inTable(String sql, String key, Class<T> type, T absent) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1, type) : absent;
            }
        }
    }
}
