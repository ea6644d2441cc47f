package gov.commerce.aiexports.notifications.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A delivery as the sender works it and operators see it. {@code roundAttempts} counts the tries
 * since it was scheduled or last redelivered (the retry budget); {@code attempts} counts them all.
 * {@code causeEventId} and {@code correlationId} tie each try's events to the chain that caused it.
 */
public record DeliveryView(String id, Channel channel, DeliveryStatus status, String destination, String webhookId,
        String notificationId, String sourceEventId, String sourceEventType, String proposalId, String subject, String body,
        int attempts, int roundAttempts, Instant createdAt, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
        List<Attempt> history, String causeEventId, String correlationId) {

    public record Attempt(int attempt, Instant attemptedAt, boolean delivered, Integer statusCode, String error,
            long durationMillis, Instant retryAt) {
    }

    /** What GET /deliveries lists: no body (it may be long; the event store keeps it). */
    public record Summary(String id, Channel channel, DeliveryStatus status, String destination, String webhookId,
            String sourceEventId, String sourceEventType, String proposalId, String subject, int attempts, Instant createdAt,
            Instant nextAttemptAt, Integer lastStatusCode, String lastError, List<Attempt> history) {
    }

    public Summary summary() {
        return new Summary(id, channel, status, destination, webhookId, sourceEventId, sourceEventType, proposalId, subject,
                attempts, createdAt, nextAttemptAt, lastStatusCode, lastError, history);
    }

    DeliveryView withStatus(DeliveryStatus s, Instant next) {
        return new DeliveryView(id, channel, s, destination, webhookId, notificationId, sourceEventId, sourceEventType, proposalId,
                subject, body, attempts, roundAttempts, createdAt, next, lastStatusCode, lastError, history, causeEventId,
                correlationId);
    }

    DeliveryView redelivered(Instant due) {
        return new DeliveryView(id, channel, DeliveryStatus.PENDING, destination, webhookId, notificationId, sourceEventId,
                sourceEventType, proposalId, subject, body, attempts, 0, createdAt, due, lastStatusCode, lastError, history,
                causeEventId, correlationId);
    }

    DeliveryView tried(Attempt a, DeliveryStatus s) {
        List<Attempt> h = new ArrayList<>(history);
        h.add(a);
        return new DeliveryView(id, channel, s, destination, webhookId, notificationId, sourceEventId, sourceEventType, proposalId,
                subject, body, a.attempt(), roundAttempts + 1, createdAt, a.retryAt(), a.statusCode(), a.error(), List.copyOf(h),
                causeEventId, correlationId);
    }
}
