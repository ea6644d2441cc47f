package gov.commerce.aiexports.notifications.delivery;

import java.time.Instant;

/** Every step of a delivery, so an auditor sees what was sent to whom, each try and its outcome. */
public sealed interface DeliveryEvent {

    String deliveryId();

    record Scheduled(String deliveryId, Channel channel, String destination, String webhookId, String notificationId,
            String sourceEventId, String sourceEventType, String proposalId, String subject, String body, Instant dueAt)
            implements DeliveryEvent {

        /** Without the subject and body: they may hold a proposal's sections, and Axon's messages print their payload. */
        @Override
        public String toString() {
            return "Scheduled[deliveryId=" + deliveryId + ", channel=" + channel + ", sourceEventId=" + sourceEventId
                    + ", sourceEventType=" + sourceEventType + ", proposalId=" + proposalId + "]";
        }
    }

    record AttemptSucceeded(String deliveryId, int attempt, Integer statusCode, Instant attemptedAt, long durationMillis)
            implements DeliveryEvent {
    }

    /** @param retryAt null when this was the last try of the round (a DeadLettered follows) */
    record AttemptFailed(String deliveryId, int attempt, Integer statusCode, String error, Instant attemptedAt,
            long durationMillis, Instant retryAt) implements DeliveryEvent {
    }

    /** Rule DELIVERY_RETRIES_EXHAUSTED: the round's tries are used up. */
    record DeadLettered(String deliveryId, int attempts, int maxAttempts, String lastError) implements DeliveryEvent {
    }

    record RedeliveryRequested(String deliveryId, Instant dueAt) implements DeliveryEvent {
    }

    record Cancelled(String deliveryId, String reason) implements DeliveryEvent {
    }
}
