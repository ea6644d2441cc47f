package gov.commerce.aiexports.runtime.health;

import gov.commerce.aiexports.runtime.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the broker answers; the database check comes with the datasource. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    KafkaSettings settings;

    @Override
    public HealthCheckResponse call() {
        try (Admin admin = settings.admin()) {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("brokers", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("error", e.toString()).build();
        }
    }
}
