package gov.commerce.aiexports.runtime.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** group.instance.id: stable across a restart, distinct for two instances on one host, legal for Kafka. */
class KafkaInstanceIdTest {

    @Test
    void the_default_is_service_host_and_port() {
        assertEquals("review-service-build7-8082", KafkaSettings.defaultInstanceId("review-service", "build7", 8082));
        assertEquals(KafkaSettings.defaultInstanceId("review-service", "build7", 8082),
                KafkaSettings.defaultInstanceId("review-service", "build7", 8082), "the same after a restart");
        assertNotEquals(KafkaSettings.defaultInstanceId("review-service", "build7", 8082),
                KafkaSettings.defaultInstanceId("review-service", "build7", 18082), "a second instance on the host");
    }

    @Test
    void characters_kafka_refuses_are_replaced_and_the_length_is_capped() {
        assertEquals("review-service-my_host_example-8082", KafkaSettings.defaultInstanceId("review-service", "my host:example", 8082));
        assertEquals(249, KafkaSettings.legalInstanceId("x".repeat(300)).length());
        assertEquals("review-a", KafkaSettings.legalInstanceId(" review-a "));
    }
}
