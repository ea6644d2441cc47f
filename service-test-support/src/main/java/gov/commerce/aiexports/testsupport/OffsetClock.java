package gov.commerce.aiexports.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock in tests: the real time plus an offset a test moves. Each service's tests
 * declare a {@code @Singleton} subclass of it, which replaces the runtime's default Clock bean
 * (a bean must live in the service's own test classes to be discovered).
 */
public abstract class OffsetClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void moveBy(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock forward to the instant, or leaves it when it is already later (what is due stays due). */
    public void advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        if (!by.isNegative()) {
            moveBy(by);
        }
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
