package gov.commerce.aiexports.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    final RetrySchedule policy = new RetrySchedule(5, Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void ceilings_double_from_the_base_up_to_the_cap() {
        assertEquals(Duration.ofSeconds(10), policy.ceiling(1));
        assertEquals(Duration.ofSeconds(20), policy.ceiling(2));
        assertEquals(Duration.ofSeconds(40), policy.ceiling(3));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(4));
        assertEquals(Duration.ofSeconds(60), policy.ceiling(40));
    }

    @Test
    void the_wait_is_between_half_the_ceiling_and_the_ceiling() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.delayAfter(1, () -> 0.0));
        assertEquals(Optional.of(Duration.ofMillis(19_999)), policy.delayAfter(2, () -> 0.99995));
        Random random = new Random(7);
        for (int tries = 1; tries < 5; tries++) {
            for (int i = 0; i < 200; i++) {
                Duration wait = policy.delayAfter(tries, random::nextDouble).orElseThrow();
                Duration ceiling = policy.ceiling(tries);
                assertTrue(wait.compareTo(ceiling.dividedBy(2)) >= 0 && wait.compareTo(ceiling) <= 0, wait + " for try " + tries);
            }
        }
    }

    @Test
    void after_the_last_try_there_is_no_retry() {
        assertTrue(policy.delayAfter(4, () -> 0.5).isPresent());
        assertTrue(policy.delayAfter(5, () -> 0.5).isEmpty());
        assertTrue(new RetrySchedule(1, Duration.ofMillis(1), Duration.ofMillis(1)).delayAfter(1, () -> 0.5).isEmpty());
    }

    @Test
    void an_incoherent_policy_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
