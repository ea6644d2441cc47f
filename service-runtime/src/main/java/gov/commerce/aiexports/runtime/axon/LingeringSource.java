package gov.commerce.aiexports.runtime.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as one tracking processor sees it: when an event arrives after a wait, the
 * processor waits {@code linger} more before it takes the batch, so that events appended meanwhile
 * join it. A processor woken by every commit otherwise handles batches of one or two events, each
 * with its own transaction, token update and statements; a processor whose output nobody waits
 * for (the hash chain) trades a little delay for far fewer of them under load.
 */
final class LingeringSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final long lingerNanos;

    LingeringSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger) {
        this.store = store;
        this.lingerNanos = linger.toNanos();
    }

    static StreamableMessageSource<TrackedEventMessage<?>> of(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger) {
        return linger.isZero() || linger.isNegative() ? store : new LingeringSource(store, linger);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token);
        return new BlockingStream<>() {
            @Override
            public boolean hasNextAvailable() {
                // the processor filling a batch: no linger here
                return stream.hasNextAvailable();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                if (stream.hasNextAvailable()) {
                    return true;
                }
                // the processor waiting for a batch to begin: once it does, let it grow for a moment
                boolean available = stream.hasNextAvailable(timeout, unit);
                if (available) {
                    TimeUnit.NANOSECONDS.sleep(lingerNanos);
                }
                return available;
            }

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return stream.peek();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                return stream.nextAvailable();
            }

            @Override
            public void close() {
                stream.close();
            }

            @Override
            public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
                stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
            }

            @Override
            public boolean setOnAvailableCallback(Runnable callback) {
                return stream.setOnAvailableCallback(callback);
            }
        };
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }
}
