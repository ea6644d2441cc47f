package gov.commerce.aiexports.notifications.dispatch;

import gov.commerce.aiexports.runtime.request.Commands;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The cause of what the service does later, on its own schedule (a delivery try, a closing
 * reminder): the integration event that started it, by its id and correlation id. The events
 * recorded then name the service as actor, carry the original correlation id and point at that
 * integration event as their source.
 */
public final class Causes {

    private Causes() {
    }

    public static Commands.Cause of(String causeEventId, String correlationId) {
        return new Commands.Cause(causeEventId, correlationId);
    }

    /** Ids derived from what caused a thing, so that doing it twice names the same aggregate. */
    public static String idFrom(String... parts) {
        return UUID.nameUUIDFromBytes(String.join(":", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
