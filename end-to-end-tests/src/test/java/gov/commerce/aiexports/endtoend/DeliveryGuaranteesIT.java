package gov.commerce.aiexports.endtoend;

import static gov.commerce.aiexports.endtoend.Program.as;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.localstack.Services;
import gov.commerce.aiexports.localstack.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** What the bus guarantees, shown against the real broker and the real services. */
class DeliveryGuaranteesIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(90);

    @Test
    void a_redelivered_integration_event_has_no_second_effect() throws Exception {
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        String first = Program.submittedProposal(callId, consortiumId, uei);
        awaitReviews(first, 1);
        awaitInbox(uei, 1);

        // Kafka delivers the same event again, twice (a producer retry, a consumer rebalance ...)
        ConsumerRecord<String, byte[]> submitted = records(Topics.PROPOSALS,
                r -> first.equals(r.key()) && "ProposalSubmitted".equals(EventCodec.decode(r.value()).eventType())).get(0);
        RecordMetadata last;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.PROPOSALS, submitted.key(), submitted.value())).get();
            last = producer.send(new ProducerRecord<>(Topics.PROPOSALS, submitted.key(), submitted.value())).get();
        }
        // both consumers have read past the duplicates once their committed offsets pass them
        TopicPartition partition = new TopicPartition(Topics.PROPOSALS, last.partition());
        for (String group : List.of("review-service", "notifications-service")) {
            await().atMost(PROPAGATION).until(() -> committedOffset(group, partition) > last.offset());
        }

        assertEquals(1, reviewsOf(first), "still one review");
        assertEquals(1, inboxTotal(uei), "one receipt, not three");
    }

    @Test
    void a_poison_record_in_every_topic_is_dead_lettered_by_each_consumer_and_later_records_are_processed() throws Exception {
        // who reads which topic: each of them must dead-letter the poison and go on
        Map<String, List<String>> consumers = Map.of(
                Topics.PROPOSALS, List.of("review-service", "notifications-service", "proposals-service"),
                Topics.REVIEW, List.of("proposals-service", "incentives-service", "notifications-service"),
                Topics.INCENTIVES, List.of("proposals-service", "notifications-service"),
                Topics.NOTIFICATIONS, List.of("proposals-service"));
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String topic : consumers.keySet()) {
                producer.send(new ProducerRecord<>(topic, poisonKey, "{not an envelope".getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        String uei = Program.newUei();
        String proposal = Program.submittedProposal(Program.publishedCall(), Program.consortium(uei), uei);
        awaitReviews(proposal, 1);
        awaitInbox(uei, 1);

        for (Map.Entry<String, List<String>> topic : consumers.entrySet()) {
            for (String consumer : topic.getValue()) {
                List<ConsumerRecord<String, byte[]>> dead = await().atMost(PROPAGATION).until(() -> records(
                        Topics.deadLetterOf(consumer), r -> poisonKey.equals(r.key()) && topic.getKey().equals(
                                new String(r.headers().lastHeader("dlt.original-topic").value(), StandardCharsets.UTF_8))),
                        l -> !l.isEmpty());
                Header reason = dead.get(0).headers().lastHeader("dlt.reason");
                assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not a JSON envelope"),
                        consumer + " dead-lettered the poison of " + topic.getKey() + " with its reason");
            }
        }
        System.out.printf("poison records: %d topics, %d consumers dead-lettered them with their reason and went on%n",
                consumers.size(), consumers.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void stopping_the_broker_while_proposals_are_submitted_loses_nothing() throws Exception {
        Stack stack = RunningStack.get();
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);

        stack.kafka().stop();
        List<String> submitted = new ArrayList<>();
        long until = System.currentTimeMillis() + 30_000;
        try {
            // 30 s without a broker, under a steady load: proposals-service keeps accepting commands
            while (System.currentTimeMillis() < until) {
                submitted.add(Program.submittedProposal(callId, consortiumId, uei));
                Thread.sleep(300);
            }
            // the broker's outage takes no instance out of its load balancer: every service still answers ready,
            // and proposals-service's publisher lag (a metric and a detail of readiness) shows what waits for the broker
            for (Services.Service s : Services.ALL) {
                io.restassured.RestAssured.given().baseUri(RunningStack.url(s)).get("/q/health/ready").then().statusCode(200);
            }
            assertTrue(publisherLag() > 0, "events wait for the broker: " + publisherLag());
            assertTrue(publisherLagDetail() > 0);
        } finally {
            stack.kafka().restart();
        }
        stack.awaitKafka(Duration.ofSeconds(60));
        // ... and is back to zero once the publisher has caught up
        await().atMost(PROPAGATION).until(() -> publisherLag() == 0 && publisherLagDetail() == 0);

        for (String proposal : submitted) {
            awaitReviews(proposal, 1);
        }
        awaitInbox(uei, submitted.size());
        // every proposal's events are on the topic once... in effect, and in their order
        Map<String, List<Long>> sequences = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records(Topics.PROPOSALS, r -> submitted.contains(r.key()))) {
            IntegrationEvent e = EventCodec.decode(r.value());
            sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e.aggregateSequence());
        }
        assertEquals(new HashSet<>(submitted), sequences.keySet());
        sequences.forEach((proposal, seqs) -> {
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) >= seqs.get(i - 1), "in order for " + proposal + ": " + seqs);
            }
        });
        System.out.printf("Kafka stopped 30 s under load survived: %d submissions accepted during the outage, %d records checked "
                + "in order per proposal, %d reviews and %d inbox receipts arrived once%n", submitted.size(),
                sequences.values().stream().mapToInt(List::size).sum(), submitted.size(), submitted.size());
    }

    /** aiexports_publisher_lag_events of proposals-service, from /q/metrics. */
    private static double publisherLag() throws Exception {
        String metrics = io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.PROPOSALS)).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^aiexports_publisher_lag_events\\{[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "the publisher lag is exported");
        return Double.parseDouble(m.group(1));
    }

    /** The same, as the detail of proposals-service's readiness. */
    private static long publisherLagDetail() throws Exception {
        return io.restassured.RestAssured.given().baseUri(RunningStack.url(Services.PROPOSALS)).get("/q/health/ready").then()
                .statusCode(200).extract().jsonPath().getLong("checks.find { it.name == 'kafka-publisher' }.data.lagEvents");
    }

    @Test
    void killing_a_consumer_mid_stream_gives_no_duplicate_and_no_missing_inbox_entry() throws Exception {
        Stack stack = RunningStack.get();
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        Set<String> submitted = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            if (i == 4) {
                stack.service(Services.NOTIFICATIONS).kill();
            }
            submitted.add(Program.submittedProposal(callId, consortiumId, uei));
        }
        stack.service(Services.NOTIFICATIONS).start().awaitReady(Duration.ofSeconds(120));

        awaitInbox(uei, 12);
        List<String> proposals = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=100").then().extract()
                .jsonPath().getList("items.proposalId");
        assertEquals(12, proposals.size());
        assertEquals(submitted, new HashSet<>(proposals), "exactly one receipt for each proposal");
    }

    private static void awaitReviews(String proposalId, int expected) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> reviewsOf(proposalId) >= expected);
    }

    private static int reviewsOf(String proposalId) throws Exception {
        return as(Services.REVIEW, "COMMERCE", "commerce-officer").get("/reviews?proposalId=" + proposalId).then()
                .statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static void awaitInbox(String uei, int expected) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(300)).until(() -> inboxTotal(uei) >= expected);
    }

    private static int inboxTotal(String uei) throws Exception {
        return as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox").then().statusCode(200).extract().path("total");
    }

    private static long committedOffset(String group, TopicPartition partition) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    private static KafkaProducer<String, byte[]> producer() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return new KafkaProducer<>(p);
    }

    /** Everything on the topic now that matches. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> filter)
            throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("group.id", "e2e-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 8_000;
            int emptyPolls = 0;
            while (System.currentTimeMillis() < deadline && emptyPolls < 5) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, byte[]> r : batch) {
                    if (filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
