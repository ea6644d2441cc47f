package gov.commerce.aiexports.runtime.consuming;

import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationEvent;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether this build of the service knows an (upcast) envelope's contract. Handlers pick the types
 * they act on with {@code event.is(Type.class)}, which is false for another version of the same
 * type: without this check a newer version of a type a service handles would be skipped silently
 * and its offset committed. So, before any handler runs:
 * <ul>
 * <li>a type in the catalogue at its current version goes to the handlers; a handler that does not
 *     act on that type skips it by design (e.g. review-service reading CallPublished on
 *     proposals.events), and the event is recorded as processed;</li>
 * <li>a type at a version newer than the catalogue's is dead-lettered ({@code SCHEMA_VERSION_NEWER}):
 *     deploy the consumer that knows it, then redeliver;</li>
 * <li>a type at an older version that no upcaster brings to the current one is dead-lettered
 *     ({@code SCHEMA_VERSION_UNKNOWN});</li>
 * <li>a type not in the catalogue at all is dead-lettered ({@code EVENT_TYPE_UNKNOWN}): it comes
 *     from a producer built with newer contracts, and some consumers (the timeline, webhooks) act
 *     on every type, so it cannot be assumed irrelevant.</li>
 * </ul>
 */
final class ContractVersions {

    static final Map<String, Integer> CURRENT = EventCatalog.CONTRACTS.stream().map(EventCatalog::contractOf)
            .collect(Collectors.toUnmodifiableMap(EventContract::type, EventContract::version));

    /** Why the event cannot be applied by this build, as (rule, reason); empty when it can. */
    record Refusal(String rule, String reason) {
    }

    private ContractVersions() {
    }

    static Optional<Refusal> check(IntegrationEvent event) {
        Integer known = CURRENT.get(event.eventType());
        if (known == null) {
            return Optional.of(new Refusal("EVENT_TYPE_UNKNOWN", "event type " + event.eventType() + " (v" + event.schemaVersion()
                    + ") is not in this consumer's contract catalogue"));
        }
        if (event.schemaVersion() > known) {
            return Optional.of(new Refusal("SCHEMA_VERSION_NEWER", event.eventType() + " v" + event.schemaVersion()
                    + " is newer than v" + known + ", the latest this consumer knows"));
        }
        if (event.schemaVersion() != known) {
            return Optional.of(new Refusal("SCHEMA_VERSION_UNKNOWN", event.eventType() + " v" + event.schemaVersion()
                    + " has no upcaster to v" + known + ", the version this consumer reads"));
        }
        return Optional.empty();
    }
}
