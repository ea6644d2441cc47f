package gov.commerce.aiexports.proposals.disclosure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The account of disclosure: who read which confidential sections of a proposal, when and through
 * which path. A read only enqueues its record (no database round trip on the read path); one
 * background thread writes what is queued every flush interval as one JDBC batch, and the queue is
 * drained on shutdown. A crash (kill -9, power loss) loses at most the records of the last flush
 * interval (200 ms by default); a failed write keeps the records queued and tries again. A full
 * queue (the database unreachable for long) makes the reader write its own record, so nothing is
 * ever dropped silently.
 */
@Singleton
public class DisclosureAccount {

    private static final Logger LOG = Logger.getLogger(DisclosureAccount.class);
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 1000;

    /** One read of confidential sections by someone outside the owning consortium. */
    public record Entry(String proposalId, String subject, String organisation, List<String> roles, Instant readAt,
            List<String> sections, String path, String correlationId) {
    }

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "aiexports.disclosure.flush-interval-ms", defaultValue = "200")
    long flushIntervalMs;

    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Object writing = new Object();
    private ScheduledExecutorService flusher;

    void start(@Observes StartupEvent started) {
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "disclosure-account");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, flushIntervalMs, flushIntervalMs, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushQuietly();
    }

    public void record(Entry entry) {
        if (!queue.offer(entry)) {
            flush();
            if (!queue.offer(entry)) {
                write(List.of(entry));
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("disclosure account not written yet (%d queued), will retry: %s", queue.size(), e.toString());
        }
    }

    /** Writes everything queued so far; readers of the account call it first, so they see every read before theirs. */
    public void flush() {
        synchronized (writing) {
            while (!queue.isEmpty()) {
                List<Entry> batch = new ArrayList<>(BATCH);
                queue.drainTo(batch, BATCH);
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    // back in the queue, ahead of nothing lost; order is kept by read_at, not by id
                    batch.forEach(queue::offer);
                    throw e;
                }
            }
        }
    }

    /** Writes these entries now, in the caller's transaction if any (reads accounted for by other services, as consumed). */
    public void writeNow(List<Entry> entries) {
        write(entries);
    }

    private void write(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into disclosure_record (proposal_id, subject, organisation, roles,"
                     + " read_at, sections, path, correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : batch) {
                s.setString(1, e.proposalId());
                s.setString(2, e.subject());
                s.setString(3, e.organisation());
                s.setString(4, String.join(",", e.roles()));
                s.setTimestamp(5, Timestamp.from(e.readAt()));
                s.setString(6, String.join(",", e.sections()));
                s.setString(7, e.path());
                s.setString(8, e.correlationId());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("disclosure account write failed", e);
        }
    }

    /**
     * A page of the account of one proposal, oldest first (read_at, then id: a stable order for the
     * cursor, which names the last row given).
     */
    public gov.commerce.aiexports.runtime.paging.Slice<Entry> page(String proposalId,
            gov.commerce.aiexports.runtime.paging.PageRequest request) {
        flush();
        List<String> after = request.cursor() == null ? null
                : gov.commerce.aiexports.runtime.paging.Cursor.decode(request.cursor(), "readAt", 2);
        List<Entry> entries = new ArrayList<>();
        String last = null;
        String lastId = null;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select proposal_id, subject, organisation, roles, read_at, sections, path,"
                     + " correlation_id, read_at::text as read_at_key, id from disclosure_record where proposal_id = ?"
                     + (after == null ? "" : " and (read_at > cast(? as timestamptz) or (read_at = cast(? as timestamptz) and id > ?))")
                     + " order by disclosure_record.read_at, id limit ?")) {
            int i = 1;
            s.setString(i++, proposalId);
            if (after != null) {
                long id;
                try {
                    id = Long.parseLong(after.get(1));
                } catch (NumberFormatException e) {
                    throw new gov.commerce.aiexports.runtime.domain.InvalidInput(gov.commerce.aiexports.runtime.paging.Cursor.CURSOR_INVALID,
                            "/cursor", "cursor is the value given by this list's Link: rel=\"next\"; start again without one");
                }
                s.setString(i++, after.get(0));
                s.setString(i++, after.get(0));
                s.setLong(i++, id);
            }
            s.setInt(i, request.limit() + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (entries.size() == request.limit()) {
                        return new gov.commerce.aiexports.runtime.paging.Slice<>(entries,
                                gov.commerce.aiexports.runtime.paging.Cursor.encode("readAt", List.of(last, lastId)));
                    }
                    entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                            rs.getTimestamp(5).toInstant(), List.of(rs.getString(6).split(",")), rs.getString(7), rs.getString(8)));
                    last = rs.getString(9);
                    lastId = rs.getString(10);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("disclosure account read failed", e);
        }
        return new gov.commerce.aiexports.runtime.paging.Slice<>(entries, null);
    }

    /** The account of one proposal, oldest first. */
    public List<Entry> of(String proposalId) {
        flush();
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select proposal_id, subject, organisation, roles, read_at, sections, path,"
                     + " correlation_id from disclosure_record where proposal_id = ? order by read_at, id")) {
            s.setString(1, proposalId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rs.getString(4).split(",")),
                            rs.getTimestamp(5).toInstant(), List.of(rs.getString(6).split(",")), rs.getString(7), rs.getString(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("disclosure account read failed", e);
        }
        return entries;
    }
}
