package gov.commerce.aiexports.proposals;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The server's clock in tests: the real time plus an offset a test can move (it replaces the default Clock bean). */
@Singleton
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void moveBy(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
