package gov.commerce.aiexports.runtime.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The consumer's own defaults, and an operator's setting winning over them (docs/runbook.md). */
class KafkaConsumerSettingsTest {

    private static KafkaSettings settings(Map<String, String> configured) {
        KafkaSettings s = new KafkaSettings();
        s.bootstrapServers = "127.0.0.1:9092";
        s.serviceName = "proposals-service";
        s.instanceId = Optional.empty();
        s.httpPort = 8081;
        s.sessionTimeout = Duration.ofSeconds(30);
        s.config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(configured, "test", 100)).build();
        return s;
    }

    @Test
    void a_fetch_waits_briefly_for_more_records_so_that_a_poll_applies_several() {
        Properties p = settings(Map.of()).consumer();
        assertEquals("1048576", String.valueOf(p.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)));
        assertEquals("50", String.valueOf(p.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)));
    }

    @Test
    void a_poll_brings_up_to_a_thousand_records_so_that_a_consumer_behind_catches_up() {
        Properties p = settings(Map.of()).consumer();
        assertEquals("1000", String.valueOf(p.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
        assertEquals("50", String.valueOf(settings(Map.of("KAFKA_CONSUMER_MAX_POLL_RECORDS", "50")).consumer()
                .get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)));
    }

    @Test
    void an_operator_can_shorten_the_wait_or_answer_at_once() {
        Properties p = settings(Map.of("KAFKA_CONSUMER_FETCH_MIN_BYTES", "1", "kafka.consumer.fetch.max.wait.ms", "5")).consumer();
        assertEquals("1", String.valueOf(p.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)));
        assertEquals("5", String.valueOf(p.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)));
    }
}
