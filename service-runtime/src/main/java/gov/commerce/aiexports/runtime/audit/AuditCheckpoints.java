package gov.commerce.aiexports.runtime.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.runtime.kafka.KafkaSettings;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signed checkpoints of the hash chain's head, taken every interval and every N chained events on
 * a thread of their own (never on the chain processor's), published to the audit.checkpoints topic
 * and then kept in audit_checkpoint. The topic is the anchor outside the database: whoever rewrites
 * the database can delete rows of this table, not records already on the broker.
 */
@Singleton
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    private static final String COLUMNS = "service, position, global_index, event_identifier, link, event_count, taken_at, key_id, signature";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditSigningKey keys;
    @Inject
    KafkaSettings kafka;

    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;
    @ConfigProperty(name = "aiexports.audit.checkpoint-interval", defaultValue = "60s")
    Duration interval;
    @ConfigProperty(name = "aiexports.audit.checkpoint-every-events", defaultValue = "1000")
    long everyEvents;
    @ConfigProperty(name = "aiexports.audit.checkpoints-enabled", defaultValue = "true")
    boolean enabled;

    private final ObjectMapper json = EventCodec.mapper();
    private final AtomicLong sinceLast = new AtomicLong();
    private final AtomicBoolean queued = new AtomicBoolean();
    private ScheduledExecutorService timer;
    private volatile KafkaProducer<String, byte[]> producer;

    void onStart(@Observes StartupEvent ignored) {
        if (!enabled) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-checkpoints");
            t.setDaemon(true);
            return t;
        });
        timer.execute(() -> kafka.ensureTopics(List.of(Topics.AUDIT_CHECKPOINTS)));
        long ms = Math.max(1000, interval.toMillis());
        timer.scheduleWithFixedDelay(this::takeQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called by the chain processor for each event it links: a counter, and a hand-off past the threshold. */
    void chained() {
        if (timer != null && sinceLast.incrementAndGet() >= everyEvents && queued.compareAndSet(false, true)) {
            timer.execute(this::takeQuietly);
        }
    }

    private void takeQuietly() {
        queued.set(false);
        try {
            take();
        } catch (RuntimeException e) {
            // the broker or the database is away: the next tick tries again, nothing is lost but time
            LOG.warnf("could not take an audit checkpoint now: %s", e.toString());
        }
    }

    /**
     * Signs the chain's committed head, publishes it and keeps it; nothing when the head has not
     * moved since the last checkpoint. Synchronized: the timer and a caller (tests, operators) may meet.
     */
    public synchronized Optional<AuditVerifier.Checkpoint> take() {
        sinceLast.set(0);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Optional<AuditVerifier.Checkpoint> last = last(c);
            long from = last.map(AuditVerifier.Checkpoint::position).orElse(0L);
            long count = last.map(AuditVerifier.Checkpoint::count).orElse(0L);
            long position;
            long globalIndex;
            String eventId;
            String link;
            try (PreparedStatement s = c.prepareStatement("select position, global_index, event_identifier, link, "
                    + "(select count(*) from event_hash_chain x where x.position > ?) from event_hash_chain "
                    + "order by position desc limit 1")) {
                s.setLong(1, from);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) <= from) {
                        return Optional.empty();
                    }
                    position = rs.getLong(1);
                    globalIndex = rs.getLong(2);
                    eventId = rs.getString(3);
                    link = HashChain.hex(rs.getBytes(4));
                    count += rs.getLong(5);
                }
            }
            String takenAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
            AuditVerifier.Checkpoint cp = new AuditVerifier.Checkpoint(serviceName, position, globalIndex, eventId, link, count,
                    takenAt, null, null).signedWith(keys.privateKey(), keys.keyId());
            // on the broker first: a checkpoint kept here but never published would anchor nothing
            producer().send(new ProducerRecord<>(Topics.AUDIT_CHECKPOINTS, serviceName, json.writeValueAsBytes(cp)))
                    .get(15, TimeUnit.SECONDS);
            try (PreparedStatement s = c.prepareStatement("insert into audit_checkpoint (" + COLUMNS + ") "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (position) do nothing")) {
                s.setString(1, cp.service());
                s.setLong(2, cp.position());
                s.setLong(3, cp.globalIndex());
                s.setString(4, cp.eventId());
                s.setString(5, cp.link());
                s.setLong(6, cp.count());
                s.setString(7, cp.takenAt());
                s.setString(8, cp.keyId());
                s.setString(9, cp.signature());
                s.executeUpdate();
            }
            LOG.debugf("audit checkpoint at position %d (%d events)", cp.position(), cp.count());
            return Optional.of(cp);
        } catch (SQLException | java.io.IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot take an audit checkpoint", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking an audit checkpoint", e);
        }
    }

    /** The kept checkpoints after a chain position, in order, at most limit of them. */
    public List<AuditVerifier.Checkpoint> page(long after, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from audit_checkpoint where position > ? "
                     + "order by position limit ?")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            return read(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit checkpoints", e);
        }
    }

    long lastPosition(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select coalesce(max(position), 0) from audit_checkpoint");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every kept checkpoint up to a position, read a page at a time on the caller's connection. */
    Iterator<AuditVerifier.Checkpoint> upTo(Connection c, long last) {
        return new Iterator<>() {
            private final List<AuditVerifier.Checkpoint> buffer = new ArrayList<>();
            private long after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (buffer.isEmpty() && !done) {
                    try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from audit_checkpoint "
                            + "where position > ? and position <= ? order by position limit 500")) {
                        s.setLong(1, after);
                        s.setLong(2, last);
                        buffer.addAll(read(s));
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the audit checkpoints", e);
                    }
                    done = buffer.size() < 500;
                    if (!buffer.isEmpty()) {
                        after = buffer.get(buffer.size() - 1).position();
                    }
                }
                return !buffer.isEmpty();
            }

            @Override
            public AuditVerifier.Checkpoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.remove(0);
            }
        };
    }

    private Optional<AuditVerifier.Checkpoint> last(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from audit_checkpoint order by position desc limit 1")) {
            return read(s).stream().findFirst();
        }
    }

    private static List<AuditVerifier.Checkpoint> read(PreparedStatement s) throws SQLException {
        List<AuditVerifier.Checkpoint> all = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                all.add(new AuditVerifier.Checkpoint(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return all;
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    kafka.ensureTopics(List.of(Topics.AUDIT_CHECKPOINTS));
                    Properties p = kafka.producer();
                    p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-checkpoints");
                    producer = new KafkaProducer<>(p);
                }
            }
        }
        return producer;
    }
}
