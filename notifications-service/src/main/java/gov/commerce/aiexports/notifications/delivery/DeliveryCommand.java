package gov.commerce.aiexports.notifications.delivery;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface DeliveryCommand {

    /**
     * @param destination   the e-mail address or the webhook URL
     * @param body          the e-mail's text, or the exact JSON of the integration event that is POSTed and signed
     */
    record ScheduleDelivery(@TargetAggregateIdentifier String deliveryId, Channel channel, String destination, String webhookId,
            String notificationId, String sourceEventId, String sourceEventType, String proposalId, String subject, String body,
            Instant dueAt) implements DeliveryCommand {

        /** Without the subject and body: they may hold a proposal's sections, and commands get printed. */
        @Override
        public String toString() {
            return "ScheduleDelivery[deliveryId=" + deliveryId + ", channel=" + channel + ", sourceEventId=" + sourceEventId
                    + ", sourceEventType=" + sourceEventType + ", proposalId=" + proposalId + "]";
        }
    }

    record RecordSuccess(@TargetAggregateIdentifier String deliveryId, int attempt, Integer statusCode, Instant attemptedAt,
            long durationMillis) implements DeliveryCommand {
    }

    /** @param retryAt when to try again, as the retry policy decided; null when that was the round's last try */
    record RecordFailure(@TargetAggregateIdentifier String deliveryId, int attempt, Integer statusCode, String error,
            Instant attemptedAt, long durationMillis, Instant retryAt, int maxAttempts) implements DeliveryCommand {
    }

    record Redeliver(@TargetAggregateIdentifier String deliveryId, Instant dueAt) implements DeliveryCommand {
    }

    record Cancel(@TargetAggregateIdentifier String deliveryId, String reason) implements DeliveryCommand {
    }
}
