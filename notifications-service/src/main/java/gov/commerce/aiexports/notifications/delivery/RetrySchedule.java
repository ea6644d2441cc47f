package gov.commerce.aiexports.notifications.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: exponential backoff with "equal jitter". After the n-th
 * failed try of a round, the ceiling is {@code min(maxDelay, baseDelay * 2^(n-1))} and the wait
 * is drawn uniformly between half the ceiling and the ceiling, so that receivers coming back
 * after an outage are not hit by every sender at the same instant. After {@code maxAttempts}
 * tries the delivery is dead-lettered (rule DELIVERY_RETRIES_EXHAUSTED).
 */
public record RetrySchedule(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final String RETRIES_EXHAUSTED = "DELIVERY_RETRIES_EXHAUSTED";

    public RetrySchedule {
        if (maxAttempts < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 < baseDelay <= maxDelay");
        }
    }

    /**
     * @param failedTries the tries of this round that failed so far, the last one included (1 after the first failure)
     * @param random      a draw in [0, 1): the jitter
     * @return the wait before the next try, or empty when the round's tries are used up
     */
    public Optional<Duration> delayAfter(int failedTries, DoubleSupplier random) {
        if (failedTries >= maxAttempts) {
            return Optional.empty();
        }
        Duration ceiling = ceiling(failedTries);
        long half = ceiling.toMillis() / 2;
        return Optional.of(Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling.toMillis() - half))));
    }

    /** The longest wait after the n-th failed try. */
    public Duration ceiling(int failedTries) {
        int doublings = Math.min(failedTries - 1, 30);
        long millis = baseDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }
}
