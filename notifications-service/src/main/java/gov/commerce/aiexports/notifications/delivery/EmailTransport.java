package gov.commerce.aiexports.notifications.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Sends a notification's text over SMTP (the Quarkus mailer; host, port and sender from quarkus.mailer.*). */
@Singleton
public class EmailTransport {

    @Inject
    Mailer mailer;

    public Outcome send(DeliveryView d) {
        try {
            mailer.send(Mail.withText(d.destination(), d.subject(), d.body())
                    .addHeader("X-Delivery-Id", d.id())
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
