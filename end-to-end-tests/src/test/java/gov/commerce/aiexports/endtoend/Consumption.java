package gov.commerce.aiexports.endtoend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.localstack.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the services' consumers have read, seen from the broker: committed offsets against the
 * topics' ends. Exact counts are checked once everything on the topics has been consumed, so that a
 * second effect arriving late cannot slip past an "at least" wait.
 */
final class Consumption {

    /** Who reads which topic; a service's consumer group is named after the service. */
    static final Map<String, List<String>> READERS = Map.of(
            Topics.PROPOSALS, List.of("review-service", "notifications-service", "proposals-service"),
            Topics.REVIEW, List.of("proposals-service", "incentives-service", "notifications-service"),
            Topics.INCENTIVES, List.of("proposals-service", "notifications-service"),
            Topics.NOTIFICATIONS, List.of("proposals-service"));

    private Consumption() {
    }

    static Admin admin() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("request.timeout.ms", "5000");
        p.put("default.api.timeout.ms", "10000");
        return Admin.create(p);
    }

    /** The topics a service's consumer group reads. */
    static Set<String> topicsOf(String group) {
        Set<String> topics = new TreeSet<>();
        READERS.forEach((topic, groups) -> {
            if (groups.contains(group)) {
                topics.add(topic);
            }
        });
        return topics;
    }

    /** The log end offset of every partition of the topics. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The group's committed offsets (a partition it never committed reads 0). */
    static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        committed.forEach((tp, o) -> offsets.put(tp, o == null ? 0 : o.offset()));
        return offsets;
    }

    /** Records on the group's topics it has not committed yet: what it has still to read, or read and not yet confirmed. */
    static long backlog(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin, group);
        long backlog = 0;
        for (Map.Entry<TopicPartition, Long> end : endOffsets(admin, topicsOf(group)).entrySet()) {
            backlog += Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L));
        }
        return backlog;
    }

    /** What a group has still to commit on each partition, empty when it has committed everything up to the given ends. */
    static Map<TopicPartition, Long> behind(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin, group);
        Map<TopicPartition, Long> behind = new HashMap<>();
        for (String topic : topicsOf(group)) {
            ends.forEach((tp, end) -> {
                long at = committed.getOrDefault(tp, 0L);
                if (tp.topic().equals(topic) && at < end) {
                    behind.put(tp, end - at);
                }
            });
        }
        return behind;
    }

    /**
     * Waits until nothing is left to happen on the bus: every consumer group has committed the end
     * of every topic it reads, and that has held, with the ends and every service's publisher lag
     * unchanged, for {@link #QUIET} (a consumed record may publish another; a publisher that still has
     * events to send moves its lag). The lag need not read 0: a gap in a store's sequence can keep it
     * at 1 with nothing left to send (incentives-service's does). Returns the records counted on the topics.
     */
    static long awaitQuiet(Duration timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> quietEnds = null;
            Map<String, Double> quietLags = null;
            long quietSince = 0;
            String waitingFor = "";
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, Long> ends;
                Map<String, Double> lags = new HashMap<>();
                waitingFor = "";
                try {
                    ends = endOffsets(admin, READERS.keySet());
                    for (Services.Service s : Services.ALL) {
                        lags.put(s.name(), publisherLag(s));
                    }
                    for (String group : new TreeSet<>(READERS.values().stream().flatMap(List::stream).toList())) {
                        Map<TopicPartition, Long> behind = behind(admin, group, ends);
                        if (!behind.isEmpty()) {
                            waitingFor += group + " behind " + behind + "; ";
                        }
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.RetriableException)) {
                        throw e;
                    }
                    // the broker slow to answer one call (a busy machine, a coordinator moving): not quiet yet, ask again
                    quietEnds = null;
                    waitingFor = "the broker did not answer: " + e.getCause();
                    Thread.sleep(200);
                    continue;
                }
                if (!waitingFor.isEmpty() || !ends.equals(quietEnds) || !lags.equals(quietLags)) {
                    quietEnds = waitingFor.isEmpty() ? ends : null;
                    quietLags = lags;
                    quietSince = System.currentTimeMillis();
                    waitingFor += "publisher lags " + lags;
                } else if (System.currentTimeMillis() - quietSince >= QUIET.toMillis()) {
                    return ends.values().stream().mapToLong(Long::longValue).sum();
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the bus did not go quiet within " + timeout + ": " + waitingFor);
        }
    }

    /** How long the bus must stay still to count as quiet: longer than a publisher's poll of its store. */
    static final Duration QUIET = Duration.ofSeconds(3);

    /** aiexports_publisher_lag_events of a service, from /q/metrics. */
    static double publisherLag(Services.Service service) throws Exception {
        String metrics = io.restassured.RestAssured.given().baseUri(RunningStack.url(service)).get("/q/metrics").then()
                .statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^aiexports_publisher_lag_events\\{[^}]*} (\\S+)$").matcher(metrics);
        assertTrue(m.find(), "the publisher lag of " + service.name() + " is exported");
        return Double.parseDouble(m.group(1));
    }

    static KafkaProducer<String, byte[]> producer() throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        p.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        return new KafkaProducer<>(p);
    }

    /** Everything on the topic now that matches, in each partition's order. */
    static List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> filter)
            throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = admin()) {
            ends = endOffsets(admin, List.of(topic));
        }
        Properties p = new Properties();
        p.put("bootstrap.servers", RunningStack.get().kafkaBootstrap());
        p.put("group.id", "e2e-reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            // read each partition up to the end it had when asked: everything there, and nothing missed by an early stop
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.currentTimeMillis() + 60_000;
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertTrue(System.currentTimeMillis() < deadline, "could not read " + topic + " to " + ends);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())) && filter.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
