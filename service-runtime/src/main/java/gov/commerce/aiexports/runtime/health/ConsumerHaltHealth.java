package gov.commerce.aiexports.runtime.health;

import gov.commerce.aiexports.runtime.consuming.IntegrationEventConsumer;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The integration consumer stopped because records it needs expired from the broker: DOWN in the
 * group {@code /q/health/group/integration-consumer} (for alerts), never in readiness, since every
 * instance of the service stops alike and its HTTP API still answers from what was applied.
 */
@HealthGroup("integration-consumer")
@ApplicationScoped
public class ConsumerHaltHealth implements HealthCheck {

    @Inject
    IntegrationEventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        Map<String, String> halted = consumer.halted();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("integration-consumer").status(halted.isEmpty());
        halted.forEach((partition, why) -> b.withData(partition, why));
        return b.build();
    }
}
