package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.notifications.NotificationRecorded;
import gov.commerce.aiexports.notifications.inbox.NotificationEvent;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Each notification is announced, so the proposal's timeline can show who was told what.
 * Delivery tries, contacts and webhooks stay inside this service (its event store has them all).
 */
@Singleton
public class NotificationsIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof NotificationEvent.Recorded e) {
            return Optional.of(new NotificationRecorded(e.notificationId(), e.proposalId(), e.recipient().type().name(),
                    e.recipient().id(), e.subject(), e.sourceEventId(), e.sourceEventType()));
        }
        return Optional.empty();
    }
}
