package gov.commerce.aiexports.runtime.publishing;

import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * aiexports_publisher_lag_events: how many stored events the Kafka publisher has not yet
 * published (store head minus the processor's position). It grows while the broker is down.
 */
@Singleton
public class PublisherLagMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    AxonRuntime axon;

    void register(@Observes AxonRuntime.Started started) {
        Gauge.builder("aiexports.publisher.lag.events", this, PublisherLagMetrics::lag)
                .description("Stored events not yet published to Kafka")
                .tag("processor", AxonRuntime.PUBLISHER)
                .register(registry);
    }

    public double lag() {
        try {
            TrackingToken head = axon.configuration().eventStore().createHeadToken();
            long headPosition = head == null ? 0 : head.position().orElse(0);
            long position = axon.publisherProcessor().map(TrackingEventProcessor::processingStatus)
                    .flatMap(status -> status.values().stream()
                            .map(s -> s.getCurrentPosition().orElse(-1))
                            .min(Long::compare))
                    .orElse(-1L);
            if (head instanceof GlobalSequenceTrackingToken && position < 0) {
                return headPosition;
            }
            return Math.max(0, headPosition - position);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
