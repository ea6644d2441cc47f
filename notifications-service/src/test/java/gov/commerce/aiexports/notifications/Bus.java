package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the other services: integration events produced straight to their topics, as their publishers would. */
public final class Bus {

    private Bus() {
    }

    public static IntegrationEvent event(IntegrationPayload payload) {
        EventContract c = EventCatalog.contractOf(payload.getClass());
        String aggregateId = payload.proposalId() != null ? payload.proposalId() : UUID.randomUUID().toString();
        return new IntegrationEvent(UUID.randomUUID(), c.type(), c.version(), c.type().replaceAll("[A-Z][a-z]+$", ""), aggregateId,
                0, Instant.now(), c.producer(), "corr-" + UUID.randomUUID(), UUID.randomUUID().toString(),
                new Actor("user-1", "COMMERCE", List.of("commerce-officer")), EventCodec.mapper().valueToTree(payload));
    }

    /** Sends the event's exact bytes, keyed like the producers do (proposal id, else aggregate id). */
    public static IntegrationEvent publish(IntegrationEvent event) throws Exception {
        String topic = Topics.of(event.producer());
        String key = event.payload().hasNonNull("proposalId") ? event.payload().get("proposalId").asText() : event.aggregateId();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties())) {
            producer.send(new ProducerRecord<>(topic, key, EventCodec.encode(event))).get(15, TimeUnit.SECONDS);
        }
        return event;
    }

    /** Sends the events with one producer, as fast as it goes: a burst that one poll reads at once. */
    public static void publishAll(List<IntegrationEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (IntegrationEvent event : events) {
                String key = event.payload().hasNonNull("proposalId") ? event.payload().get("proposalId").asText() : event.aggregateId();
                sent.add(producer.send(new ProducerRecord<>(Topics.of(event.producer()), key, EventCodec.encode(event))));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(15, TimeUnit.SECONDS);
            }
        }
    }

    public static IntegrationEvent publish(IntegrationPayload payload) throws Exception {
        return publish(event(payload));
    }

    public static ProposalSubmitted submitted(String proposalId, String uei, String trackingNumber) {
        return new ProposalSubmitted(proposalId, trackingNumber, "call-" + proposalId, 2026, "cons-" + uei, "Consortium " + uei, uei,
                "Sovereign AI cloud", List.of("DE"), List.of(), List.of("STATE", "DEFENSE"), List.of(), "v1", Instant.now(), List.of());
    }

    public static String newUei() {
        return ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase();
    }

    private static Properties properties() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }
}
