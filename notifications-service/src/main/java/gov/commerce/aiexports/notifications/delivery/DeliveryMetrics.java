package gov.commerce.aiexports.notifications.delivery;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What operators watch of the deliveries (docs/runbook.md, "Metrics and alerts"):
 * aiexports_notifications_delivery_attempts_total{channel, outcome} (outcome delivered, failed:
 * a retry follows, or dead_lettered), aiexports_notifications_deliveries_dead_lettered_total{channel},
 * and aiexports_notifications_delivery_queue_size: deliveries waiting for a try (PENDING or FAILED
 * with a retry scheduled), counted in the table every instance shares, at most every 5 s.
 */
@Singleton
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;

    private volatile long queued;
    private volatile long countedAt;
    private volatile boolean registered;

    void attempt(Channel channel, boolean delivered, boolean deadLettered) {
        register();
        String outcome = delivered ? "delivered" : deadLettered ? "dead_lettered" : "failed";
        Counter.builder("aiexports.notifications.delivery.attempts").description("Delivery tries (e-mail, webhook) by outcome")
                .tag("channel", channel.name()).tag("outcome", outcome).register(registry).increment();
        if (deadLettered) {
            Counter.builder("aiexports.notifications.deliveries.dead.lettered").description("Deliveries given up after their last try")
                    .tag("channel", channel.name()).register(registry).increment();
        }
    }

    /** Registered with the sender's start, so each series reads 0 before anything happens. */
    void register() {
        if (registered) {
            return;
        }
        registered = true;
        for (Channel channel : Channel.values()) {
            for (String outcome : new String[] {"delivered", "failed", "dead_lettered"}) {
                Counter.builder("aiexports.notifications.delivery.attempts").description("Delivery tries (e-mail, webhook) by outcome")
                        .tag("channel", channel.name()).tag("outcome", outcome).register(registry);
            }
            Counter.builder("aiexports.notifications.deliveries.dead.lettered").description("Deliveries given up after their last try")
                    .tag("channel", channel.name()).register(registry);
        }
        Gauge.builder("aiexports.notifications.delivery.queue.size", this, DeliveryMetrics::queued)
                .description("Deliveries waiting for a try (pending, or failed with a retry scheduled)").register(registry);
    }

    double queued() {
        long now = System.nanoTime();
        if (now - countedAt > 5_000_000_000L) {
            countedAt = now;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from " + DeliveryProjection.TABLE + " where status in ('PENDING', 'FAILED')")) {
                rs.next();
                queued = rs.getLong(1);
            } catch (Exception e) {
                return Double.NaN;
            }
        }
        return queued;
    }
}
