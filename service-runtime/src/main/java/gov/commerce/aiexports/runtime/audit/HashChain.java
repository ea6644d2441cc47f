package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The service's hash chain over its event stream. A single tracking processor links each event
 * as it sees it, in the same transaction as its token; {@link #verify()} recomputes every link
 * from the stored rows and names the first event whose bytes no longer match.
 */
@Singleton
@Unremovable
@ProcessingGroup(HashChain.PROCESSOR)
public class HashChain {

    public static final String PROCESSOR = "hash-chain";
    private static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    /**
     * The chain's check. {@code checkpointsVerified} counts the signed checkpoints the stored chain
     * still agrees with; {@code failedCheckpoint} is the first it no longer does, if any.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean verified, long events, long pending, Mismatch firstMismatch, long checkpointsVerified,
            CheckpointFailure failedCheckpoint) {
    }

    public record Mismatch(long position, long globalIndex, String eventId, String reason) {
    }

    public record CheckpointFailure(long position, long globalIndex, String eventId, String takenAt, String keyId, String reason) {
        static CheckpointFailure of(AuditVerifier.Checkpoint cp, String reason) {
            return new CheckpointFailure(cp.position(), cp.globalIndex(), cp.eventId(), cp.takenAt(), cp.keyId(), reason);
        }
    }

    private static final String PENDING = HashChain.class.getName() + ".pending";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSigningKey keys;
    @Inject
    AuditCheckpoints checkpoints;
    /** Looked up when verifying: AxonRuntime itself injects this bean. */
    @Inject
    jakarta.enterprise.inject.Instance<gov.commerce.aiexports.runtime.axon.AxonRuntime> axon;

    /**
     * Links this event after the last one. Within the processor's batch the events are collected and
     * linked together just before the batch commits (one read of the last link, one read of the
     * batch's rows, one batched insert), in the order the processor handed them over, which is the
     * chain's order: a late commit with a lower global index is linked where it arrived.
     */
    @EventHandler
    public void on(Object payload, EventMessage<?> message) throws SQLException {
        if (!CurrentUnitOfWork.isStarted()) {
            linkAll(List.of(message.getIdentifier()));
            checkpoints.chained();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        batch.getOrComputeResource(PENDING, key -> {
            List<String> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> {
                try {
                    linkAll(pending);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not link the batch into the hash chain", e);
                }
                // counted once committed, so a checkpoint it triggers sees these links
                u.afterCommit(v -> pending.forEach(id -> checkpoints.chained()));
            });
            return pending;
        }).add(message.getIdentifier());
    }

    private void linkAll(List<String> eventIds) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            byte[] previous = AuditVerifier.GENESIS;
            try (PreparedStatement s = c.prepareStatement("select link from event_hash_chain order by position desc limit 1");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getBytes(1);
                }
            }
            // an event already linked (a batch handed over again) keeps its link and is not linked twice
            java.util.Set<String> linked = new java.util.HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select event_identifier from event_hash_chain where event_identifier = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        linked.add(rs.getString(1));
                    }
                }
            }
            Map<String, StoredRow> rows = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select " + EVENT_COLUMNS
                    + " from domain_event_entry e where e.event_identifier = any(?)")) {
                s.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StoredRow row = StoredRow.of(rs);
                        rows.put(row.eventId(), row);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into event_hash_chain (global_index, event_identifier, link) values (?, ?, ?) "
                            + "on conflict (event_identifier) do nothing")) {
                for (String id : eventIds) {
                    if (!linked.add(id)) {
                        continue;
                    }
                    StoredRow row = rows.get(id);
                    if (row == null) {
                        throw new IllegalStateException("event " + id + " is not in the store");
                    }
                    byte[] link = row.link(previous);
                    insert.setLong(1, row.globalIndex());
                    insert.setString(2, id);
                    insert.setBytes(3, link);
                    insert.addBatch();
                    previous = link;
                }
                insert.executeBatch();
            }
        }
    }

    /** The stored columns of one event that its link covers. */
    private record StoredRow(long globalIndex, String eventId, String aggregateId, long sequence, String type, String payloadType,
            String payloadRevision, String timestamp, byte[] payload, byte[] metaData) {
        static StoredRow of(ResultSet rs) throws SQLException {
            return new StoredRow(rs.getLong("global_index"), rs.getString("event_identifier"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("type"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getString("time_stamp"), rs.getBytes("payload"), rs.getBytes("meta_data"));
        }

        byte[] link(byte[] previous) {
            return AuditVerifier.link(previous, globalIndex, eventId, aggregateId, sequence, type, payloadType, payloadRevision,
                    timestamp, payload, metaData);
        }
    }

    /**
     * Recomputes the chain from the stored events, a page at a time, and holds it against every
     * signed checkpoint: the link recomputed at a checkpoint's position must be the signed one, the
     * number of events up to there the signed count, and the chain must reach the last checkpoint.
     * A rewrite that recomputed the links therefore fails at the next checkpoint, and a cut tail at
     * the last one.
     */
    public Verification verify() {
        byte[] previous = AuditVerifier.GENESIS;
        long checked = 0;
        long after = 0;
        long verifiedCheckpoints = 0;
        long lastGood = 0;
        try (Connection c = dataSource.getConnection()) {
            // checkpoints taken while this walk runs are left to the next one
            Iterator<AuditVerifier.Checkpoint> cps = checkpoints.upTo(c, checkpoints.lastPosition(c));
            AuditVerifier.Checkpoint next = cps.hasNext() ? cps.next() : null;
            List<java.security.PublicKey> trusted = keys.trusted();
            while (true) {
                int rows = 0;
                try (PreparedStatement s = c.prepareStatement("select h.position, h.global_index as chained_index, "
                        + "h.event_identifier as chained_id, h.link, " + EVENT_COLUMNS + " from event_hash_chain h "
                        + "left join domain_event_entry e on e.event_identifier = h.event_identifier "
                        + "where h.position > ? order by h.position limit 1000")) {
                    s.setLong(1, after);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            after = rs.getLong("position");
                            String eventId = rs.getString("chained_id");
                            if (next != null && next.position() < after) {
                                return failed(c, checked, verifiedCheckpoints, lastGood, next,
                                        "no chained event holds position " + next.position() + " any more");
                            }
                            if (rs.getString("event_identifier") == null) {
                                return new Verification(false, checked, pending(c),
                                        new Mismatch(after, rs.getLong("chained_index"), eventId, "the event is missing from the store"),
                                        verifiedCheckpoints, null);
                            }
                            byte[] expected = link(previous, rs);
                            if (!MessageDigest.isEqual(expected, rs.getBytes("link"))) {
                                return new Verification(false, checked, pending(c), new Mismatch(after, rs.getLong("chained_index"),
                                        eventId, "the stored event differs from the one chained at position " + after),
                                        verifiedCheckpoints, null);
                            }
                            previous = expected;
                            checked++;
                            if (next != null && next.position() == after) {
                                String why = !next.verifies(trusted) ? "its signature does not verify with a trusted public key"
                                        : !hex(expected).equals(next.link()) ? "the link recomputed at position " + after
                                                + " differs from the signed one: events up to here were rewritten"
                                        : checked != next.count() ? "the chain holds " + checked + " events up to position " + after
                                                + ", the checkpoint signed " + next.count()
                                        : null;
                                if (why != null) {
                                    return failed(c, checked, verifiedCheckpoints, lastGood, next, why);
                                }
                                verifiedCheckpoints++;
                                lastGood = after;
                                next = cps.hasNext() ? cps.next() : null;
                            }
                        }
                    }
                }
                if (rows == 0) {
                    if (next != null) {
                        return failed(c, checked, verifiedCheckpoints, lastGood, next, "the chain ends at position " + after
                                + ", before the signed checkpoint at position " + next.position() + ": its tail was cut");
                    }
                    Mismatch stale = unchainedPastGapWindow(c, Duration.ofMillis(axon.get().gapSettings().gapTimeoutMillis()));
                    if (stale != null) {
                        return new Verification(false, checked, pending(c), stale, verifiedCheckpoints, null);
                    }
                    return new Verification(true, checked, pending(c), null, verifiedCheckpoints, null);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the hash chain", e);
        }
    }

    /**
     * A checkpoint the chain no longer agrees with. Every link recomputed, so the change is
     * somewhere after the last checkpoint that held: the first event from there is named, or, when
     * the checkpoint's own event is gone (a cut tail), that event.
     */
    private Verification failed(Connection c, long checked, long verifiedCheckpoints, long lastGood, AuditVerifier.Checkpoint cp,
            String reason) throws SQLException {
        Mismatch first = null;
        boolean gone;
        try (PreparedStatement s = c.prepareStatement("select 1 from event_hash_chain where position = ?")) {
            s.setLong(1, cp.position());
            try (ResultSet rs = s.executeQuery()) {
                gone = !rs.next();
            }
        }
        if (!gone) try (PreparedStatement s = c.prepareStatement(
                "select position, global_index, event_identifier from event_hash_chain where position > ? order by position limit 1")) {
            s.setLong(1, lastGood);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getLong(1) <= cp.position()) {
                    first = new Mismatch(rs.getLong(1), rs.getLong(2), rs.getString(3), "the first event after the last checkpoint "
                            + "that verifies (position " + lastGood + "); the chain from here to position " + cp.position()
                            + " does not match the signed checkpoint");
                }
            }
        }
        if (first == null) {
            first = new Mismatch(cp.position(), cp.globalIndex(), cp.eventId(), "signed by the checkpoint at position " + cp.position()
                    + " and no longer in the chain" + (gone ? ": removed, or the tail was cut" : ""));
        }
        return new Verification(false, checked, pending(c), first, verifiedCheckpoints, CheckpointFailure.of(cp, reason));
    }

    /**
     * The first stored event the chain skipped for good. Every reader of the store, the chain's
     * processor among them, waits for a gap in the global index only for the gap window: an
     * unchained event stamped before now minus that window will never be chained, yet event
     * sourcing loads it. It was inserted behind the processors' back (a back-dated row in a gap
     * they passed, or a moved token), or the chain's processor is stalled: either way the chain no
     * longer vouches for the store. Position 0: the event holds no chain position.
     */
    Mismatch unchainedPastGapWindow(Connection c, Duration gapWindow) throws SQLException {
        Instant cutoff = Instant.now().minus(gapWindow);
        try (PreparedStatement s = c.prepareStatement("select e.global_index, e.event_identifier, e.time_stamp from domain_event_entry e "
                + "where not exists (select 1 from event_hash_chain h where h.event_identifier = e.event_identifier) "
                + "order by e.global_index")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String stamp = rs.getString(3);
                    String why = AuditVerifier.staleness(stamp, cutoff, gapWindow);
                    if (why != null) {
                        return new Mismatch(0, rs.getLong(1), rs.getString(2), why);
                    }
                }
            }
        }
        return null;
    }

    /** Events stored but not chained yet (the processor is a moment behind), or rows inserted behind its back. */
    private static long pending(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry e where not exists "
                + "(select 1 from event_hash_chain h where h.event_identifier = e.event_identifier)");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The link of a stored row: see {@link AuditVerifier#link}, which the offline verifier shares. */
    static byte[] link(byte[] previous, ResultSet rs) throws SQLException {
        return AuditVerifier.link(previous, rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getString("time_stamp"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    public static String hex(byte[] link) {
        return HexFormat.of().formatHex(link);
    }

}
