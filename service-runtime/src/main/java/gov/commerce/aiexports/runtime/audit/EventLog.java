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

    /** Events after a global position, in order, at most limit of them. */
    public List<StoredEvent> page(Filter filter, int limit) {
        List<Object> params = new ArrayList<>();
        String sql = "select " + COLUMNS + " from domain_event_entry e" + where(filter, limit, params);
        return query(sql, params.toArray());
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
        sql.append(" order by e.global_index limit ?");
        params.add(limit);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(read(rs));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
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
