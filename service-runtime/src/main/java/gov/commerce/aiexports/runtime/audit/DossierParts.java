package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.EventCodec;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's part of a decision dossier: the events of a case, each with its place in the
 * hash chain and the link before it, the signed checkpoints that cover them, and the chain's
 * events between each of them and its checkpoint (witnesses: only their stored bytes, so the
 * offline verifier can recompute every link up to the signed one). The selection: the events of
 * the aggregates named, and of every event whose payload mentions one of the values; the
 * aggregates of the types named "whole" that such an event belongs to are taken whole, and what
 * mentions them is taken too (a budget's obligation of a request, a delivery of a notification).
 */
@Singleton
public class DossierParts {

    /** How one service's events of a case are chosen. */
    public record Selection(Set<String> aggregates, Set<String> mentions, Set<String> whole) {
    }

    /** One chained (or not yet chained) row of the selection or a witness. */
    public record Row(EventLog.Exported exported, Long previousPosition, byte[] previousLink, boolean witness) {
    }

    /** The part: its rows by chain position (unchained ones after), the checkpoints covering them, the aggregates taken whole. */
    public record Part(String service, AuditSigningKey.Published key, List<Row> rows, List<AuditVerifier.Checkpoint> checkpoints,
            Set<String> wholeAggregates) {
    }

    private static final String COLUMNS = "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, "
            + "e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data, h.position as chain_position, "
            + "h.link as chain_link, prev.position as prev_position, prev.link as prev_link";
    private static final String FROM = " from domain_event_entry e left join event_hash_chain h on h.event_identifier = e.event_identifier "
            + "left join lateral (select p.position, p.link from event_hash_chain p where p.position < h.position "
            + "order by p.position desc limit 1) prev on h.position is not null ";
    private static final String MENTIONS = "exists (select 1 from unnest(?::text[]) m(v) where position(m.v in convert_from(e.payload, 'UTF8')) > 0)";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventLog log;
    @Inject
    AuditSigningKey keys;
    @Inject
    AuditCheckpoints checkpoints;

    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;

    private final ObjectMapper json = EventCodec.mapper();

    public Part part(Selection selection) {
        try (Connection c = dataSource.getConnection()) {
            // the aggregates of the types taken whole that the named ones or a mention reach
            Set<String> whole = new LinkedHashSet<>();
            if (!selection.whole().isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("select distinct e.aggregate_identifier from domain_event_entry e "
                        + "where e.type = any(?) and (e.aggregate_identifier = any(?) or " + MENTIONS + ")")) {
                    s.setArray(1, array(c, selection.whole()));
                    s.setArray(2, array(c, selection.aggregates()));
                    s.setArray(3, array(c, selection.mentions()));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            whole.add(rs.getString(1));
                        }
                    }
                }
            }
            Set<String> aggregates = new LinkedHashSet<>(selection.aggregates());
            aggregates.addAll(whole);
            Set<String> mentions = new LinkedHashSet<>(selection.mentions());
            mentions.addAll(whole);
            TreeMap<Long, Row> chained = new TreeMap<>();
            List<Row> unchained = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + FROM
                    + "where e.aggregate_identifier = any(?) or " + MENTIONS + " order by e.global_index")) {
                s.setArray(1, array(c, aggregates));
                s.setArray(2, array(c, mentions));
                for (Row r : rows(s, false)) {
                    if (r.exported().chainPosition() == null) {
                        unchained.add(r);
                    } else {
                        chained.put(r.exported().chainPosition(), r);
                    }
                }
            }
            // each chained event's covering checkpoint: the first signed at or after its position
            List<AuditVerifier.Checkpoint> covering = new ArrayList<>();
            TreeMap<Long, Long> ranges = new TreeMap<>();
            AuditVerifier.Checkpoint current = null;
            for (Long position : chained.keySet()) {
                if (current == null || current.position() < position) {
                    current = checkpoints.page(position - 1, 1).stream().findFirst().orElse(null);
                    if (current == null) {
                        break;
                    }
                    covering.add(current);
                }
                ranges.merge(position, current.position(), Math::max);
            }
            // the witnesses: every chained event between a selected one and its checkpoint
            long reached = 0;
            for (var range : ranges.entrySet()) {
                long from = Math.max(range.getKey(), reached);
                long to = range.getValue();
                if (to <= from) {
                    continue;
                }
                try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + FROM
                        + "where h.position > ? and h.position <= ? order by h.position")) {
                    s.setLong(1, from);
                    s.setLong(2, to);
                    for (Row r : rows(s, true)) {
                        chained.putIfAbsent(r.exported().chainPosition(), r);
                    }
                }
                reached = to;
            }
            List<Row> all = new ArrayList<>(chained.values());
            all.addAll(unchained);
            return new Part(serviceName, keys.published(), all, covering, whole);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store for a dossier", e);
        }
    }

    /** The part as NDJSON lines: a header, then each event or witness, then each checkpoint. */
    public List<ObjectNode> lines(Part part) {
        List<ObjectNode> lines = new ArrayList<>();
        ObjectNode header = json.createObjectNode();
        header.put("record", "part");
        header.put("service", part.service());
        header.set("publicKey", json.valueToTree(part.key()));
        header.put("events", part.rows().stream().filter(r -> !r.witness()).count());
        header.put("witnesses", part.rows().stream().filter(Row::witness).count());
        header.put("checkpoints", part.checkpoints().size());
        header.set("wholeAggregates", json.valueToTree(part.wholeAggregates()));
        lines.add(header);
        Base64.Encoder b64 = Base64.getEncoder();
        for (Row r : part.rows()) {
            EventLog.Exported e = r.exported();
            ObjectNode line = json.createObjectNode();
            line.put("record", r.witness() ? "witness" : "event");
            line.put("service", part.service());
            if (r.witness()) {
                // only what its link is made of: the dossier's reader needs no view of it
                StoredEvent s = e.event();
                line.put("globalIndex", s.globalIndex());
                line.put("eventId", s.eventId());
                line.put("aggregateType", s.aggregateType());
                line.put("aggregateId", s.aggregateId());
                line.put("sequenceNumber", s.sequenceNumber());
                line.put("eventType", s.eventType());
                line.put("payloadRevision", s.payloadRevision());
                line.put("occurredAt", s.occurredAt());
            } else {
                line.setAll((ObjectNode) json.valueToTree(e.event()));
            }
            if (e.chainPosition() != null) {
                line.put("chainPosition", e.chainPosition());
                line.put("link", HashChain.hex(e.link()));
                if (r.previousPosition() != null) {
                    line.put("previousPosition", r.previousPosition());
                    line.put("previousLink", HashChain.hex(r.previousLink()));
                }
            }
            line.put("rawPayload", b64.encodeToString(e.payload()));
            if (e.metadata() != null) {
                line.put("rawMetadata", b64.encodeToString(e.metadata()));
            }
            lines.add(line);
        }
        for (AuditVerifier.Checkpoint cp : part.checkpoints()) {
            ObjectNode line = json.createObjectNode();
            line.put("record", "checkpoint");
            line.setAll((ObjectNode) json.valueToTree(cp));
            lines.add(line);
        }
        return lines;
    }

    private List<Row> rows(PreparedStatement s, boolean witness) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long position = rs.getLong("chain_position");
                Long chained = rs.wasNull() ? null : position;
                long prev = rs.getLong("prev_position");
                Long previous = rs.wasNull() ? null : prev;
                rows.add(new Row(new EventLog.Exported(log.read(rs), chained, rs.getBytes("chain_link"), rs.getBytes("payload"),
                        rs.getBytes("meta_data")), previous, rs.getBytes("prev_link"), witness));
            }
        }
        return rows;
    }

    private static Array array(Connection c, Set<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray(new String[0]));
    }
}
