package gov.commerce.aiexports.runtime.paging;

import java.util.List;

/** A page of a list: its rows and the cursor of the next page (null on the last). */
public record Slice<T>(List<T> items, String next) {

    /**
     * A page of a short list held in memory, in its order, by a unique key of each row (the cursor
     * names the last row given; a row removed since is refused as CURSOR_INVALID, start again).
     */
    public static <T> Slice<T> of(List<T> all, PageRequest request, String sort, java.util.function.Function<T, String> key) {
        int from = 0;
        if (request.cursor() != null) {
            String last = Cursor.decode(request.cursor(), sort, 1).get(0);
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(last)) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                Cursor.decode("", sort, 1); // refused as every unreadable cursor is
            }
        }
        int to = Math.min(all.size(), from + request.limit());
        List<T> items = List.copyOf(all.subList(from, to));
        return new Slice<>(items, to < all.size() ? Cursor.encode(sort, List.of(key.apply(all.get(to - 1)))) : null);
    }
}
