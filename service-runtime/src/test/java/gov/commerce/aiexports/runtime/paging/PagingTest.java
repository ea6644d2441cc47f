package gov.commerce.aiexports.runtime.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The paging mechanism without a database: cursors, the keyset condition, limits, in-memory pages, Link parsing. */
class PagingTest {

    @Test
    void a_cursor_holds_its_sort_and_keys_and_refuses_any_other() {
        String cursor = Cursor.encode("openedAt", List.of("2026-12-02T10:00:00Z", "3f2b8c1e"));
        assertEquals(List.of("2026-12-02T10:00:00Z", "3f2b8c1e"), Cursor.decode(cursor, "openedAt", 2));
        for (String[] bad : new String[][] {{cursor, "title"}, {"not-a-cursor", "openedAt"}, {"", "openedAt"},
            {Cursor.encode("openedAt", List.of("x")), "openedAt"}}) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> Cursor.decode(bad[0], bad[1], 2));
            assertEquals("CURSOR_INVALID", refused.violations().get(0).rule());
            assertEquals("/cursor", refused.violations().get(0).field());
        }
    }

    @Test
    void the_keyset_condition_follows_each_keys_direction() {
        Keyset order = Keyset.named("status").asc("status").desc("updated_at", "timestamptz").asc("id").build();
        assertEquals("status, updated_at desc, id", order.orderBy());
        List<Object> params = new ArrayList<>();
        assertEquals("((status > cast(? as text)) or (status = cast(? as text) and updated_at < cast(? as timestamptz)) or "
                + "(status = cast(? as text) and updated_at = cast(? as timestamptz) and id > cast(? as text)))",
                order.after(List.of("DRAFT", "2026-12-02 10:00:00+00", "abc"), params));
        assertEquals(List.of("DRAFT", "DRAFT", "2026-12-02 10:00:00+00", "DRAFT", "2026-12-02 10:00:00+00", "abc"), params);
    }

    @Test
    void a_limit_outside_its_range_is_refused_not_clamped() {
        assertEquals(100, PageRequest.of(null, null).limit());
        assertEquals("LIMIT_INVALID", assertThrows(InvalidInput.class, () -> PageRequest.of(null, 0)).violations().get(0).rule());
        assertEquals("LIMIT_INVALID", assertThrows(InvalidInput.class, () -> PageRequest.of(null, 1001)).violations().get(0).rule());
        assertEquals("PAGE_INVALID", assertThrows(InvalidInput.class, () -> PageRequest.sized("c", 1, 20, 20, 200))
                .violations().get(0).rule());
        assertEquals(400, PageRequest.sized(null, 2, 200, 20, 200).offset(2));
    }

    @Test
    void an_in_memory_list_is_paged_to_its_end_by_the_same_cursors() {
        List<String> all = IntStream.rangeClosed(1, 25).mapToObj(i -> "v" + i).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Slice<String> page = Slice.of(all, new PageRequest(cursor, 10), "history", v -> v);
            seen.addAll(page.items());
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertEquals(all, seen);
        assertEquals(3, pages);
        assertThrows(InvalidInput.class, () -> Slice.of(all, new PageRequest(Cursor.encode("history", List.of("gone")), 10), "history",
                v -> v));
    }

    @Test
    void the_next_link_is_found_among_others() {
        assertEquals("/reviews?limit=5&cursor=abc", LinkHeaders.next("</reviews?limit=5&cursor=abc>; rel=\"next\""));
        assertEquals("/b", LinkHeaders.next("</a>; rel=\"prev\", </b>; rel=\"next\""));
        assertNull(LinkHeaders.next("</a>; rel=\"prev\""));
        assertNull(LinkHeaders.next(null));
    }
}
