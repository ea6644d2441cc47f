package gov.commerce.aiexports.runtime.health;

import gov.commerce.aiexports.runtime.consuming.IntegrationEventConsumer;
import gov.commerce.aiexports.runtime.consuming.Membership;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the service consumes, as opposed to accepting commands: {@code GET /q/health/group/consumers}
 * answers 200 when the integration consumer holds its assignment from its group, 503 while it joins,
 * waits out a rebalance (or a predecessor's session) or was fenced, with its partitions and lag.
 * Not a readiness check on purpose: an instance whose consumer waits still serves its API, and a broker
 * outage must not take every instance out of its load balancer; not liveness either (restarting does not
 * bring partitions sooner). {@code ./run} waits on it before it says "ready"; operators alert on it.
 */
@HealthGroup(ConsumerHealth.GROUP)
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    /** The health group: /q/health/group/consumers. */
    public static final String GROUP = "consumers";

    @Inject
    IntegrationEventConsumer consumer;
    @Inject
    gov.commerce.aiexports.runtime.warmup.Warmup warmup;

    @Override
    public HealthCheckResponse call() {
        if (!consumer.consumes()) {
            return HealthCheckResponse.named("kafka-consumer").up().withData("state", "NO_TOPICS").build();
        }
        HealthCheckResponse holding = response(consumer.groupId(), consumer.instanceId(), consumer.membership().snapshot(), consumer.lag());
        return warmup.done() ? holding : warming(holding, warmup.summary());
    }

    /**
     * Down while the service still runs its first command, store write and Kafka send once (Warmup):
     * the first record it consumes would otherwise take seconds. The consumer's own data stay as they are.
     */
    static HealthCheckResponse warming(HealthCheckResponse holding, String warmup) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(holding.getName()).down();
        holding.getData().ifPresent(data -> data.forEach((k, v) -> {
            if (k.equals("detail")) {
                return;
            }
            if (v instanceof Boolean flag) {
                b.withData(k, flag);
            } else if (v instanceof Number n) {
                b.withData(k, n.longValue());
            } else {
                b.withData(k, String.valueOf(v));
            }
        }));
        return b.withData("warmedUp", false).withData("detail", "warming up (" + warmup + ")").build();
    }

    /** Up only while the consumer holds its assignment; the data say which partitions, since when, and how far behind. */
    static HealthCheckResponse response(String group, String instanceId, Membership.Snapshot s, Map<TopicPartition, Long> lag) {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("kafka-consumer").status(s.holdsPartitions())
                .withData("group", group)
                .withData("instanceId", instanceId)
                .withData("state", s.state().name())
                .withData("holdsPartitions", s.holdsPartitions())
                .withData("since", s.since().toString())
                .withData("partitions", s.partitions().stream().map(TopicPartition::toString).collect(Collectors.joining(",")))
                .withData("partitionCount", s.partitions().size());
        // the lag of a partition is known once it has been fetched from; until then it is left out of the sum
        b.withData("lagRecords", lag.values().stream().mapToLong(Long::longValue).sum());
        b.withData("lagKnownPartitions", lag.size());
        s.detail().ifPresent(d -> b.withData("detail", d));
        return b.build();
    }
}
