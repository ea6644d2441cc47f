package gov.commerce.aiexports.runtime.health;

import gov.commerce.aiexports.runtime.publishing.KafkaPublisher;
import gov.commerce.aiexports.runtime.publishing.PublisherLagMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker's state as a detail of readiness, never its condition: commands are accepted while
 * Kafka is away (the event store is the outbox, and the publisher catches up), so an outage of the
 * broker must not take every instance out of its load balancer. The probe asks nothing of the
 * broker, so it answers at once however the network is; operators watch the publisher's lag
 * (here and as aiexports_publisher_lag_events) and alert on it. The database check comes with
 * the datasource and does decide readiness.
 */
@Readiness
@ApplicationScoped
public class PublisherHealth implements HealthCheck {

    @Inject
    PublisherLagMetrics lag;
    @Inject
    KafkaPublisher publisher;

    @Override
    public HealthCheckResponse call() {
        double events = lag.lag();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("kafka-publisher").up()
                .withData("lagEvents", Double.isNaN(events) ? -1 : (long) events);
        publisher.lastPublishedAt().ifPresent(t -> b.withData("lastPublishedAt", t.toString()));
        publisher.lastFailure().ifPresent(f -> b.withData("lastFailure", f));
        return b.build();
    }
}
