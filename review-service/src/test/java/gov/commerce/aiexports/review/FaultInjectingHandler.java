package gov.commerce.aiexports.review;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test stand-in for a handler with a bug: for the aggregates a test marks, it throws an
 * IllegalStateException (not a rule of the program, not the database), in the consumer's
 * transaction, so the review-service's own handler's effect is rolled back with it. Unmarked
 * aggregates (every other test's) pass untouched.
 */
@Singleton
public class FaultInjectingHandler implements IntegrationEventHandler {

    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> applications = new ConcurrentHashMap<>();

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS);
    }

    @Override
    public void handle(IntegrationEvent event) {
        String id = event.aggregateId();
        if (failing.contains(id)) {
            failures.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            throw new IllegalStateException("injected fault: the handler cannot apply " + event.eventType() + " of " + id);
        }
        applications.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    public void fail(String aggregateId) {
        failing.add(aggregateId);
    }

    /** The cause is fixed. */
    public void heal(String aggregateId) {
        failing.remove(aggregateId);
    }

    public int failures(String aggregateId) {
        AtomicInteger n = failures.get(aggregateId);
        return n == null ? 0 : n.get();
    }

    /** How often the event of that aggregate was handled without the fault (in a transaction that then committed or not). */
    public int applications(String aggregateId) {
        AtomicInteger n = applications.get(aggregateId);
        return n == null ? 0 : n.get();
    }
}
