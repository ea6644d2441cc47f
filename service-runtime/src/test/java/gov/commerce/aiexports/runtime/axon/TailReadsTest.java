package gov.commerce.aiexports.runtime.axon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TailReadsTest {

    private static final long MS = 1_000_000;
    private final TailReads reads = new TailReads();

    @Test
    void the_first_read_asks_the_database() {
        assertTrue(reads.worthReading(0));
    }

    @Test
    void right_after_the_tail_with_no_commit_since_there_is_nothing_to_ask() {
        reads.read(true, reads.commits(), 0);
        assertFalse(reads.worthReading(MS));
    }

    @Test
    void a_commit_after_the_tail_was_asked_for_is_read() {
        long before = reads.commits();
        // committed while the statement ran: it may not be in the batch
        reads.committed();
        reads.read(true, before, 0);
        assertTrue(reads.worthReading(MS));
    }

    @Test
    void a_commit_after_the_tail_is_read() {
        reads.read(true, reads.commits(), 0);
        reads.committed();
        assertTrue(reads.worthReading(MS));
    }

    @Test
    void after_a_full_batch_the_reader_reads_on() {
        reads.read(false, reads.commits(), 0);
        assertTrue(reads.worthReading(MS));
    }

    @Test
    void the_timed_read_asks_again_for_other_instances_appends() {
        reads.read(true, reads.commits(), 0);
        assertFalse(reads.worthReading(TailReads.WINDOW - 1));
        assertTrue(reads.worthReading(TailReads.WINDOW));
    }

    @Test
    void the_skipped_window_ends_before_the_store_s_timed_read() {
        assertTrue(TailReads.WINDOW < AxonRuntime.STORE_FETCH_DELAY_MILLIS * MS);
    }
}
