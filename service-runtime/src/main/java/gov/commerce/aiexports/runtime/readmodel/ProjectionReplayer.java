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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.jboss.logging.Logger;

/**
 * Rebuilds a read model from the event store while the service keeps answering: the projection's
 * own handlers replay every event into shadow tables beside the live ones; once caught up, the
 * live tables are locked against writes (reads go on), the last events are applied, the shadow's
 * rows replace the live ones and the lock is released, all in one transaction. Reading continues
 * from the gap-aware token, so events committed out of order during the replay are not missed.
 */
@Singleton
public class ProjectionReplayer {

    private static final Logger LOG = Logger.getLogger(ProjectionReplayer.class);
    /** Events per transaction of a replay: one query's worth of the storage engine's reads (AxonRuntime). */
    private static final int BATCH = 1000;
    private static final String SHADOW = "__replay";

    public enum Status { LIVE, REPLAYING, SWITCHING, FAILED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String name, List<String> tables, Status status, long position, long total, long eventsApplied,
            double eventsPerSecond, long lag, Instant startedAt, Instant finishedAt, String error) {
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

    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-replay");
        t.setDaemon(true);
        return t;
    });

    public List<Progress> all() {
        long head = log.head();
        return projections().entrySet().stream().map(e -> {
            Progress p = progress.get(e.getKey());
            if (p == null) {
                return new Progress(e.getKey(), tables(e.getValue()), Status.LIVE, head, head, 0, 0, 0, null, null, null);
            }
            return p.status() == Status.REPLAYING ? withLag(p, head) : p;
        }).toList();
    }

    public Progress get(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("projection", name));
    }

    /** Starts a replay in the background; one at a time per service. */
    public synchronized Progress start(String name) {
        Object projection = projections().get(name);
        if (projection == null) {
            throw new NotFound("projection", name);
        }
        if (progress.values().stream().anyMatch(p -> p.status() == Status.REPLAYING || p.status() == Status.SWITCHING)) {
            throw new StateConflict("REPLAY_RUNNING", "a replay is already running; wait for it to finish");
        }
        List<String> tables = tables(projection);
        Progress started = new Progress(name, tables, Status.REPLAYING, 0, log.head(), 0, 0, log.head(), Instant.now(), null, null);
        progress.put(name, started);
        worker.submit(() -> run(name, projection, tables, started.startedAt()));
        return started;
    }

    /** Runs a replay to its end on the caller's thread (benchmarks, tests of the mechanism). */
    public Progress runNow(String name) {
        Progress p = start(name);
        while (true) {
            Progress now = progress.get(name);
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

    private void run(String name, Object projection, List<String> tables, Instant startedAt) {
        Map<String, String> shadows = new LinkedHashMap<>();
        tables.forEach(t -> shadows.put(t, t + SHADOW));
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        long applied = 0;
        long position = 0;
        try {
            QuarkusTransaction.requiringNew().run(() -> sql(shadows.entrySet().stream().flatMap(e -> Stream.of(
                    "drop table if exists " + e.getValue(),
                    "create table " + e.getValue() + " (like " + e.getKey() + " including all)")).toList()));
            TrackingToken token = null;
            long head = log.head();
            // 1. replay beside the live tables, batch by batch, until the head seen at the start
            while (true) {
                Batch batch = apply(handlers, shadows, token, BATCH);
                applied += batch.count;
                token = batch.token;
                position = batch.position == 0 ? position : batch.position;
                progress.put(name, new Progress(name, tables, Status.REPLAYING, position, head, applied,
                        rate(applied, startedAt), Math.max(0, head - position), startedAt, null, null));
                if (batch.count < BATCH) {
                    break;
                }
            }
            progress.put(name, new Progress(name, tables, Status.SWITCHING, position, head, applied, rate(applied, startedAt), 0,
                    startedAt, null, null));
            // 2. block writers (not readers), apply what came meanwhile, swap the rows in, release
            TrackingToken from = token;
            long[] tail = {0};
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                sql(List.of("lock table " + String.join(", ", tables) + " in exclusive mode"));
                TrackingToken t = from;
                while (true) {
                    Batch batch = apply(handlers, shadows, t, Integer.MAX_VALUE);
                    tail[0] += batch.count;
                    t = batch.token;
                    if (batch.count == 0) {
                        break;
                    }
                }
                List<String> swap = new java.util.ArrayList<>();
                for (Map.Entry<String, String> e : shadows.entrySet()) {
                    swap.add("delete from " + e.getKey());
                    swap.add("insert into " + e.getKey() + " select * from " + e.getValue());
                    swap.add("drop table " + e.getValue());
                }
                sql(swap);
            });
            applied += tail[0];
            long done = log.head();
            progress.put(name, new Progress(name, tables, Status.LIVE, done, done, applied, rate(applied, startedAt), 0,
                    startedAt, Instant.now(), null));
            LOG.infof("replayed %s: %d events in %s", name, applied, Duration.between(startedAt, Instant.now()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "replay of %s failed; the live read model is unchanged", name);
            progress.put(name, new Progress(name, tables, Status.FAILED, position, log.head(), applied, rate(applied, startedAt), 0,
                    startedAt, Instant.now(), e.toString()));
            try {
                QuarkusTransaction.requiringNew().run(() -> sql(shadows.values().stream().map(s -> "drop table if exists " + s).toList()));
            } catch (RuntimeException ignored) {
                // the next replay drops it first anyway
            }
        }
    }

    private record Batch(int count, TrackingToken token, long position) {
    }

    /** Applies up to max events after the token to the shadow tables, in the caller's transaction or a new one. */
    private Batch apply(AnnotationEventHandlerAdapter handlers, Map<String, String> shadows, TrackingToken after, int max) {
        java.util.function.Supplier<Batch> work = () -> {
            Documents.redirect(shadows);
            Documents.bufferWrites();
            try (Stream<? extends TrackedEventMessage<?>> events = axon.storageEngine().readEvents(after, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = events.iterator();
                int n = 0;
                TrackingToken token = after;
                long position = 0;
                while (n < max && it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    handlers.handle(event);
                    token = event.trackingToken();
                    position = token.position().orElse(position);
                    n++;
                }
                documents.flushWrites();
                return new Batch(n, token, position);
            } catch (Exception e) {
                throw new IllegalStateException("replay failed", e);
            } finally {
                Documents.stopBuffering();
                Documents.clearRedirect();
            }
        };
        return isActive() ? work.get() : QuarkusTransaction.requiringNew().timeout(300).call(work::get);
    }

    private static boolean isActive() {
        return QuarkusTransaction.isActive();
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
                Math.max(0, head - p.position()), p.startedAt(), p.finishedAt(), p.error());
    }

    private static double rate(long applied, Instant since) {
        double seconds = Math.max(0.001, Duration.between(since, Instant.now()).toNanos() / 1e9);
        return Math.round(applied / seconds * 10) / 10.0;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
