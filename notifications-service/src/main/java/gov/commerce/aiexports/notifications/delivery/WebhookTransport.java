package gov.commerce.aiexports.notifications.delivery;

import gov.commerce.aiexports.notifications.webhooks.WebhookDestinationPolicy;
import gov.commerce.aiexports.notifications.webhooks.Signature;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs the integration event's JSON, signed: {@code X-Signature: sha256=<hex HMAC-SHA256 of the
 * body bytes>}, {@code X-Event-Id} (receivers deduplicate on it), {@code X-Event-Type} and
 * {@code X-Delivery-Id}. Any 2xx is a delivery; a refused connection, a timeout or another status
 * is a failure to retry. Redirects are not followed: the subscriber registers the final URL.
 */
@Singleton
public class WebhookTransport {

    @Inject
    @ConfigProperty(name = "aiexports.notifications.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "aiexports.notifications.webhooks.allow-internal", defaultValue = "false")
    boolean allowInternal;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Outcome post(DeliveryView d, String secret) {
        if (!allowInternal) {
            // checked again at each delivery: the name may resolve elsewhere than at registration
            java.util.Optional<String> refusal = WebhookDestinationPolicy.refusal(d.destination(), WebhookDestinationPolicy.SYSTEM);
            if (refusal.isPresent()) {
                return Outcome.failed(null, WebhookDestinationPolicy.RULE + ": " + refusal.get());
            }
        }
        byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.destination())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "aiexports-notifications")
                    .header("X-Event-Id", d.sourceEventId())
                    .header("X-Event-Type", d.sourceEventType())
                    .header("X-Delivery-Id", d.id())
                    .header(Signature.HEADER, Signature.of(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            return Outcome.failed(null, "invalid URL: " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Outcome.delivered(status) : Outcome.failed(status, "HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return Outcome.failed(null, "connect timeout after " + timeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return Outcome.failed(null, "timeout after " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return Outcome.failed(null, "connection refused");
        } catch (IOException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "interrupted");
        }
    }
}
