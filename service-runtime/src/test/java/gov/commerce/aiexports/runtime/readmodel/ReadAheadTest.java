package gov.commerce.aiexports.runtime.readmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private static Stream<TrackedEventMessage<?>> events(long count, AtomicInteger read) {
        return LongStream.rangeClosed(1, count).mapToObj(i -> {
            read.incrementAndGet();
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(i), GenericEventMessage.asEventMessage("e" + i));
        });
    }

    private static List<List<Long>> drain(ReadAhead ahead) throws InterruptedException {
        List<List<Long>> chunks = new ArrayList<>();
        while (true) {
            ReadAhead.Chunk chunk = ahead.next();
            chunks.add(chunk.events().stream().map(e -> e.trackingToken().position().orElseThrow()).toList());
            if (chunk.last()) {
                return chunks;
            }
        }
    }

    @Test
    void hands_every_event_once_in_store_order_in_chunks_the_last_one_marked() throws Exception {
        try (ReadAhead ahead = new ReadAhead("t", () -> events(7, new AtomicInteger()), e -> true, 3, 1)) {
            assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L)), drain(ahead));
        }
    }

    @Test
    void a_stream_ending_on_a_chunk_boundary_ends_with_an_empty_last_chunk() throws Exception {
        try (ReadAhead ahead = new ReadAhead("t", () -> events(6, new AtomicInteger()), e -> true, 3, 1)) {
            assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of()), drain(ahead));
        }
        try (ReadAhead ahead = new ReadAhead("t", () -> events(0, new AtomicInteger()), e -> true, 3, 1)) {
            assertEquals(List.of(List.of()), drain(ahead));
        }
    }

    @Test
    void reads_no_further_ahead_than_its_depth() throws Exception {
        AtomicInteger read = new AtomicInteger();
        try (ReadAhead ahead = new ReadAhead("t", () -> events(1_000, read), e -> true, 10, 2)) {
            ahead.next();
            Thread.sleep(200);
            // one chunk taken, two waiting, one being filled (blocked on the full queue): at most 4 chunks read
            assertTrue(read.get() <= 40, "read " + read.get());
        }
    }

    @Test
    void a_failed_read_reaches_the_replay_and_closing_releases_the_stream() throws Exception {
        AtomicBoolean closedStream = new AtomicBoolean();
        try (ReadAhead ahead = new ReadAhead("t", () -> Stream.<TrackedEventMessage<?>>of(
                new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1), GenericEventMessage.asEventMessage("ok"))).map(e -> {
                    throw new IllegalArgumentException("row 2 unreadable");
                }), e -> true, 10, 1)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, ahead::next);
            assertEquals("row 2 unreadable", e.getCause().getMessage());
        }
        AtomicInteger read = new AtomicInteger();
        ReadAhead stopped = new ReadAhead("t", () -> events(1_000_000, read).onClose(() -> closedStream.set(true)), e -> true, 10, 1);
        stopped.next();
        stopped.close();
        assertTrue(closedStream.get(), "the stream is closed when the replay closes its reader");
        int after = read.get();
        Thread.sleep(100);
        assertEquals(after, read.get(), "nothing is read after close");
        assertFalse(after > 100, "read " + after);
    }
}
