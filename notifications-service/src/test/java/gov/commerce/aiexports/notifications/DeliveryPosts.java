package gov.commerce.aiexports.notifications;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Tells a receiver's POSTs apart by the delivery's idempotency key ({@code X-Delivery-Id}) and the
 * try's number ({@code X-Delivery-Attempt}): a retry repeats the delivery's id with the next number
 * and the same body; a double send is a second delivery id for one event, one try posted twice, or
 * a POST no recorded try accounts for.
 */
final class DeliveryPosts {

    /** What the POSTs were: how many, of how many deliveries, how many were retries, and every double send found. */
    record Tally(int posts, int deliveries, int retries, List<String> doubleSends) {
    }

    private DeliveryPosts() {
    }

    /**
     * @param expected each delivery id the POSTs may carry, with its event's id
     * @param recordedTries each delivery's tries as its events record them
     */
    static Tally tally(List<Receiver.Request> posts, Map<String, String> expected, Map<String, Long> recordedTries) {
        List<String> doubles = new ArrayList<>();
        Map<String, List<Receiver.Request>> byDelivery = posts.stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.header("X-Delivery-Id")), TreeMap::new, Collectors.toList()));
        byDelivery.forEach((id, list) -> {
            if (!expected.containsKey(id)) {
                doubles.add("delivery " + id + " (event " + list.get(0).header("X-Event-Id") + ") is a second delivery of its event");
            }
        });
        int retries = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String id = e.getKey();
            List<Receiver.Request> list = byDelivery.getOrDefault(id, List.of());
            Map<Long, Long> perTry = list.stream().collect(Collectors.groupingBy(r -> Long.parseLong(r.header("X-Delivery-Attempt")),
                    TreeMap::new, Collectors.counting()));
            perTry.forEach((n, count) -> {
                if (count > 1) {
                    doubles.add("try " + n + " of delivery " + id + " posted " + count + " times");
                }
            });
            long tries = recordedTries.getOrDefault(id, 0L);
            List<Long> recorded = LongStream.rangeClosed(1, tries).boxed().toList();
            if (!List.copyOf(perTry.keySet()).equals(recorded)) {
                doubles.add("delivery " + id + " posted tries " + perTry.keySet() + " but recorded " + recorded);
            }
            if (list.stream().anyMatch(r -> !e.getValue().equals(r.header("X-Event-Id")) || !e.getValue().equals(r.header("webhook-id")))) {
                doubles.add("delivery " + id + " posted under another event id or webhook-id");
            }
            if (list.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).distinct().count() > 1) {
                doubles.add("delivery " + id + " posted different bodies");
            }
            retries += Math.max(0, list.size() - 1);
        }
        return new Tally(posts.size(), byDelivery.size(), retries, List.copyOf(doubles));
    }
}
