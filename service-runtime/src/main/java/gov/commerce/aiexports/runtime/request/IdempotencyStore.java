package gov.commerce.aiexports.runtime.request;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The idempotency_key table (runtime migration V6). Every statement runs in its own transaction,
 * committed at once: a claim must be visible to a concurrent repeat (in this or another instance)
 * while the first request is still running.
 */
@Singleton
public class IdempotencyStore {

    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);

    /** Who sent the key: keys are scoped per token subject and organisation, so no answer reaches another caller. */
    public record Scope(String subject, String organisation, String key) {

        /** The row's primary key: a digest, so that no length of subject or organisation can make the claim fail. */
        public byte[] digest() {
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String part : new String[] {subject, organisation, key}) {
                    byte[] bytes = part.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    sha.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array()); // length-prefixed: no ambiguity
                    sha.update(bytes);
                }
                return sha.digest();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A request's identity beyond its key: a repeat must match all three. */
    public record Fingerprint(String method, String path, byte[] digest) {

        boolean matches(Fingerprint other) {
            return method.equals(other.method) && path.equals(other.path) && Arrays.equals(digest, other.digest);
        }
    }

    /** The stored first answer. */
    public record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {
    }

    /**
     * What the table holds for a key someone else claimed: its fingerprint and, once completed, its
     * answer; {@code abandoned} when it is still IN_PROGRESS after the lease (its request died, or its
     * answer could not be stored: whether its effect happened is unknown).
     */
    public record Existing(Fingerprint fingerprint, StoredResponse response, boolean abandoned) {

        boolean completed() {
            return response != null;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "aiexports.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /**
     * How long a claim may stay IN_PROGRESS before it is judged abandoned: longer than the
     * transaction timeout (60 s) and its retries, so a live request is never judged so. An abandoned
     * claim is never taken over (its effect may have committed before the process died or before its
     * answer could be stored, and running the request again would repeat it): a repeat gets
     * {@code IDEMPOTENCY_OUTCOME_UNKNOWN} until the key expires.
     */
    @ConfigProperty(name = "aiexports.idempotency.lease", defaultValue = "PT5M")
    Duration lease;

    @ConfigProperty(name = "aiexports.idempotency.cleanup-interval", defaultValue = "PT10M")
    Duration cleanupInterval;

    private ScheduledExecutorService cleaner;

    /**
     * Claims the key for this request: inserts an IN_PROGRESS row, or takes over an expired one
     * (never a live IN_PROGRESS one, however old). Answers the owner id when claimed, empty when
     * someone else holds it.
     */
    public Optional<UUID> claim(Scope scope, Fingerprint fingerprint) {
        UUID owner = UUID.randomUUID();
        String sql = """
                insert into idempotency_key (scope_digest, caller_subject, caller_organisation, idempotency_key, request_method,
                    request_path, request_fingerprint, state, owner, claimed_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, now(), now() + make_interval(secs => ?))
                on conflict (scope_digest) do update set
                    request_method = excluded.request_method, request_path = excluded.request_path,
                    request_fingerprint = excluded.request_fingerprint, state = 'IN_PROGRESS', owner = excluded.owner,
                    claimed_at = excluded.claimed_at, expires_at = excluded.expires_at, response_status = null,
                    response_content_type = null, response_location = null, response_etag = null, response_body = null,
                    completed_at = null
                where idempotency_key.expires_at <= now()
                returning owner""";
        return inNewTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setBytes(1, scope.digest());
                s.setString(2, scope.subject());
                s.setString(3, scope.organisation());
                s.setString(4, scope.key());
                int i = 4;
                s.setString(++i, fingerprint.method());
                s.setString(++i, fingerprint.path());
                s.setBytes(++i, fingerprint.digest());
                s.setObject(++i, owner);
                s.setDouble(++i, retention.toMillis() / 1000.0);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(owner) : Optional.<UUID>empty();
                }
            }
        });
    }

    /** The live row of a key (not expired), if any. */
    public Optional<Existing> find(Scope scope) {
        return inNewTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    select request_method, request_path, request_fingerprint, state, response_status, response_content_type,
                        response_location, response_etag, response_body,
                        state = 'IN_PROGRESS' and claimed_at < now() - make_interval(secs => ?) as abandoned
                    from idempotency_key
                    where scope_digest = ? and expires_at > now()""")) {
                s.setDouble(1, lease.toMillis() / 1000.0);
                s.setBytes(2, scope.digest());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Existing>empty();
                    }
                    Fingerprint fingerprint = new Fingerprint(rs.getString(1), rs.getString(2), rs.getBytes(3));
                    StoredResponse response = "COMPLETED".equals(rs.getString(4))
                            ? new StoredResponse(rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9))
                            : null;
                    return Optional.of(new Existing(fingerprint, response, rs.getBoolean(10)));
                }
            }
        });
    }

    /** Stores the answer of the claim's request; a repeat returns it from now on. */
    public void complete(Scope scope, UUID owner, StoredResponse response) {
        inNewTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    update idempotency_key set state = 'COMPLETED', response_status = ?, response_content_type = ?,
                        response_location = ?, response_etag = ?, response_body = ?, completed_at = now()
                    where scope_digest = ? and owner = ?""")) {
                s.setInt(1, response.status());
                s.setString(2, response.contentType());
                s.setString(3, response.location());
                s.setString(4, response.etag());
                s.setBytes(5, response.body());
                s.setBytes(6, scope.digest());
                s.setObject(7, owner);
                return s.executeUpdate();
            }
        });
    }

    /** Frees the key: the request's answer is not kept, so a repeat runs again. */
    public void release(Scope scope, UUID owner) {
        inNewTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "delete from idempotency_key where scope_digest = ? and owner = ? and state = 'IN_PROGRESS'")) {
                int i = bindScope(s, scope);
                s.setObject(++i, owner);
                return s.executeUpdate();
            }
        });
    }

    /** Deletes expired keys; answers how many. */
    public int deleteExpired() {
        return inNewTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from idempotency_key where expires_at <= now()")) {
                return s.executeUpdate();
            }
        });
    }

    void start(@Observes StartupEvent started) {
        // off the request path: a lookup ignores an expired row anyway, this only keeps the table small
        cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idempotency-key-cleaner");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, cleanupInterval.toSeconds());
        cleaner.scheduleWithFixedDelay(() -> {
            try {
                int deleted = deleteExpired();
                if (deleted > 0) {
                    LOG.debugf("deleted %d expired idempotency keys", deleted);
                }
            } catch (RuntimeException e) {
                LOG.warnf("deleting expired idempotency keys failed (retried in %s): %s", cleanupInterval, e.getMessage());
            }
        }, every, every, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (cleaner != null) {
            cleaner.shutdownNow();
        }
    }

    private static int bindScope(PreparedStatement s, Scope scope) throws SQLException {
        s.setBytes(1, scope.digest());
        return 1;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inNewTransaction(Work<T> work) {
        // requiringNew: the claim commits now, even if a caller's transaction were open on this thread
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException("idempotency key store: " + e.getMessage(), e);
            }
        });
    }
}
