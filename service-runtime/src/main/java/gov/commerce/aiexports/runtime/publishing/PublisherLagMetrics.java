package gov.commerce.aiexports.runtime.publishing;

import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * aiexports_processor_lag_events{processor}: the same for every tracking processor.
 * aiexports_publisher_lag_events: how many stored events the Kafka publisher has not yet
 * published (store head minus the processor's position). It grows while the broker is down.
 */
@Singleton
public class PublisherLagMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    AxonRuntime axon;
    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    void register(@Observes AxonRuntime.Started started) {
        Gauge.builder("aiexports.publisher.lag.events", this, PublisherLagMetrics::lag)
                .description("Stored events not yet published to Kafka")
                .tag("processor", AxonRuntime.PUBLISHER)
                .register(registry);
        // every tracking processor over the store (the publisher, the audit hash chain): how far behind the store's head
        for (String name : started.configuration().eventProcessingConfiguration().eventProcessors().keySet()) {
            started.configuration().eventProcessingConfiguration().eventProcessor(name, TrackingEventProcessor.class)
                    .ifPresent(processor -> Gauge.builder("aiexports.processor.lag.events", () -> lag(Optional.of(processor)))
                            .description("Stored events a tracking processor has not handled yet")
                            .tag("processor", name)
                            .register(registry));
        }
    }

    public double lag() {
        return lag(axon.publisherProcessor());
    }

    double lag(Optional<TrackingEventProcessor> processor) {
        try {
            TrackingToken head = axon.configuration().eventStore().createHeadToken();
            long headPosition = head == null ? 0 : head.position().orElse(0);
            long position = processor.map(TrackingEventProcessor::processingStatus)
                    .flatMap(status -> status.values().stream()
                            .map(s -> s.getCurrentPosition().orElse(-1))
                            .min(Long::compare))
                    // another instance holds the processor's token: its position is in the token store
                    .orElseGet(() -> processor.map(p -> storedPosition(p.getName())).orElse(-1L));
            if (head instanceof GlobalSequenceTrackingToken && position < 0) {
                return headPosition;
            }
            return Math.max(0, headPosition - position);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The lowest position of the processor's segments as stored (token_entry), -1 when it has none yet. */
    private long storedPosition(String processorName) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("select token, token_type from token_entry where processor_name = ?")) {
            s.setString(1, processorName);
            long lowest = Long.MAX_VALUE;
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(1);
                    String type = rs.getString(2);
                    if (bytes == null || type == null) {
                        return -1;
                    }
                    TrackingToken token = axon.serializer().deserialize(
                            new org.axonframework.serialization.SimpleSerializedObject<>(bytes, byte[].class, type, null));
                    lowest = Math.min(lowest, token == null ? -1 : token.position().orElse(-1));
                }
            }
            return lowest == Long.MAX_VALUE ? -1 : lowest;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
