package gov.commerce.aiexports.runtime.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gov.commerce.aiexports.runtime.kafka.KafkaSettings.Client;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka client settings pass through from configuration: what reaches which client. */
class KafkaPassThroughTest {

    private static final Map<String, String> SASL_SSL = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "kafka.ssl.truststore.location", "/etc/kafka/truststore.p12",
            "kafka.acks", "all",
            "kafka.producer.compression.type", "zstd",
            "KAFKA_CONSUMER_MAX_POLL_RECORDS", "50",
            // a Kubernetes service link and a setting Kafka does not have: not client settings
            "KAFKA_PORT", "tcp://10.0.0.7:9092",
            "kafka.no.such.setting", "x");

    @Test
    void security_settings_reach_every_kind_of_client() {
        for (Client client : Client.values()) {
            Map<String, String> p = KafkaSettings.passThrough(SASL_SSL, client);
            assertEquals("SASL_SSL", p.get("security.protocol"), client.name());
            assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"), client.name());
            assertEquals("/etc/kafka/truststore.p12", p.get("ssl.truststore.location"), client.name());
            assertFalse(p.containsKey("port"), client.name());
            assertFalse(p.containsKey("no.such.setting"), client.name());
        }
    }

    @Test
    void a_setting_reaches_only_the_clients_that_know_it_and_a_prefixed_one_only_its_kind() {
        Map<String, String> producer = KafkaSettings.passThrough(SASL_SSL, Client.PRODUCER);
        Map<String, String> consumer = KafkaSettings.passThrough(SASL_SSL, Client.CONSUMER);
        Map<String, String> admin = KafkaSettings.passThrough(SASL_SSL, Client.ADMIN);
        assertEquals("all", producer.get("acks"));
        assertEquals("zstd", producer.get("compression.type"));
        assertFalse(consumer.containsKey("acks"));
        assertFalse(consumer.containsKey("compression.type"));
        assertEquals("50", consumer.get("max.poll.records"));
        assertFalse(producer.containsKey("max.poll.records"));
        assertFalse(admin.containsKey("acks"));
    }

    @Test
    void the_dotted_property_wins_over_the_variable_and_the_client_own_over_the_common() {
        Map<String, String> p = KafkaSettings.passThrough(Map.of(
                "KAFKA_CLIENT_ID", "from-env", "kafka.client.id", "from-properties",
                "kafka.linger.ms", "5", "kafka.producer.linger.ms", "20"), Client.PRODUCER);
        assertEquals("from-properties", p.get("client.id"));
        assertEquals("20", p.get("linger.ms"));
    }

    @Test
    void what_the_code_relies_on_cannot_be_overridden() {
        Map<String, String> consumer = KafkaSettings.passThrough(Map.of("kafka.enable.auto.commit", "true",
                "KAFKA_CONSUMER_AUTO_OFFSET_RESET", "earliest",
                "kafka.value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"), Client.CONSUMER);
        assertFalse(consumer.containsKey("enable.auto.commit"));
        // a consumer never jumps over records silently, whatever the configuration says
        assertFalse(consumer.containsKey("auto.offset.reset"));
        assertFalse(consumer.containsKey("value.deserializer"));
    }
}
