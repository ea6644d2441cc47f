package gov.commerce.aiexports.runtime.consuming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static TopicPartition tp(int p) {
        return new TopicPartition("proposals.events", p);
    }

    @Test
    void holds_partitions_only_between_an_assignment_and_the_next_revocation() {
        MutableClock time = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
        Membership m = new Membership(time);
        assertEquals(Membership.State.JOINING, m.snapshot().state());
        assertFalse(m.snapshot().holdsPartitions());

        time.now = time.now.plusSeconds(3);
        m.assigned(Set.of(tp(2), tp(0), tp(1)));
        assertTrue(m.snapshot().holdsPartitions());
        assertEquals(List.of(tp(0), tp(1), tp(2)), m.snapshot().partitions());
        assertEquals(Instant.parse("2026-12-02T10:00:03Z"), m.snapshot().since());

        // a cooperative revocation of some partitions keeps the rest consuming, since the same moment
        time.now = time.now.plusSeconds(5);
        m.revoked(Set.of(tp(0)));
        assertTrue(m.snapshot().holdsPartitions());
        assertEquals(Instant.parse("2026-12-02T10:00:03Z"), m.snapshot().since());

        m.revoked(Set.of());
        assertEquals(Membership.State.REBALANCING, m.snapshot().state());
        assertEquals(List.of(), m.snapshot().partitions());

        // an empty assignment (more members than partitions) is an assignment all the same
        m.assigned(Set.of());
        assertTrue(m.snapshot().holdsPartitions());

        m.lost();
        assertFalse(m.snapshot().holdsPartitions());
        m.fenced("another process joined as review-service-host-8082");
        assertEquals(Membership.State.FENCED, m.snapshot().state());
        assertEquals("another process joined as review-service-host-8082", m.snapshot().detail().orElseThrow());
        // the fenced consumer's close reports its partitions lost: the reason it stopped stays
        m.lost();
        m.stopped();
        assertEquals(Membership.State.FENCED, m.snapshot().state());
        assertFalse(m.snapshot().holdsPartitions());
    }

    static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
