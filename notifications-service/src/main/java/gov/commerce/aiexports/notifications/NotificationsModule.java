package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.notifications.inbox.InboxProjection;
import gov.commerce.aiexports.notifications.inbox.Notification;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

@Singleton
public class NotificationsModule implements ServiceModule {

    @Inject
    Documents documents;

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Notification.class);
    }

    @Override
    public List<Object> projections() {
        return List.of(new InboxProjection(documents));
    }
}
