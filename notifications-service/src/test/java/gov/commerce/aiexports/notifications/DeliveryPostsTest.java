package gov.commerce.aiexports.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The delivery id tells a retry from a double send: each kind of double send is found, retries are not. */
class DeliveryPostsTest {

    private static Receiver.Request post(String delivery, String event, int attempt, String body) {
        return new Receiver.Request(attempt, Map.of("x-delivery-id", delivery, "x-event-id", event, "webhook-id", event,
                "x-delivery-attempt", String.valueOf(attempt)), body.getBytes(StandardCharsets.UTF_8), Instant.now(), 200);
    }

    private static final Map<String, String> EXPECTED = Map.of("d1", "e1", "d2", "e2");

    @Test
    void retries_are_not_double_sends() {
        List<Receiver.Request> posts = List.of(post("d1", "e1", 1, "{a}"), post("d2", "e2", 1, "{b}"), post("d2", "e2", 2, "{b}"));
        DeliveryPosts.Tally t = DeliveryPosts.tally(posts, EXPECTED, Map.of("d1", 1L, "d2", 2L));
        assertEquals(List.of(), t.doubleSends());
        assertEquals(3, t.posts());
        assertEquals(2, t.deliveries());
        assertEquals(1, t.retries());
    }

    @Test
    void the_same_try_posted_twice_is_a_double_send() {
        List<Receiver.Request> posts = List.of(post("d1", "e1", 1, "{a}"), post("d1", "e1", 1, "{a}"), post("d2", "e2", 1, "{b}"));
        List<String> found = DeliveryPosts.tally(posts, EXPECTED, Map.of("d1", 1L, "d2", 1L)).doubleSends();
        assertEquals(List.of("try 1 of delivery d1 posted 2 times"), found);
    }

    @Test
    void a_second_delivery_of_one_event_is_a_double_send() {
        List<Receiver.Request> posts = new ArrayList<>(List.of(post("d1", "e1", 1, "{a}"), post("d2", "e2", 1, "{b}")));
        posts.add(post("d3", "e1", 1, "{a}"));
        List<String> found = DeliveryPosts.tally(posts, EXPECTED, Map.of("d1", 1L, "d2", 1L)).doubleSends();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("delivery d3 (event e1) is a second delivery"), found.toString());
    }

    @Test
    void a_post_no_recorded_try_accounts_for_and_a_changed_body_are_found() {
        List<Receiver.Request> posts = List.of(post("d1", "e1", 1, "{a}"), post("d1", "e1", 2, "{a2}"), post("d2", "e2", 1, "{b}"));
        List<String> found = DeliveryPosts.tally(posts, EXPECTED, Map.of("d1", 1L, "d2", 1L)).doubleSends();
        assertEquals(List.of("delivery d1 posted tries [1, 2] but recorded [1]", "delivery d1 posted different bodies"), found);
    }
}
