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
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    /** Concurrent clients, as in the kill tests (FaultToleranceIT). */
    private static final int CLIENTS = 4;

    @Test
    void a_redelivered_integration_event_has_no_second_effect() throws Exception {
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        String first = Program.submittedProposal(callId, consortiumId, uei);
        awaitReviews(first, 1);
        awaitInbox(uei, 1);

        // Kafka delivers the same event again, twice (a producer retry, a consumer rebalance ...)
        ConsumerRecord<String, byte[]> submitted = Consumption.records(Topics.PROPOSALS,
                r -> first.equals(r.key()) && "ProposalSubmitted".equals(EventCodec.decode(r.value()).eventType())).get(0);
        RecordMetadata last;
        try (KafkaProducer<String, byte[]> producer = Consumption.producer()) {
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
    void a_poison_record_in_every_topic_is_dead_lettered_by_each_consumer_and_its_partition_moves_on() throws Exception {
        // who reads which topic: each of them must dead-letter the poison and go on
        Map<String, List<String>> consumers = Consumption.READERS;
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);
        String applied = Program.submittedProposal(callId, consortiumId, uei);
        awaitReviews(applied, 1);
        awaitInbox(uei, 1);
        ConsumerRecord<String, byte[]> real = Consumption.records(Topics.PROPOSALS,
                r -> applied.equals(r.key()) && "ProposalSubmitted".equals(EventCodec.decode(r.value()).eventType())).get(0);

        // the poison, then on its partition (its key) a well-formed record: an event every reader has seen or ignores,
        // so reading it has no second effect, and a reader blocked by the poison would never commit past it
        String poisonKey = "poison-" + UUID.randomUUID();
        Map<String, RecordMetadata> poisons = new HashMap<>();
        Map<String, RecordMetadata> followUps = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = Consumption.producer()) {
            for (String topic : consumers.keySet()) {
                poisons.put(topic, producer.send(new ProducerRecord<>(topic, poisonKey, "{not an envelope".getBytes(StandardCharsets.UTF_8)))
                        .get());
                followUps.put(topic, producer.send(new ProducerRecord<>(topic, poisonKey, real.value())).get());
            }
        }
        // and the program goes on: a proposal submitted after the poisons is reviewed and receipted
        String later = Program.submittedProposal(callId, consortiumId, uei);
        awaitReviews(later, 1);

        int partitionsMovedOn = 0;
        try (Admin admin = Consumption.admin()) {
            for (Map.Entry<String, List<String>> topic : consumers.entrySet()) {
                RecordMetadata poison = poisons.get(topic.getKey());
                RecordMetadata followUp = followUps.get(topic.getKey());
                assertEquals(poison.partition(), followUp.partition(), "the follow-up shares the poison's partition");
                TopicPartition partition = new TopicPartition(topic.getKey(), poison.partition());
                for (String consumer : topic.getValue()) {
                    await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).until(() -> Consumption.committed(admin, consumer)
                            .getOrDefault(partition, 0L) > followUp.offset());
                    partitionsMovedOn++;
                    List<ConsumerRecord<String, byte[]>> dead = Consumption.records(Topics.deadLetterOf(consumer),
                            r -> poisonKey.equals(r.key()) && topic.getKey().equals(
                                    new String(r.headers().lastHeader("dlt.original-topic").value(), StandardCharsets.UTF_8)));
                    assertEquals(1, dead.size(), consumer + " dead-lettered the poison of " + topic.getKey() + " (and nothing else of its key)");
                    Header reason = dead.get(0).headers().lastHeader("dlt.reason");
                    assertTrue(reason != null && new String(reason.value(), StandardCharsets.UTF_8).contains("not a JSON envelope"),
                            consumer + " dead-lettered the poison of " + topic.getKey() + " with its reason");
                }
            }
        }
        Consumption.awaitQuiet(PROPAGATION);
        assertEquals(1, reviewsOf(applied), "the follow-ups had no second effect: one review");
        assertEquals(1, reviewsOf(later));
        assertEquals(2, inboxTotal(uei), "one receipt for each of the two proposals, none for the follow-ups");
        System.out.printf("poison records: %d topics, %d consumers dead-lettered them with their reason and committed past the "
                + "well-formed record behind each poison on its partition (%d partitions moved on)%n",
                consumers.size(), consumers.values().stream().mapToInt(List::size).sum(), partitionsMovedOn);
    }

    @Test
    void stopping_the_broker_while_proposals_are_submitted_loses_nothing_and_doubles_nothing() throws Exception {
        Stack stack = RunningStack.get();
        String uei = Program.newUei();
        String callId = Program.publishedCall();
        String consortiumId = Program.consortium(uei);

        List<String> submitted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        stack.kafka().stop();
        try {
            // 30 s without a broker, under the load of the kill tests (several clients at once): proposals-service keeps
            // accepting commands, and every one of them must be answered 2xx
            long until = System.currentTimeMillis() + 30_000;
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(load.submit(() -> {
                    while (System.currentTimeMillis() < until) {
                        submitted.add(Program.submittedProposal(callId, consortiumId, uei));
                        Thread.sleep(200);
                    }
                    return null;
                }));
            }
            for (Future<?> c : clients) {
                c.get();
            }
            // the broker's outage takes no instance out of its load balancer: every service still answers ready,
            // and proposals-service's publisher lag (a metric and a detail of readiness) shows what waits for the broker
            for (Services.Service s : Services.ALL) {
                io.restassured.RestAssured.given().baseUri(RunningStack.url(s)).get("/q/health/ready").then().statusCode(200);
            }
            assertTrue(publisherLag() > 0, "events wait for the broker: " + publisherLag());
            assertTrue(publisherLagDetail() > 0);
        } finally {
            load.shutdownNow();
            stack.kafka().restart();
        }
        stack.awaitKafka(Duration.ofSeconds(60));
        // ... and is back to zero once the publisher has caught up
        await().atMost(PROPAGATION).until(() -> publisherLag() == 0 && publisherLagDetail() == 0);
        // counted once every consumer has committed the end of every topic it reads: a double has had its chance
        long onTheBus = Consumption.awaitQuiet(Duration.ofSeconds(180));

        for (String proposal : submitted) {
            assertEquals(1, reviewsOf(proposal), "exactly one review for " + proposal);
        }
        List<String> receipted = inboxProposals(uei);
        List<String> expected = new ArrayList<>(submitted);
        Collections.sort(expected);
        Collections.sort(receipted);
        assertEquals(expected, receipted, "exactly one receipt for each proposal submitted during the outage");
        // every proposal's events are on the topic once each, in their order
        Map<String, List<Long>> sequences = new HashMap<>();
        Map<String, Integer> submissions = new HashMap<>();
        Set<String> ours = new HashSet<>(submitted);
        for (ConsumerRecord<String, byte[]> r : Consumption.records(Topics.PROPOSALS, r -> ours.contains(r.key()))) {
            IntegrationEvent e = EventCodec.decode(r.value());
            sequences.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e.aggregateSequence());
            if ("ProposalSubmitted".equals(e.eventType())) {
                submissions.merge(r.key(), 1, Integer::sum);
            }
        }
        assertEquals(ours, sequences.keySet());
        sequences.forEach((proposal, seqs) -> {
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), "strictly in order, none twice, for " + proposal + ": " + seqs);
            }
            assertEquals(1, submissions.getOrDefault(proposal, 0), "one ProposalSubmitted on the topic for " + proposal);
        });
        System.out.printf("Kafka stopped 30 s under the load of %d clients survived: %d submissions accepted during the outage, "
                + "%d records of theirs checked strictly in order per proposal, exactly %d reviews and %d inbox receipts once the "
                + "consumers committed the end of their topics (%d records on the bus)%n", CLIENTS, submitted.size(),
                sequences.values().stream().mapToInt(List::size).sum(), submitted.size(), receipted.size(), onTheBus);
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
        Consumption.awaitQuiet(Duration.ofSeconds(180)); // the backlog the kill falls on is this test's traffic, nothing older
        Set<String> submitted = Collections.synchronizedSet(new HashSet<>());
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger afterKill = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(load.submit(() -> {
                // submissions go on until four more have been accepted while the consumer was down
                while (afterKill.get() < 4) {
                    inFlight.incrementAndGet();
                    try {
                        submitted.add(Program.submittedProposal(callId, consortiumId, uei));
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    if (killed.get()) {
                        afterKill.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        // the kill falls while notifications-service has records on its topics it has not committed (read or not)
        long backlog;
        int requests;
        try (Admin admin = Consumption.admin()) {
            load.shutdown(); // no new client; those running go on until four submissions fell after the kill
            long[] seen = new long[1];
            await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() -> (seen[0] = Consumption.backlog(admin,
                    Services.NOTIFICATIONS.name())) >= 2);
            requests = inFlight.get();
            stack.service(Services.NOTIFICATIONS).kill();
            killed.set(true);
            backlog = Math.max(seen[0], Consumption.backlog(admin, Services.NOTIFICATIONS.name()));
        } finally {
            killed.set(true); // even when no backlog was seen: the clients stop
        }
        for (Future<?> c : clients) {
            c.get();
        }
        stack.service(Services.NOTIFICATIONS).start().awaitReady(Duration.ofSeconds(120));
        Consumption.awaitQuiet(Duration.ofSeconds(180));

        List<String> proposals = inboxProposals(uei);
        assertEquals(submitted.size(), proposals.size(), "one receipt per submission, no more: " + proposals);
        assertEquals(submitted, new HashSet<>(proposals), "exactly one receipt for each proposal");
        System.out.printf("notifications-service killed with %d records of its topics uncommitted and %d submissions in flight: "
                + "%d submissions, %d inbox receipts, each once%n", backlog, requests, submitted.size(), proposals.size());
    }

    /** The proposals of the applicant's inbox entries, one per entry, all pages. */
    private static List<String> inboxProposals(String uei) throws Exception {
        List<String> proposals = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> items = as(Services.NOTIFICATIONS, uei, "applicant").get("/inbox?size=200&page=" + page).then().statusCode(200)
                    .extract().jsonPath().getList("items.proposalId", String.class);
            proposals.addAll(items);
            if (items.size() < 200) {
                return proposals;
            }
        }
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

}
