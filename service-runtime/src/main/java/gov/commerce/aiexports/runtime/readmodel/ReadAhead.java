package gov.commerce.aiexports.runtime.readmodel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Reads the event store ahead of a replay, on a thread of its own: while the replay applies one
 * chunk of events (handlers, then the rows' writes and the commit), the next chunks are fetched and
 * their handled payloads deserialised (the query's wait, the rows, the upcasters and Jackson), work
 * that was done in turn with the applying before (performance.md, "Replay").
 *
 * <p>At most {@code depth} chunks wait, so the memory held stays bounded. The stream ends at the
 * first chunk shorter than {@code size}: what the store held when the read reached its head.
 */
final class ReadAhead implements AutoCloseable {

    /** A chunk of events in store order; the last one of the stream is marked. */
    record Chunk(List<TrackedEventMessage<?>> events, boolean last) {
    }

    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> ready;
    private final Thread reader;
    private volatile boolean closed;

    /**
     * @param events  opens the stream to read (on the reader's thread), e.g. the storage engine's
     *                {@code readEvents(token, false)}
     * @param handled the events whose payload the replay will read, deserialised ahead (the others never are)
     */
    ReadAhead(String name, Supplier<Stream<? extends TrackedEventMessage<?>>> events, Predicate<TrackedEventMessage<?>> handled,
            int size, int depth) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk holds at least one event (aiexports.replay.chunk-size): " + size);
        }
        this.ready = new ArrayBlockingQueue<>(depth);
        this.reader = new Thread(() -> read(events, handled, size), name);
        reader.setDaemon(true);
        reader.start();
    }

    /** The next chunk, waiting for the reader; throws what the reader met. */
    Chunk next() throws InterruptedException {
        Object item = ready.take();
        if (item instanceof Failure f) {
            throw new IllegalStateException("reading the event store failed", f.cause());
        }
        return (Chunk) item;
    }

    private void read(Supplier<Stream<? extends TrackedEventMessage<?>>> events, Predicate<TrackedEventMessage<?>> handled, int size) {
        try (Stream<? extends TrackedEventMessage<?>> stream = events.get()) {
            Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
            List<TrackedEventMessage<?>> chunk = new ArrayList<>(size);
            while (!closed) {
                boolean more = it.hasNext();
                if (more) {
                    TrackedEventMessage<?> event = it.next();
                    if (handled.test(event)) {
                        // deserialised here, not on the applying thread (the message keeps what it deserialised)
                        event.getPayload();
                    }
                    chunk.add(event);
                }
                if (chunk.size() == size || !more) {
                    if (!hand(new Chunk(chunk, !more))) {
                        return;
                    }
                    if (!more) {
                        return;
                    }
                    chunk = new ArrayList<>(size);
                }
            }
        } catch (RuntimeException | Error e) {
            hand(new Failure(e));
        }
    }

    /** Waits for room, giving up once the replay has closed this reader. */
    private boolean hand(Object item) {
        try {
            while (!closed) {
                if (ready.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Stops the reader (a failed replay's, or one done), and waits for it to let its stream go: it
     * sees the flag between two events or while it waits for room (not interrupted: it may be in a
     * fetch's transaction).
     */
    @Override
    public void close() {
        closed = true;
        ready.clear();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
