package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.notifications.webhooks.Signature;
import gov.commerce.aiexports.notifications.webhooks.StandardWebhooks;
import gov.commerce.aiexports.notifications.webhooks.WebhookDestinationPolicies;
import gov.commerce.aiexports.notifications.webhooks.WebhookSecrets;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * POSTs the integration event's JSON, signed by the Standard Webhooks specification
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}: see
 * {@link StandardWebhooks}), and, for receivers written before those, {@code X-Signature:
 * sha256=<hex HMAC-SHA256 of the body bytes>}, {@code X-Event-Id} (receivers deduplicate on it),
 * {@code X-Event-Type} and {@code X-Delivery-Id}. The delivery id is the idempotency key of the
 * delivery (one event to one webhook): the same on every try and redelivery of it, another for
 * every other delivery; {@code X-Delivery-Attempt} numbers the tries (1, 2, ...), so a receiver
 * (and a test) tells a retry (same id, next number) from a double send (a second id for the same
 * event, or the same try twice). Any 2xx is a delivery; a refused connection, a
 * timeout or another status is a failure to retry. Redirects are not followed: the subscriber
 * registers the final URL.
 * <p>
 * The host is resolved once per try, checked ({@link WebhookDestinationPolicies}), and the
 * connection goes to that very address (the URL's host still names the Host header and the TLS
 * server name and certificate check): no second resolution can point it inward.
 */
@Singleton
public class WebhookTransport {

    private static final Logger LOG = Logger.getLogger(WebhookTransport.class);
    /** The delivery's idempotency key, on webhooks and e-mails alike. */
    public static final String DELIVERY_ID = "X-Delivery-Id";
    /** The try's number within the delivery (its recorded attempt). */
    public static final String DELIVERY_ATTEMPT = "X-Delivery-Attempt";

    @Inject
    @ConfigProperty(name = "aiexports.notifications.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "aiexports.notifications.webhooks.allow-internal", defaultValue = "false")
    boolean allowInternal;

    @Inject
    Vertx vertx;
    @Inject
    WebhookSecrets secrets;
    @Inject
    Clock clock;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setVerifyHost(true).setForceSni(true).setTrustAll(false).setKeepAlive(false));
    }

    /** Says at start when internal destinations are allowed: on purpose for the local stack, never in production. */
    void announce(@Observes StartupEvent start) {
        if (allowInternal) {
            LOG.warn("Webhooks may call internal and reserved addresses (WEBHOOKS_ALLOW_INTERNAL=true): meant for receivers on a "
                    + "developer's machine or the operator's own network only");
        }
    }

    public Outcome post(DeliveryView d, String secret) {
        // checked again at each try (the name may resolve elsewhere than at registration), and pinned
        WebhookDestinationPolicies.Resolution resolution = WebhookDestinationPolicies.destination(d.destination(),
                WebhookDestinationPolicies.SYSTEM, !allowInternal);
        if (resolution.refusal().isPresent()) {
            return Outcome.failed(null, WebhookDestinationPolicies.RULE + ": " + resolution.refusal().get());
        }
        if (resolution.destination().isEmpty()) {
            return Outcome.failed(null, resolution.unresolved().orElse("unresolved"));
        }
        WebhookDestinationPolicies.Destination destination = resolution.destination().get();
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        List<String> valid = new ArrayList<>();
        valid.add(secret);
        secrets.previousOf(d.webhookId()).ifPresent(valid::add);
        long timestamp = clock.instant().getEpochSecond();
        String messageId = d.sourceEventId();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(destination.host()).setPort(destination.port()).setSsl(destination.https())
                .setURI(destination.pathAndQuery())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(destination.address(), destination.port())))
                .setFollowRedirects(false).setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "aiexports-notifications")
                .putHeader(StandardWebhooks.ID, messageId)
                .putHeader(StandardWebhooks.TIMESTAMP, String.valueOf(timestamp))
                .putHeader(StandardWebhooks.SIGNATURE, StandardWebhooks.signature(messageId, timestamp, body, valid))
                .putHeader("X-Event-Id", d.sourceEventId())
                .putHeader("X-Event-Type", d.sourceEventType())
                .putHeader(DELIVERY_ID, d.id())
                .putHeader(DELIVERY_ATTEMPT, String.valueOf(d.attempts() + 1))
                .putHeader(Signature.HEADER, Signature.of(secret, body));
        try {
            int status = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.end().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return status >= 200 && status < 300 ? Outcome.delivered(status) : Outcome.failed(status, "HTTP " + status);
        } catch (TimeoutException e) {
            return Outcome.failed(null, "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConnectException || (cause != null && cause.getClass().getSimpleName().contains("Connect"))) {
                return Outcome.failed(null, "connection refused");
            }
            if (cause != null && cause.getClass().getSimpleName().contains("Timeout")) {
                return Outcome.failed(null, "timeout after " + timeout.toMillis() + " ms");
            }
            return Outcome.failed(null, cause == null ? "failed" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "interrupted");
        }
    }
}
