package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.notifications.contacts.ContactBook;
import gov.commerce.aiexports.notifications.contacts.ContactProjection;
import gov.commerce.aiexports.notifications.delivery.Delivery;
import gov.commerce.aiexports.notifications.delivery.DeliveryProjection;
import gov.commerce.aiexports.notifications.inbox.InboxProjection;
import gov.commerce.aiexports.notifications.inbox.Notification;
import gov.commerce.aiexports.notifications.recipients.KnownConsortiaProjection;
import gov.commerce.aiexports.notifications.reminders.CallDeadline;
import gov.commerce.aiexports.notifications.reminders.ClosingReminder;
import gov.commerce.aiexports.notifications.reminders.ReminderProjection;
import gov.commerce.aiexports.notifications.webhooks.Webhook;
import gov.commerce.aiexports.notifications.webhooks.WebhookProjection;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** notifications-service's aggregates and read models. */
@Singleton
public class NotificationsModule implements ServiceModule {

    @Inject
    Documents documents;

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Notification.class, ContactBook.class, Webhook.class, Delivery.class, CallDeadline.class,
                ClosingReminder.class);
    }

    @Override
    public List<Object> projections() {
        return List.of(new InboxProjection(documents), new KnownConsortiaProjection(documents), new ContactProjection(documents),
                new WebhookProjection(documents), new DeliveryProjection(documents), new ReminderProjection(documents));
    }
}
