package gov.commerce.aiexports.runtime.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.runtime.consuming.Membership;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The consumers' health check: down while the consumer holds no partitions, up with them, with its lag. */
class ConsumerHealthTest {

    @Test
    void a_consumer_without_partitions_is_down_then_up_with_them_and_its_lag() {
        Membership m = new Membership();
        m.joining("joining group review-service as review-service-host-8082");
        HealthCheckResponse waiting = ConsumerHealth.response("review-service", "review-service-host-8082", m.snapshot(), Map.of());
        assertEquals(HealthCheckResponse.Status.DOWN, waiting.getStatus());
        Map<String, Object> w = waiting.getData().orElseThrow();
        assertEquals("JOINING", w.get("state"));
        assertEquals(false, w.get("holdsPartitions"));
        assertEquals("", w.get("partitions"));
        assertEquals("joining group review-service as review-service-host-8082", w.get("detail"));

        TopicPartition p0 = new TopicPartition("proposals.events", 0);
        TopicPartition p1 = new TopicPartition("proposals.events", 1);
        m.assigned(Set.of(p1, p0));
        Map<TopicPartition, Long> lag = new LinkedHashMap<>();
        lag.put(p0, 3L);
        lag.put(p1, 4L);
        HealthCheckResponse consuming = ConsumerHealth.response("review-service", "review-service-host-8082", m.snapshot(), lag);
        assertEquals(HealthCheckResponse.Status.UP, consuming.getStatus());
        Map<String, Object> c = consuming.getData().orElseThrow();
        assertEquals("CONSUMING", c.get("state"));
        assertEquals(true, c.get("holdsPartitions"));
        assertEquals("proposals.events-0,proposals.events-1", c.get("partitions"));
        assertEquals(2L, ((Number) c.get("partitionCount")).longValue());
        assertEquals(7L, ((Number) c.get("lagRecords")).longValue());
        assertEquals("review-service-host-8082", c.get("instanceId"));
    }

    @Test
    void a_consumer_holding_its_partitions_is_down_while_the_service_warms_up_with_its_data_kept() {
        Membership m = new Membership();
        m.assigned(Set.of(new TopicPartition("proposals.events", 0)));
        HealthCheckResponse holding = ConsumerHealth.response("review-service", "review-service-host-8082", m.snapshot(), Map.of());
        HealthCheckResponse warming = ConsumerHealth.warming(holding, "running");
        assertEquals(HealthCheckResponse.Status.DOWN, warming.getStatus());
        Map<String, Object> w = warming.getData().orElseThrow();
        assertEquals("CONSUMING", w.get("state"));
        assertEquals(true, w.get("holdsPartitions"));
        assertEquals(false, w.get("warmedUp"));
        assertEquals(1L, ((Number) w.get("partitionCount")).longValue());
        assertEquals("warming up (running)", w.get("detail"));
    }
}
