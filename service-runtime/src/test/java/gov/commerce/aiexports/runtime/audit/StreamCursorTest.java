package gov.commerce.aiexports.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class StreamCursorTest {

    @Test
    void a_page_moves_the_position_and_keeps_what_it_passed_over() {
        StreamCursor start = StreamCursor.at(10);
        // positions 11, 14, 15 read; 12 and 13 not committed yet
        StreamCursor next = start.advance(List.of(11L, 14L, 15L), List.of(12L, 13L));
        assertEquals(15, next.after());
        assertEquals(new TreeSet<>(List.of(12L, 13L)), next.gaps());
        // 13 commits and is read with 16; 12 stays a gap, 17 passed over is a new one
        StreamCursor then = next.advance(List.of(13L, 16L, 18L), List.of(17L));
        assertEquals(18, then.after());
        assertEquals(new TreeSet<>(List.of(12L, 17L)), then.gaps());
        assertEquals(new TreeSet<>(List.of(17L)), then.without(List.of(12L)).gaps());
    }

    @Test
    void an_empty_page_keeps_the_cursor() {
        StreamCursor c = new StreamCursor(7, new TreeSet<>(List.of(3L)));
        assertEquals(c, c.advance(List.of(), List.of()));
    }

    @Test
    void a_cursor_reads_back_as_it_was_written_runs_as_ranges() {
        StreamCursor c = new StreamCursor(1_000_000, new TreeSet<>(List.of(5L, 6L, 7L, 9L, 999_999L)));
        assertEquals(c, StreamCursor.decode(c.encode()));
        assertEquals(StreamCursor.at(0), StreamCursor.decode(StreamCursor.at(0).encode()));
        String plain = new String(java.util.Base64.getUrlDecoder().decode(c.encode()), java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("v1:1000000:5-7,9,999999", plain);
    }

    @Test
    void anything_else_is_refused_at_the_cursor() {
        for (String bad : List.of("", "%%%", encode("v2:10"), encode("v1"), encode("v1:x"), encode("v1:10:11"), encode("v1:10:5-3"),
                encode("v1:10:"), encode("v1:10:1,,2"), encode("v1:-1"), encode("v1:1:2:3"), encode("v1:99999999999:1-99999999"))) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> StreamCursor.decode(bad), bad);
            assertEquals("CURSOR_INVALID", e.first().rule());
        }
    }

    private static String encode(String plain) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
