package gov.commerce.aiexports.runtime.consuming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A partition without a committed offset: read from where nothing is skipped, or stop. */
class StartingPointTest {

    @Test
    void a_first_start_reads_from_the_beginning() {
        StartingPoint p = StartingPoint.of(0, OptionalLong.empty());
        assertNull(p.expired());
        assertEquals(0, p.offset());
    }

    @Test
    void a_lost_group_offset_goes_on_after_the_last_record_applied() {
        StartingPoint p = StartingPoint.of(100, OptionalLong.of(250));
        assertNull(p.expired());
        assertEquals(251, p.offset());
        // the last applied is the last before the retained ones: nothing lost
        assertNull(StartingPoint.of(100, OptionalLong.of(99)).expired());
    }

    @Test
    void records_expired_before_they_were_applied_stop_the_consumer() {
        assertNotNull(StartingPoint.of(100, OptionalLong.of(98)).expired(), "99 expired unread");
        assertNotNull(StartingPoint.of(5, OptionalLong.empty()).expired(), "0 to 4 expired before any was read");
    }
}
