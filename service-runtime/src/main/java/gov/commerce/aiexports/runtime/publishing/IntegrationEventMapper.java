package gov.commerce.aiexports.runtime.publishing;

import gov.commerce.aiexports.events.IntegrationPayload;
import java.util.Optional;

/**
 * A service's translation of its own domain events into the integration events other services
 * need. Domain events that concern nobody outside map to empty.
 */
public interface IntegrationEventMapper {

    Optional<IntegrationPayload> toIntegration(Object domainEvent);
}
