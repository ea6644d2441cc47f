package gov.commerce.aiexports.runtime.consuming;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The dead_letter table: what the consumer gave up on, and what operators' redeliveries made of it. */
@Singleton
public class DeadLetters {

    public static final String DEAD_LETTERED = "DEAD_LETTERED";
    public static final String REDELIVERED = "REDELIVERED";
    public static final List<String> STATUSES = List.of(DEAD_LETTERED, REDELIVERED);

    /** Outcomes of a redelivery. */
    public static final String APPLIED = "APPLIED";
    public static final String ALREADY_APPLIED = "ALREADY_APPLIED";
    public static final String FAILED = "FAILED";

    private static final int REASON_MAX = 4_000;

    @Inject
    AgroalDataSource dataSource;

    /** The last redelivery of a dead letter. */
    public record Redelivery(String requestedBy, Instant requestedAt, String outcome, String reason) {
    }

    /** A dead letter as operators see it: where the record came from, why it was given up, what became of it; not its content. */
    public record View(UUID id, String topic, int partition, long offset, String key, UUID eventId, String eventType,
            Integer schemaVersion, String rule, String reason, int attempts, Instant deadLetteredAt, String status, int redeliveries,
            Redelivery lastRedelivery) {
    }

    /** {@code page} is null on a page reached by cursor; {@code next} is the cursor of the next page (also in Link). */
    public record Page(List<View> items, Integer page, int size, long total, String next) {
    }

    /** A stored record, for a redelivery. */
    record Stored(View view, byte[] value) {
    }

    /** The same record (topic, partition, offset) always has the same id, so a second dead-lettering finds the first. */
    static UUID idOf(String consumer, String topic, int partition, long offset) {
        return UUID.nameUUIDFromBytes((consumer + "|" + topic + "|" + partition + "|" + offset).getBytes(StandardCharsets.UTF_8));
    }

    void record(UUID id, String topic, int partition, long offset, String key, UUID eventId, String eventType, Integer schemaVersion,
            String rule, String reason, int attempts, byte[] value) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into dead_letter (id, topic, partition_no, kafka_offset, record_key, "
                     + "event_id, event_type, schema_version, rule, reason, attempts, record_value, status) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setInt(3, partition);
            insert.setLong(4, offset);
            insert.setString(5, key == null ? null : truncate(key, 1000));
            insert.setObject(6, eventId);
            insert.setString(7, eventType == null ? null : truncate(eventType, 255));
            insert.setObject(8, schemaVersion);
            insert.setString(9, rule);
            insert.setString(10, truncate(reason, REASON_MAX));
            insert.setInt(11, attempts);
            insert.setBytes(12, value);
            insert.setString(13, DEAD_LETTERED);
            insert.executeUpdate();
        }
    }

    /** Newest first, then by id: the order of page numbers and cursors. */
    static final gov.commerce.aiexports.runtime.paging.Keyset ORDER = gov.commerce.aiexports.runtime.paging.Keyset.named("deadLetteredAt")
            .desc("d.dead_lettered_at", "timestamptz").asc("d.id::text").build();

    /** A page by page number ({@code offset}) or by the request's cursor; {@code next} is the following page's cursor. */
    public Page list(String status, gov.commerce.aiexports.runtime.paging.PageRequest paging, Integer page) {
        String where = status == null ? " where true" : " where d.status = ?";
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = c.prepareStatement("select count(*) from dead_letter d" + where)) {
                if (status != null) {
                    count.setString(1, status);
                }
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> params = new ArrayList<>();
            if (status != null) {
                params.add(status);
            }
            String after = "";
            if (paging.cursor() != null) {
                after = " and " + ORDER.after(gov.commerce.aiexports.runtime.paging.Cursor.decode(paging.cursor(), ORDER.name(),
                        ORDER.keys().size()), params);
            }
            params.add(paging.limit() + 1);
            params.add(paging.offset(page));
            List<View> items = new ArrayList<>();
            List<String> lastKeys = null;
            boolean more = false;
            try (PreparedStatement select = c.prepareStatement(COLUMNS + ", " + ORDER.keyColumns() + FROM + where + after
                    + " order by " + ORDER.orderBy() + " limit ? offset ?")) {
                for (int i = 0; i < params.size(); i++) {
                    select.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    int keys = rs.getMetaData().getColumnCount() - ORDER.keys().size();
                    while (rs.next()) {
                        if (items.size() == paging.limit()) {
                            more = true;
                            break;
                        }
                        items.add(view(rs));
                        lastKeys = new ArrayList<>();
                        for (int i = 1; i <= ORDER.keys().size(); i++) {
                            lastKeys.add(rs.getString(keys + i));
                        }
                    }
                }
            }
            String next = more ? gov.commerce.aiexports.runtime.paging.Cursor.encode(ORDER.name(), lastKeys) : null;
            return new Page(items, paging.first() ? (page == null ? 0 : page) : null, paging.limit(), total, next);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list dead letters", e);
        }
    }

    public Optional<View> find(UUID id) {
        return stored(id, false).map(Stored::view);
    }

    /** The stored record; {@code lock} takes the row for the current transaction, so that redeliveries of it queue. */
    Optional<Stored> stored(UUID id, boolean lock) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(COLUMNS + ", d.record_value" + FROM + " where d.id = ?"
                     + (lock ? " for update of d" : ""))) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(view(rs), rs.getBytes("record_value"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dead letter " + id, e);
        }
    }

    /** Records a redelivery's outcome; an applied (or already applied) record's dead letter is closed. */
    void recordRedelivery(UUID id, String requestedBy, Instant at, String outcome, String reason) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into dead_letter_redelivery "
                    + "(dead_letter_id, requested_by, requested_at, outcome, reason) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, truncate(requestedBy, 255));
                insert.setTimestamp(3, Timestamp.from(at));
                insert.setString(4, outcome);
                insert.setString(5, reason == null ? null : truncate(reason, REASON_MAX));
                insert.executeUpdate();
            }
            if (!FAILED.equals(outcome)) {
                try (PreparedStatement update = c.prepareStatement("update dead_letter set status = ? where id = ?")) {
                    update.setString(1, REDELIVERED);
                    update.setObject(2, id);
                    update.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the redelivery of dead letter " + id, e);
        }
    }

    private static final String COLUMNS = "select d.id, d.topic, d.partition_no, d.kafka_offset, d.record_key, d.event_id, d.event_type, "
            + "d.schema_version, d.rule, d.reason, d.attempts, d.dead_lettered_at, d.status, "
            + "(select count(*) from dead_letter_redelivery r where r.dead_letter_id = d.id) as redeliveries, "
            + "l.requested_by, l.requested_at, l.outcome, l.reason as outcome_reason";
    private static final String FROM = " from dead_letter d left join lateral (select * from dead_letter_redelivery r where r.dead_letter_id = d.id "
            + "order by r.id desc limit 1) l on true";

    private static View view(ResultSet rs) throws SQLException {
        Timestamp requestedAt = rs.getTimestamp("requested_at");
        Redelivery last = requestedAt == null ? null
                : new Redelivery(rs.getString("requested_by"), requestedAt.toInstant(), rs.getString("outcome"), rs.getString("outcome_reason"));
        int version = rs.getInt("schema_version");
        Integer schemaVersion = rs.wasNull() ? null : version;
        return new View(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getInt("partition_no"), rs.getLong("kafka_offset"),
                rs.getString("record_key"), rs.getObject("event_id", UUID.class), rs.getString("event_type"), schemaVersion,
                rs.getString("rule"), rs.getString("reason"), rs.getInt("attempts"), rs.getTimestamp("dead_lettered_at").toInstant(),
                rs.getString("status"), rs.getInt("redeliveries"), last);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
