package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

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
    private static final byte[] GENESIS = new byte[32];
    private static final String EVENT_COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean verified, long events, long pending, Mismatch firstMismatch) {
    }

    public record Mismatch(long position, long globalIndex, String eventId, String reason) {
    }

    @Inject
    AgroalDataSource dataSource;

    @EventHandler
    public void on(Object payload, EventMessage<?> message) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            byte[] previous = GENESIS;
            try (PreparedStatement s = c.prepareStatement("select link from event_hash_chain order by position desc limit 1");
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    previous = rs.getBytes(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select " + EVENT_COLUMNS
                    + " from domain_event_entry e where e.event_identifier = ?")) {
                s.setString(1, message.getIdentifier());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("event " + message.getIdentifier() + " is not in the store");
                    }
                    byte[] link = link(previous, rs);
                    try (PreparedStatement insert = c.prepareStatement(
                            "insert into event_hash_chain (global_index, event_identifier, link) values (?, ?, ?) "
                                    + "on conflict (event_identifier) do nothing")) {
                        insert.setLong(1, rs.getLong("global_index"));
                        insert.setString(2, message.getIdentifier());
                        insert.setBytes(3, link);
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    /** Recomputes the chain from the stored events, a page at a time. */
    public Verification verify() {
        byte[] previous = GENESIS;
        long checked = 0;
        long after = 0;
        try (Connection c = dataSource.getConnection()) {
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
                            if (rs.getString("event_identifier") == null) {
                                return new Verification(false, checked, pending(c),
                                        new Mismatch(after, rs.getLong("chained_index"), eventId, "the event is missing from the store"));
                            }
                            byte[] expected = link(previous, rs);
                            if (!MessageDigest.isEqual(expected, rs.getBytes("link"))) {
                                return new Verification(false, checked, pending(c), new Mismatch(after, rs.getLong("chained_index"),
                                        eventId, "the stored event differs from the one chained at position " + after));
                            }
                            previous = expected;
                            checked++;
                        }
                    }
                }
                if (rows == 0) {
                    return new Verification(true, checked, pending(c), null);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the hash chain", e);
        }
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

    /** SHA-256 over the previous link and the event row's fields, each length-prefixed so no two rows encode alike. */
    static byte[] link(byte[] previous, ResultSet rs) throws SQLException {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        field(canonical, previous);
        field(canonical, text(rs.getLong("global_index")));
        field(canonical, text(rs.getString("event_identifier")));
        field(canonical, text(rs.getString("aggregate_identifier")));
        field(canonical, text(rs.getLong("sequence_number")));
        field(canonical, text(rs.getString("type")));
        field(canonical, text(rs.getString("payload_type")));
        field(canonical, text(rs.getString("payload_revision")));
        field(canonical, text(rs.getString("time_stamp")));
        field(canonical, rs.getBytes("payload"));
        field(canonical, rs.getBytes("meta_data"));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] link) {
        return HexFormat.of().formatHex(link);
    }

    private static byte[] text(Object value) {
        return value == null ? new byte[0] : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] bytes) {
        byte[] b = bytes == null ? new byte[0] : bytes;
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : b.length).array());
        out.writeBytes(b);
    }
}
