package gov.commerce.aiexports.notifications;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's clock in tests: the system clock plus an offset that tests move forward (only
 * forward, so deliveries already scheduled stay due). Replaces the runtime's default Clock bean.
 */
@Singleton
public class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Moves the clock to the instant, or leaves it when it is already later. */
    public void advanceTo(Instant target) {
        Duration by = Duration.between(instant(), target);
        if (!by.isNegative()) {
            advance(by);
        }
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
