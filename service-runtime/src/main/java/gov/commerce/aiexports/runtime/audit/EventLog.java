package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the service's event store as stored, by aggregate or as the ordered stream, a page at a time. */
@Singleton
public class EventLog {

    private static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    /** A filter on the ordered stream; every field optional. */
    public record Filter(String eventType, Instant from, Instant to, long after) {
    }

    @Inject
    AgroalDataSource dataSource;

    private final ObjectMapper json = EventCodec.mapper();

    public List<StoredEvent> ofAggregate(String aggregateId) {
        return query("select " + COLUMNS + " from domain_event_entry e where e.aggregate_identifier = ? order by e.sequence_number",
                aggregateId);
    }

    /** One aggregate's events after a sequence number (-1: from the first), in order, at most limit of them. */
    public List<StoredEvent> ofAggregate(String aggregateId, long afterSequence, int limit) {
        return query("select " + COLUMNS + " from domain_event_entry e where e.aggregate_identifier = ? and e.sequence_number > ? "
                + "order by e.sequence_number limit ?", aggregateId, afterSequence, limit);
    }

    /** Events after a global position, in order, at most limit of them. */
    public List<StoredEvent> page(Filter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + COLUMNS + " from domain_event_entry e" + where(filter, limit, params);
        return query(sql, params.toArray());
    }

    /** A page of the stream read from a cursor, and the cursor to read the next from. */
    public record CursorPage(List<StoredEvent> items, StreamCursor next) {
    }

    /**
     * The events after the cursor's position and those of its gaps that have committed since, in
     * order of position, at most limit of them (the filter's after is ignored: the cursor says
     * where). The next cursor holds the positions passed over that may still commit, by the rules
     * the tracking processors use ({@code gaps}): none is read twice, none is skipped.
     */
    public CursorPage page(Filter filter, StreamCursor cursor, int limit, gov.commerce.aiexports.runtime.axon.GapSettings gaps,
            Instant now) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from domain_event_entry e where (e.global_index > ?");
        params.add(cursor.after());
        if (!cursor.gaps().isEmpty()) {
            sql.append(" or e.global_index = any (?)");
            params.add(cursor.gaps().toArray(new Long[0]));
        }
        sql.append(")").append(conditions(filter, params)).append(" order by e.global_index limit ?");
        params.add(limit);
        // one snapshot for the page and for what it passed over: an event committing in between is either in both or in neither
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                List<StoredEvent> items = query(c, sql.toString(), params.toArray());
                List<Long> read = items.stream().map(StoredEvent::globalIndex).toList();
                // with a filter, events of other types past the last one read are read past again next time, not skipped
                long newAfter = read.stream().mapToLong(Long::longValue).max().orElse(cursor.after());
                List<Long> missing = missing(c, Math.max(cursor.after(), newAfter - gaps.maxGapOffset()), newAfter);
                StreamCursor next = cursor.advance(read, missing);
                next = next.without(givenUp(c, next, gaps, now));
                c.commit();
                return new CursorPage(items, next);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    /** Positions in (from, to] with no event in the store (yet). */
    private static List<Long> missing(Connection c, long from, long to) throws SQLException {
        List<Long> missing = new ArrayList<>();
        if (to <= from) {
            return missing;
        }
        try (PreparedStatement count = c.prepareStatement(
                "select count(*) from domain_event_entry where global_index > ? and global_index <= ?")) {
            count.setLong(1, from);
            count.setLong(2, to);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == to - from) {
                    return missing;
                }
            }
        }
        // each position present, with the one before it (from itself for the first): the holes between them are missing
        try (PreparedStatement holes = c.prepareStatement("select global_index, lag(global_index, 1, ?::bigint) over (order by global_index)"
                + " from domain_event_entry where global_index > ? and global_index <= ?")) {
            holes.setLong(1, from);
            holes.setLong(2, from);
            holes.setLong(3, to);
            try (ResultSet rs = holes.executeQuery()) {
                while (rs.next()) {
                    for (long g = rs.getLong(2) + 1; g < rs.getLong(1); g++) {
                        missing.add(g);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * The gaps no transaction can fill any more: too far behind the cursor, or the event after
     * them was stored longer ago than the longest transaction (with the clocks' skew) may last.
     */
    private static List<Long> givenUp(Connection c, StreamCursor cursor, gov.commerce.aiexports.runtime.axon.GapSettings gaps,
            Instant now) throws SQLException {
        List<Long> givenUp = new ArrayList<>();
        List<Long> open = new ArrayList<>();
        for (long g : cursor.gaps()) {
            (g <= cursor.after() - gaps.maxGapOffset() ? givenUp : open).add(g);
        }
        if (open.isEmpty()) {
            return givenUp;
        }
        Instant oldest = now.minusMillis(gaps.gapTimeoutMillis());
        try (PreparedStatement s = c.prepareStatement("select g, (select e.time_stamp from"
                + " domain_event_entry e where e.global_index > g order by e.global_index limit 1) from unnest(?::bigint[]) g")) {
            s.setArray(1, c.createArrayOf("bigint", open.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String stamp = rs.getString(2);
                    if (stamp != null && Instant.parse(stamp).isBefore(oldest)) {
                        givenUp.add(rs.getLong(1));
                    }
                }
            }
        }
        return givenUp;
    }

    /** One event as exported: as auditors read it, plus the exact stored bytes and its link, to recompute the chain offline. */
    public record Exported(StoredEvent event, Long chainPosition, byte[] link, byte[] payload, byte[] metadata) {
    }

    /** Like {@link #page}, with each event's raw bytes and its place in the hash chain (null until chained). */
    public List<Exported> exportPage(Filter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + COLUMNS + ", h.position as chain_position, h.link as chain_link from domain_event_entry e "
                + "left join event_hash_chain h on h.event_identifier = e.event_identifier" + where(filter, limit, params);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<Exported> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long position = rs.getLong("chain_position");
                    Long chained = rs.wasNull() ? null : position;
                    events.add(new Exported(read(rs), chained, rs.getBytes("chain_link"),
                            rs.getBytes("payload"), rs.getBytes("meta_data")));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private static String where(Filter filter, int limit, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where e.global_index > ?");
        params.add(filter.after());
        sql.append(conditions(filter, params));
        sql.append(" order by e.global_index limit ?");
        params.add(limit);
        return sql.toString();
    }

    /** The filter's conditions but the position, each starting with " and". */
    private static String conditions(Filter filter, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (filter.eventType() != null) {
            // the full class name, or its last part as in ProposalEvent$Submitted or Submitted
            sql.append(" and (e.payload_type = ? or e.payload_type like ? or e.payload_type like ?)");
            params.add(filter.eventType());
            params.add("%." + filter.eventType());
            params.add("%$" + filter.eventType());
        }
        if (filter.from() != null) {
            sql.append(" and cast(e.time_stamp as timestamptz) >= ?");
            params.add(java.sql.Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and cast(e.time_stamp as timestamptz) < ?");
            params.add(java.sql.Timestamp.from(filter.to()));
        }
        return sql.toString();
    }

    public long head() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select coalesce(max(global_index), 0) from domain_event_entry");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store's head", e);
        }
    }

    private List<StoredEvent> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    private List<StoredEvent> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i] instanceof Long[] positions ? c.createArrayOf("bigint", positions) : params[i]);
            }
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        }
    }

    StoredEvent read(ResultSet rs) throws SQLException {
        JsonNode meta = tree(rs.getBytes("meta_data"));
        JsonNode roles = meta.path(MetadataKeys.ACTOR_ROLES);
        List<String> roleList = new ArrayList<>();
        roles.forEach(r -> roleList.add(r.asText()));
        return new StoredEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("type"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                rs.getString("payload_type"),
                rs.getString("payload_revision"),
                rs.getString("time_stamp"),
                new StoredEvent.Actor(text(meta, MetadataKeys.ACTOR_SUBJECT), text(meta, MetadataKeys.ACTOR_ORGANISATION), roleList),
                text(meta, MetadataKeys.COMMAND),
                text(meta, MetadataKeys.CORRELATION_ID),
                text(meta, MetadataKeys.CAUSATION_ID),
                text(meta, MetadataKeys.SOURCE_EVENT_ID),
                tree(rs.getBytes("payload")),
                meta);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // not JSON: show it as text rather than hide it from the auditor
            return json.getNodeFactory().textNode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
