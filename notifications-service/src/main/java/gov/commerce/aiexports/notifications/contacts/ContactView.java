package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.notifications.routing.Recipient;
import java.time.Instant;

public record ContactView(String id, String organisation, Recipient.Type organisationType, String email, String name,
        String registeredBy, Instant registeredAt) {
}
