package gov.commerce.aiexports.notifications.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Sends a notification's text over SMTP (the Quarkus mailer; host, port and sender from
 * quarkus.mailer.*). The delivery id is the mail's idempotency key: its {@code Message-ID} and
 * {@code X-Delivery-Id} are the same on every try of the delivery (a mail client or archive drops a
 * retry it already has), and {@code X-Delivery-Attempt} numbers the tries.
 */
@Singleton
public class EmailTransport {

    @Inject
    Mailer mailer;

    /** The RFC 5322 Message-ID of a delivery's mail: derived from its id alone, so stable across retries. */
    public static String messageId(String deliveryId) {
        return "<" + deliveryId + "@notifications.aiexports.commerce.gov>";
    }

    public Outcome send(DeliveryView d) {
        try {
            mailer.send(Mail.withText(d.destination(), d.subject(), d.body())
                    .addHeader("Message-ID", messageId(d.id()))
                    .addHeader(WebhookTransport.DELIVERY_ID, d.id())
                    .addHeader(WebhookTransport.DELIVERY_ATTEMPT, String.valueOf(d.attempts() + 1))
                    .addHeader("X-Event-Id", d.sourceEventId()));
            return Outcome.delivered(null);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Outcome.failed(null, "SMTP: " + root.getClass().getSimpleName() + ": " + root.getMessage());
        }
    }
}
