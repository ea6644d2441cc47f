package gov.commerce.aiexports.runtime.consuming;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the integration consumer stands in its group, as the health check reports it: a service
 * may accept commands (readiness) while consuming nothing, because it has not joined its group
 * yet, a rebalance is running, or the coordinator still waits for a predecessor's session to
 * expire. Written by the consumer's thread (its rebalance callbacks), read by the health check.
 */
public final class Membership {

    /** The consumer's standing; only {@link #CONSUMING} means records of its topics reach this instance. */
    public enum State {
        /** No consumer yet (topics not ensured, broker away) or a new one not yet in its group. */
        JOINING,
        /** In its group with an assignment (possibly empty when the group has more members than partitions). */
        CONSUMING,
        /** A rebalance took its partitions (or they were lost): it waits for the next assignment. */
        REBALANCING,
        /** Another process joined with the same group.instance.id and took this one's place. */
        FENCED,
        /** Shut down, having left its group. */
        STOPPED
    }

    /** What the health check shows. */
    public record Snapshot(State state, List<TopicPartition> partitions, Instant since, Optional<String> detail) {

        public boolean holdsPartitions() {
            return state == State.CONSUMING;
        }
    }

    private final Clock clock;
    private volatile Snapshot current;

    public Membership(Clock clock) {
        this.clock = clock;
        this.current = new Snapshot(State.JOINING, List.of(), clock.instant(), Optional.empty());
    }

    public Membership() {
        this(Clock.systemUTC());
    }

    public Snapshot snapshot() {
        return current;
    }

    /** A new consumer subscribes: it holds nothing until the coordinator assigns. */
    public void joining(String detail) {
        set(State.JOINING, List.of(), detail);
    }

    /** After a rebalance: {@code assignment} is everything the consumer now holds (not only what was added). */
    public void assigned(Collection<TopicPartition> assignment) {
        set(State.CONSUMING, sorted(assignment), null);
    }

    /** Partitions taken away; whatever is left is still read, and none left means waiting for the next assignment. */
    public void revoked(Collection<TopicPartition> remaining) {
        if (remaining.isEmpty()) {
            set(State.REBALANCING, List.of(), "partitions revoked by a rebalance");
        } else {
            set(State.CONSUMING, sorted(remaining), null);
        }
    }

    public void lost() {
        set(State.REBALANCING, List.of(), "partitions lost (session expired or fenced by the coordinator)");
    }

    public void fenced(String detail) {
        set(State.FENCED, List.of(), detail);
    }

    public void stopped() {
        set(State.STOPPED, List.of(), null);
    }

    private static List<TopicPartition> sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(java.util.Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition))
                .toList();
    }

    private void set(State state, List<TopicPartition> partitions, String detail) {
        Snapshot previous = current;
        if (previous.state() == State.FENCED && state != State.JOINING) {
            // the fenced consumer's close still calls back (its partitions lost): the reason it stopped is what stays
            return;
        }
        // "since" is when the state began, so an operator sees how long a consumer has been waiting
        Instant since = previous.state() == state ? previous.since() : clock.instant();
        current = new Snapshot(state, List.copyOf(partitions), since, Optional.ofNullable(detail));
    }
}
