package gov.commerce.aiexports.runtime.request;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.request.IdempotencyStore.Existing;
import gov.commerce.aiexports.runtime.request.IdempotencyStore.Fingerprint;
import gov.commerce.aiexports.runtime.request.IdempotencyStore.Scope;
import gov.commerce.aiexports.runtime.request.IdempotencyStore.StoredResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code Idempotency-Key} on every POST of every service (IETF httpapi draft "The Idempotency-Key
 * HTTP Header Field"). A POST without the header runs exactly as before. With it:
 * <ul>
 * <li>the key is claimed for the caller (token subject and organisation) before the request runs;
 * a 2xx answer is stored (status, body, Location, Content-Type, ETag) and a repeat with the same
 * key, method, path and body gets it back ({@code Idempotent-Replayed: true}) and changes nothing;</li>
 * <li>the same key with another body or path: 422 {@code IDEMPOTENCY_KEY_REUSED};</li>
 * <li>a repeat while the first is still running waits for its answer (bounded) and replays it;
 * still running after the wait: 409 {@code IDEMPOTENCY_KEY_IN_USE} with Retry-After;</li>
 * <li>a repeat of a key whose first request never stored its answer and whose lease
 * ({@code aiexports.idempotency.lease}, 5 minutes) has passed: 409 {@code IDEMPOTENCY_OUTCOME_UNKNOWN}
 * (field {@code /Idempotency-Key}) until the key expires. Its effect may have committed (the process
 * died, or storing the answer failed, after the commit), so the request is never run again under
 * that key: the caller checks the resource's state and, if needed, sends a new key;</li>
 * <li>a malformed key (empty, longer than 255, not printable ASCII): 400 {@code IDEMPOTENCY_KEY_INVALID}.</li>
 * </ul>
 * Unlike the draft, only 2xx answers are kept: every refusal here changes nothing, and may rightly
 * change later (a 409 of state, a 422 of budget authority, a 5xx), so a repeat after one is judged
 * again on the current state. Runs after authentication and the role checks, so a refused caller
 * never claims a key.
 */
@Provider
@Priority(Priorities.USER + 500)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String FIELD = "/" + HEADER;
    public static final String KEY_INVALID = "IDEMPOTENCY_KEY_INVALID";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE";
    public static final String OUTCOME_UNKNOWN = "IDEMPOTENCY_OUTCOME_UNKNOWN";
    public static final int MAX_KEY_LENGTH = 255;

    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final String BUSY = IdempotencyFilter.class.getName() + ".busy";
    private static final Duration POLL = Duration.ofMillis(50);
    /** Body fingerprints ignore key order and spacing: a client that re-serialises its retry is not refused. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private record Claim(Scope scope, UUID owner) {
    }

    @Inject
    IdempotencyStore store;
    @Inject
    RequestContext context;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "aiexports.idempotency.in-flight-wait", defaultValue = "PT10S")
    Duration inFlightWait;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        List<String> values = request.getHeaders().get(HEADER);
        if (values == null || values.isEmpty()) {
            return;
        }
        Caller caller;
        try {
            caller = context.caller();
        } catch (UnauthorizedException e) {
            return; // no caller, no scope: the endpoint's own security answers
        }
        String key = validKey(values);
        byte[] body;
        // an empty body (a POST without one, whatever type a client declares for it) is fingerprinted as before
        if (request.hasEntity() && !isJson(request.getMediaType()) && !"0".equals(request.getHeaderString(HttpHeaders.CONTENT_LENGTH))) {
            // a streamed upload (a file, up to many megabytes) is not read into memory: its fingerprint is its
            // declared type, length and query (the file name), not its bytes
            body = ("stream " + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + " "
                    + request.getHeaderString(HttpHeaders.CONTENT_LENGTH)).getBytes(StandardCharsets.UTF_8);
        } else {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        Fingerprint fingerprint = new Fingerprint("POST", query == null ? path : path + "?" + query, digest(body));
        Scope scope = new Scope(caller.subject(), caller.organisation(), key);

        long deadline = System.nanoTime() + inFlightWait.toNanos();
        boolean waited = false;
        while (true) {
            Optional<UUID> owner = store.claim(scope, fingerprint);
            if (owner.isPresent()) {
                count(waited ? "claimed-after-wait" : "claimed");
                request.setProperty(CLAIM, new Claim(scope, owner.get()));
                return;
            }
            Optional<Existing> existing = store.find(scope);
            if (existing.isEmpty()) {
                continue; // released or expired between the two statements: claim again
            }
            if (!existing.get().fingerprint().matches(fingerprint)) {
                count("reused");
                throw new RuleViolation(KEY_REUSED, FIELD, "This Idempotency-Key was used for another request ("
                        + existing.get().fingerprint().method() + " " + existing.get().fingerprint().path()
                        + " with another body); send a new key for a new request.");
            }
            if (existing.get().completed()) {
                count(waited ? "replayed-after-wait" : "replayed");
                request.abortWith(replay(existing.get().response()));
                return;
            }
            if (existing.get().abandoned()) {
                count("outcome-unknown");
                throw new StateConflict(OUTCOME_UNKNOWN, FIELD, "The first request with this Idempotency-Key never recorded "
                        + "its answer, so whether it took effect is unknown; it is not run again under this key. Check the "
                        + "resource's state (GET it) and, if the change is not there, send the request with a new key.");
            }
            if (System.nanoTime() >= deadline) {
                count("in-use");
                request.setProperty(BUSY, Boolean.TRUE);
                throw new StateConflict(KEY_IN_USE, FIELD, "A request with this Idempotency-Key is still being processed; "
                        + "retry with the same key to get its answer.");
            }
            waited = true;
            sleep();
        }
    }

    /** aiexports_idempotency_requests_total{outcome}: how keyed POSTs went (a repeat that waited for the first says so). */
    private void count(String outcome) {
        metrics.counter("aiexports.idempotency.requests", "outcome", outcome).increment();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(BUSY) != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "1");
        }
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        boolean success = response.getStatus() >= 200 && response.getStatus() < 300;
        finish(claim.scope(), claim.owner(), success ? stored(response) : null);
    }

    /**
     * Stores a 2xx answer (tried twice: a transient failure should not leave the key unknown) or
     * frees the key of a refusal. If that fails, the answer still goes out: a 2xx's effect has
     * committed and the caller must learn of it (its Location, its body), and a refusal changed
     * nothing. The claim then stays IN_PROGRESS, so a repeat never runs the request again: it gets
     * {@code IDEMPOTENCY_KEY_IN_USE} during the lease, then {@code IDEMPOTENCY_OUTCOME_UNKNOWN} until
     * the key expires (for a refusal that is over-cautious, never wrong). Counted as
     * {@code outcome=answer-not-stored} / {@code release-failed} and logged as an error.
     */
    void finish(Scope scope, UUID owner, StoredResponse answer) {
        if (answer == null) {
            try {
                store.release(scope, owner);
            } catch (RuntimeException e) {
                count("release-failed");
                LOG.errorf(e, "could not free an Idempotency-Key after a refusal (correlation %s); repeats get %s until it expires",
                        context.correlationId(), OUTCOME_UNKNOWN);
            }
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                store.complete(scope, owner, answer);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 2) {
                    count("answer-not-stored");
                    LOG.errorf(e, "could not store the answer for an Idempotency-Key (correlation %s); the effect has committed, "
                            + "repeats get %s until the key expires", context.correlationId(), OUTCOME_UNKNOWN);
                    return;
                }
                LOG.warnf("storing the answer for an Idempotency-Key failed, trying again (correlation %s): %s",
                        context.correlationId(), e.getClass().getSimpleName());
            }
        }
    }

    /** The answer as it will be sent, fixed as bytes now so that the first response and every replay are the same. */
    private StoredResponse stored(ContainerResponseContext response) {
        Object entity = response.getEntity();
        MediaType type = response.getMediaType();
        byte[] body;
        if (entity == null) {
            body = null;
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (entity instanceof String text && type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                body = json.writeValueAsBytes(entity);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            type = type == null ? MediaType.APPLICATION_JSON_TYPE : type;
        }
        if (body != null) {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return new StoredResponse(response.getStatus(), type == null ? null : type.toString(),
                location == null ? null : location.toString(), etag == null ? null : etag.toString(), body);
    }

    private static Response replay(StoredResponse stored) {
        Response.ResponseBuilder answer = Response.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() != null) {
            answer.entity(stored.body()).type(stored.contentType());
        }
        if (stored.location() != null) {
            answer.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            answer.header(HttpHeaders.ETAG, stored.etag());
        }
        return answer.build();
    }

    /**
     * The draft's value is a structured-field string ({@code "abc"}); a bare token is accepted too.
     * At most 255 printable ASCII characters, so a key can never smuggle anything into logs or SQL.
     */
    static String validKey(List<String> values) {
        if (values.size() != 1) {
            throw new InvalidInput(KEY_INVALID, FIELD, "send one Idempotency-Key header");
        }
        String key = values.get(0).trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isBlank()) {
            throw new InvalidInput(KEY_INVALID, FIELD, "the Idempotency-Key is empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInput(KEY_INVALID, FIELD, "the Idempotency-Key is at most " + MAX_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                throw new InvalidInput(KEY_INVALID, FIELD,
                        "the Idempotency-Key is printable ASCII without quotes or backslashes (a UUID is a good key)");
            }
        }
        return key;
    }

    static byte[] digest(byte[] body) {
        byte[] canonical = body;
        if (body.length > 0) {
            try {
                canonical = CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
            } catch (IOException e) {
                canonical = body; // not JSON: the request will be refused; compare its bytes
            }
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateConflict(KEY_IN_USE, FIELD, "interrupted while waiting for the first request with this Idempotency-Key");
        }
    }

    private static boolean isJson(MediaType type) {
        return type == null || (type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")));
    }
}
