package gov.commerce.aiexports.runtime.readmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds a read model from the event store while the service keeps answering: the projection's
 * own handlers replay every event into shadow tables beside the live ones; once caught up, the
 * live tables are locked against writes (reads go on), the last events are applied, the live rows
 * that differ from the shadow's are written (those alike are left alone) and the lock is released,
 * all in one transaction. Reading continues from the gap-aware token, so events committed out of
 * order during the replay are not missed.
 *
 * <p>One replay at a time per service, across all its instances: the instance that runs one holds
 * a PostgreSQL advisory lock on a connection of its own for the replay's whole length (released by
 * the server should the instance die), and writes its progress to {@code projection_replay}, which
 * every instance reads. A second start, on any instance, is refused with {@code REPLAY_RUNNING}
 * naming the replay that runs.
 */
@Singleton
public class ProjectionReplayer {

    private static final Logger LOG = Logger.getLogger(ProjectionReplayer.class);
    /** Chunks read ahead of the one being applied: with one applied and one written, four chunks at most in memory. */
    private static final int READ_AHEAD = 2;
    private static final String SHADOW = "__replay";
    /** The advisory lock's two keys: this program's ("AIXP") and the replay guard's. */
    private static final int LOCK_SPACE = 0x41495850;
    private static final int LOCK_REPLAY = 1;
    /** Progress is written at most this often (and at every change of status). */
    private static final long PROGRESS_EVERY_NANOS = 250_000_000L;

    public enum Status { LIVE, REPLAYING, SWITCHING, FAILED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String name, List<String> tables, Status status, long position, long total, long eventsApplied,
            double eventsPerSecond, long lag, Instant startedAt, Instant finishedAt, String error, String instance) {
    }

    @Inject
    AxonRuntime axon;
    @Inject
    ServiceModule module;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    gov.commerce.aiexports.runtime.audit.EventLog log;
    @Inject
    Documents documents;
    /**
     * Events per chunk of a replay (a transaction each): one query's worth of the storage engine's reads
     * (AxonRuntime). The tests set a few, so that a row changes across chunks.
     */
    @ConfigProperty(name = "aiexports.replay.chunk-size", defaultValue = "1000")
    int chunkSize;

    /** This instance as the token store names it (pid@host), so operators find it in token_entry.owner too. */
    private final String instance = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-replay");
        t.setDaemon(true);
        return t;
    });
    /** Writes a replay's chunks while the replay's thread applies the next one. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-replay-write");
        t.setDaemon(true);
        return t;
    });

    public List<Progress> all() {
        long head = log.head();
        Map<String, Progress> stored = stored();
        boolean running = stored.values().stream().anyMatch(ProjectionReplayer::running) && lockHeldSomewhere();
        return projections().entrySet().stream().map(e -> {
            Progress p = stored.get(e.getKey());
            if (p == null) {
                return new Progress(e.getKey(), tables(e.getValue()), Status.LIVE, head, head, 0, 0, 0, null, null, null, null);
            }
            if (running(p) && !running) {
                // the instance that ran it died (its lock went with its connection): the live tables were never touched
                return new Progress(p.name(), p.tables(), Status.FAILED, p.position(), head, p.eventsApplied(), p.eventsPerSecond(), 0,
                        p.startedAt(), null, "the instance " + p.instance() + " stopped during the replay; the live read model is unchanged",
                        p.instance());
            }
            return p.status() == Status.REPLAYING ? withLag(p, head) : p;
        }).toList();
    }

    public Progress get(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("projection", name));
    }

    /** Starts a replay in the background; one at a time per service, whichever instance is asked. */
    public Progress start(String name) {
        Object projection = projections().get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        Connection guard = lock();
        if (guard == null) {
            // the holder writes its progress just after it takes the lock: give it a moment, so the answer can name it
            Progress other = null;
            for (int i = 0; i < 20 && other == null; i++) {
                other = stored().values().stream().filter(ProjectionReplayer::running).findFirst().orElse(null);
                if (other == null) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            if (other == null) {
                // a short replay may have held the guard and finished meanwhile: name the last one started
                other = stored().values().stream().filter(p -> p.startedAt() != null)
                        .max(java.util.Comparator.comparing(Progress::startedAt)).orElse(null);
            }
            throw new StateConflict("REPLAY_RUNNING", other == null ? "a replay is already running (starting); wait for it to finish"
                    : "the replay of " + other.name() + " is running on instance " + other.instance() + " since " + other.startedAt()
                            + " (" + other.status() + ", " + other.position() + " of " + other.total()
                            + "); wait for it to finish: GET /admin/projections/" + other.name());
        }
        try {
            List<String> tables = tables(projection);
            long head = log.head();
            Progress started = new Progress(name, tables, Status.REPLAYING, 0, head, 0, 0, head,
                    Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), null, null, instance);
            save(guard, started);
            worker.submit(() -> {
                try {
                    run(guard, name, projection, tables, started.startedAt());
                } finally {
                    unlock(guard);
                }
            });
            return started;
        } catch (RuntimeException e) {
            unlock(guard);
            throw e;
        }
    }

    /** The replay guard, on a connection of its own (autocommit, outside any transaction); null when another holds it. */
    private Connection lock() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (java.sql.PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, LOCK_SPACE);
                s.setInt(2, LOCK_REPLAY);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return c;
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot take the replay guard", e);
        }
    }

    /** Released before the connection goes back to the pool: a session's advisory lock outlives its transactions. */
    private static void unlock(Connection c) {
        try (java.sql.PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            s.setInt(1, LOCK_SPACE);
            s.setInt(2, LOCK_REPLAY);
            s.execute();
        } catch (SQLException e) {
            LOG.warnf("replay guard not released (%s); closing its connection releases it", e.toString());
            try {
                // never back to the pool with the lock: the physical connection is closed, the server releases it
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // closed below
            }
        } finally {
            closeQuietly(c);
        }
    }

    private boolean lockHeldSomewhere() {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("select exists (select 1 from pg_locks where locktype = 'advisory'"
                     + " and database = (select oid from pg_database where datname = current_database())"
                     + " and classid = (?)::oid and objid = (?)::oid and objsubid = 2 and granted)")) {
            s.setLong(1, LOCK_SPACE);
            s.setLong(2, LOCK_REPLAY);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the replay guard", e);
        }
    }

    private static boolean running(Progress p) {
        return p.status() == Status.REPLAYING || p.status() == Status.SWITCHING;
    }

    private Map<String, Progress> stored() {
        Map<String, Progress> byName = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("select name, tables, status, instance, position, total, events_applied,"
                     + " events_per_second, started_at, finished_at, error from projection_replay");
             java.sql.ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                java.sql.Timestamp finished = rs.getTimestamp("finished_at");
                long position = rs.getLong("position");
                long total = rs.getLong("total");
                Status status = Status.valueOf(rs.getString("status"));
                byName.put(rs.getString("name"), new Progress(rs.getString("name"), List.of(rs.getString("tables").split(",")), status,
                        position, total, rs.getLong("events_applied"), rs.getDouble("events_per_second"),
                        status == Status.REPLAYING ? Math.max(0, total - position) : 0, rs.getTimestamp("started_at").toInstant(),
                        finished == null ? null : finished.toInstant(), rs.getString("error"), rs.getString("instance")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the replays' progress", e);
        }
        return byName;
    }

    /** Writes the progress every instance reads, on the guard's connection (autocommit: seen at once). */
    private static void save(Connection guard, Progress p) {
        try (java.sql.PreparedStatement s = guard.prepareStatement("insert into projection_replay (name, tables, status, instance, position,"
                + " total, events_applied, events_per_second, started_at, finished_at, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (name) do update set tables = excluded.tables, status = excluded.status, instance = excluded.instance,"
                + " position = excluded.position, total = excluded.total, events_applied = excluded.events_applied,"
                + " events_per_second = excluded.events_per_second, started_at = excluded.started_at,"
                + " finished_at = excluded.finished_at, error = excluded.error")) {
            s.setString(1, p.name());
            s.setString(2, String.join(",", p.tables()));
            s.setString(3, p.status().name());
            s.setString(4, p.instance());
            s.setLong(5, p.position());
            s.setLong(6, p.total());
            s.setLong(7, p.eventsApplied());
            s.setDouble(8, p.eventsPerSecond());
            s.setTimestamp(9, java.sql.Timestamp.from(p.startedAt()));
            s.setTimestamp(10, p.finishedAt() == null ? null : java.sql.Timestamp.from(p.finishedAt()));
            s.setString(11, p.error());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the replay's progress", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }

    /** Runs a replay to its end on the caller's thread (benchmarks, tests of the mechanism). */
    public Progress runNow(String name) {
        Progress p = start(name);
        while (true) {
            Progress now = get(name);
            if (!now.startedAt().equals(p.startedAt())) {
                return now;
            }
            if (now.status() == Status.LIVE || now.status() == Status.FAILED) {
                return now;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return p;
            }
        }
    }

    private void run(Connection guard, String name, Object projection, List<String> tables, Instant startedAt) {
        Map<String, String> shadows = new LinkedHashMap<>();
        tables.forEach(t -> shadows.put(t, t + SHADOW));
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        long applied = 0;
        long position = 0;
        long savedAt = 0;
        long waited = 0;
        long applying = 0;
        long awaitingWrites = 0;
        try {
            QuarkusTransaction.requiringNew().run(() -> sql(shadows.entrySet().stream().flatMap(e -> Stream.of(
                    "drop table if exists " + e.getValue(),
                    // unlogged: a shadow is rebuilt from the store, never recovered, so its writes need no WAL (a crash
                    // empties it and fails the replay, which starts over); the swap writes the live table as usual
                    "create unlogged table " + e.getValue() + " (like " + e.getKey() + " including all)")).toList()));
            TrackingToken token = null;
            long head = log.head();
            // 1. replay beside the live tables, chunk by chunk, up to where the store's head was when the read reached
            // it. Three threads work on three chunks at once: the next ones are read (ReadAhead), this one goes through
            // the handlers here, the previous one is written and committed by the writer (a transaction per chunk).
            Documents.redirect(shadows);
            Documents.bufferWrites();
            java.util.concurrent.Future<?> writing = null;
            try (ReadAhead ahead = new ReadAhead("projection-replay-read", () -> axon.storageEngine().readEvents(null, false),
                    handlers::canHandle, chunkSize, READ_AHEAD)) {
                while (true) {
                    long w0 = System.nanoTime();
                    ReadAhead.Chunk chunk = ahead.next();
                    long w1 = System.nanoTime();
                    Batch handled = handleEach(handlers, chunk.events().iterator(), token, position);
                    token = handled.token;
                    position = handled.position;
                    // serialised here while the previous chunk is written; no read comes before that one's commit
                    Documents.Writes writes = documents.handOver();
                    long w2 = System.nanoTime();
                    // one writer, in order: this chunk's writes go once the previous chunk's are committed
                    awaitWritten(writing);
                    writing = writer.submit(() -> write(writes));
                    waited += w1 - w0;
                    applying += w2 - w1;
                    awaitingWrites += System.nanoTime() - w2;
                    applied += chunk.events().size();
                    if (System.nanoTime() - savedAt > PROGRESS_EVERY_NANOS) {
                        save(guard, new Progress(name, tables, Status.REPLAYING, position, head, applied,
                                rate(applied, startedAt), Math.max(0, head - position), startedAt, null, null, instance));
                        savedAt = System.nanoTime();
                    }
                    if (chunk.last()) {
                        break;
                    }
                }
                long w3 = System.nanoTime();
                awaitWritten(writing);
                awaitingWrites += System.nanoTime() - w3;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay was interrupted", e);
            } finally {
                if (writing != null) {
                    // a failed replay leaves nothing being written behind it, even when interrupted
                    boolean interrupted = Thread.interrupted();
                    while (!writing.isDone()) {
                        try {
                            writing.get();
                        } catch (InterruptedException e) {
                            interrupted = true;
                        } catch (Exception ignored) {
                            // already reported, or the failure being reported
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                Documents.stopBuffering();
                Documents.clearRedirect();
            }
            save(guard, new Progress(name, tables, Status.SWITCHING, position, head, applied, rate(applied, startedAt), 0,
                    startedAt, null, null, instance));
            long switchAt = System.nanoTime();
            // 2. block writers (not readers), apply what came meanwhile, bring the live rows to the rebuilt ones, release
            TrackingToken from = token;
            long[] tail = {0};
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                sql(List.of("lock table " + String.join(", ", tables) + " in exclusive mode"));
                TrackingToken t = from;
                while (true) {
                    Batch batch = apply(handlers, shadows, t);
                    tail[0] += batch.count;
                    t = batch.token;
                    if (batch.count == 0) {
                        break;
                    }
                }
                List<String> swap = new java.util.ArrayList<>();
                for (Map.Entry<String, String> e : shadows.entrySet()) {
                    swap.addAll(differences(e.getKey(), e.getValue(), columns(e.getKey(), false), columns(e.getKey(), true)));
                    swap.add("drop table " + e.getValue());
                }
                sql(swap);
            });
            applied += tail[0];
            long done = log.head();
            save(guard, new Progress(name, tables, Status.LIVE, done, done, applied, rate(applied, startedAt), 0,
                    startedAt, Instant.now(), null, instance));
            // where the time went: the handlers' thread's own work, its waits for the reads and for the writes, the switch
            LOG.infof("replayed %s: %d events in %s (handlers %d ms, waiting for the read %d ms and for the writes %d ms,"
                    + " switching %d ms)", name, applied, Duration.between(startedAt, Instant.now()), applying / 1_000_000,
                    waited / 1_000_000, awaitingWrites / 1_000_000, (System.nanoTime() - switchAt) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.errorf(e, "replay of %s failed; the live read model is unchanged", name);
            try {
                save(guard, new Progress(name, tables, Status.FAILED, position, log.head(), applied, rate(applied, startedAt), 0,
                        startedAt, Instant.now(), e.toString(), instance));
            } catch (RuntimeException notSaved) {
                LOG.warnf("the failure of the replay of %s not recorded: %s", name, notSaved.toString());
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> sql(shadows.values().stream().map(s -> "drop table if exists " + s).toList()));
            } catch (RuntimeException ignored) {
                // the next replay drops it first anyway
            }
        }
    }

    private record Batch(int count, TrackingToken token, long position) {
    }

    /** Applies every event after the token to the shadow tables, in the caller's transaction (the switch's). */
    private Batch apply(AnnotationEventHandlerAdapter handlers, Map<String, String> shadows, TrackingToken after) {
        try (Stream<? extends TrackedEventMessage<?>> events = axon.storageEngine().readEvents(after, false)) {
            return applyAll(handlers, shadows, events.iterator(), after);
        }
    }

    /**
     * The statements that make the live table equal to its rebuilt shadow by writing only the rows that
     * differ: the live table keeps its owner, indexes and grants (the service's role may write its rows,
     * not drop it), and a replay that rebuilds what was there writes nothing and leaves no dead rows. Run
     * under the switch's lock, so no other writer comes between them; rows are matched by the primary key
     * and compare column by column ({@code is distinct from}, jsonb by value). Missing rows are inserted
     * without a conflict check, which keeps a read model built for the first time as cheap as a plain copy.
     */
    static List<String> differences(String live, String shadow, List<String> columns, List<String> key) {
        if (key.isEmpty()) {
            throw new IllegalStateException("the read-model table " + live + " has no primary key: its rows cannot be matched");
        }
        java.util.function.BiFunction<String, List<String>, String> prefixed = (alias, names) -> names.stream()
                .map(c -> alias + "." + c).collect(java.util.stream.Collectors.joining(", "));
        String sameKey = key.stream().map(c -> "s." + c + " = l." + c).collect(java.util.stream.Collectors.joining(" and "));
        List<String> statements = new java.util.ArrayList<>();
        statements.add("delete from " + live + " l where not exists (select 1 from " + shadow + " s where " + sameKey + ")");
        List<String> others = columns.stream().filter(c -> !key.contains(c)).toList();
        if (!others.isEmpty()) {
            statements.add("update " + live + " l set " + others.stream().map(c -> c + " = s." + c)
                    .collect(java.util.stream.Collectors.joining(", ")) + " from " + shadow + " s where " + sameKey + " and row("
                    + prefixed.apply("l", others) + ") is distinct from row(" + prefixed.apply("s", others) + ")");
        }
        statements.add("insert into " + live + " (" + String.join(", ", columns) + ") select " + prefixed.apply("s", columns) + " from "
                + shadow + " s where not exists (select 1 from " + live + " l where " + sameKey + ")");
        return statements;
    }

    /** The table's columns in their order, quoted where they need it; or only those of its primary key. */
    private List<String> columns(String table, boolean primaryKey) {
        List<String> columns = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("select quote_ident(a.attname) from pg_attribute a"
                     + " where a.attrelid = (?)::regclass and a.attnum > 0 and not a.attisdropped"
                     + (primaryKey ? " and exists (select 1 from pg_index i where i.indrelid = a.attrelid and i.indisprimary"
                             + " and a.attnum = any(i.indkey))" : "") + " order by a.attnum")) {
            s.setString(1, table);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of " + table, e);
        }
        return columns;
    }

    /**
     * Writes a chunk's rows to the shadow tables (on the writer's thread), in a transaction that does not
     * wait for the disk at its commit: only the shadows change, which a crash loses anyway.
     */
    private void write(Documents.Writes writes) {
        try {
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                sql(List.of("set local synchronous_commit to off"));
                documents.flush(writes);
            });
            writes.committed(null);
        } catch (RuntimeException | Error e) {
            // whatever ends the write, the handlers' thread must not wait for it for ever
            writes.committed(e);
            throw e;
        }
    }

    /** Runs the handlers on each event in turn: how many, and the token and position of the last one. */
    private static Batch handleEach(AnnotationEventHandlerAdapter handlers, Iterator<? extends TrackedEventMessage<?>> events,
            TrackingToken after, long position) {
        int n = 0;
        TrackingToken token = after;
        while (events.hasNext()) {
            TrackedEventMessage<?> event = events.next();
            try {
                handlers.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("replay failed", e);
            }
            token = event.trackingToken();
            position = token.position().orElse(position);
            n++;
        }
        return new Batch(n, token, position);
    }

    private static void awaitWritten(java.util.concurrent.Future<?> writing) throws InterruptedException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("writing the replayed rows failed", e.getCause());
        }
    }

    private Batch applyAll(AnnotationEventHandlerAdapter handlers, Map<String, String> shadows,
            Iterator<? extends TrackedEventMessage<?>> events, TrackingToken after) {
        Documents.redirect(shadows);
        Documents.bufferWrites();
        try {
            Batch batch = handleEach(handlers, events, after, 0);
            documents.flushWrites();
            return batch;
        } finally {
            Documents.stopBuffering();
            Documents.clearRedirect();
        }
    }

    private void sql(List<String> statements) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("replay DDL failed", e);
        }
    }

    private Map<String, Object> projections() {
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Object p : module.projections()) {
            ProcessingGroup group = p.getClass().getAnnotation(ProcessingGroup.class);
            if (group != null && p.getClass().getAnnotation(ReadModel.class) != null) {
                byName.put(group.value(), p);
            }
        }
        return byName;
    }

    private static List<String> tables(Object projection) {
        return List.of(projection.getClass().getAnnotation(ReadModel.class).tables());
    }

    private static Progress withLag(Progress p, long head) {
        return new Progress(p.name(), p.tables(), p.status(), p.position(), head, p.eventsApplied(), p.eventsPerSecond(),
                Math.max(0, head - p.position()), p.startedAt(), p.finishedAt(), p.error(), p.instance());
    }

    private static double rate(long applied, Instant since) {
        double seconds = Math.max(0.001, Duration.between(since, Instant.now()).toNanos() / 1e9);
        return Math.round(applied / seconds * 10) / 10.0;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        writer.shutdownNow();
    }
}
