package gov.commerce.aiexports.runtime.paging;

import gov.commerce.aiexports.runtime.domain.InvalidInput;

/**
 * What a caller asked of a list: where to start ({@code cursor}, absent for the first page) and
 * how many rows at most ({@code limit}). Every list takes these two query parameters; the limit
 * has a default and a maximum per list, and a limit outside them is refused (400
 * {@code LIMIT_INVALID}), never clamped silently.
 */
public record PageRequest(String cursor, int limit) {

    public static final String LIMIT_INVALID = "LIMIT_INVALID";
    public static final String PAGE_INVALID = "PAGE_INVALID";
    /** The default and maximum of the lists that had no paging before (they were whole arrays). */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static PageRequest of(String cursor, Integer limit) {
        return of(cursor, limit, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** {@code name} is the parameter the limit came in (a list that already had {@code size} keeps it). */
    public static PageRequest of(String cursor, Integer limit, String name, int defaultLimit, int max) {
        int l = limit == null ? defaultLimit : limit;
        if (l < 1 || l > max) {
            throw new InvalidInput(LIMIT_INVALID, "/" + name, name + " is from 1 to " + max + " (default " + defaultLimit + ")");
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, l);
    }

    /**
     * A list that had page numbers before the cursor ({@code page}, {@code size}; its JSON keeps
     * {@code page}, {@code size}, {@code total}): {@code size} is its limit (400 {@code PAGE_INVALID}
     * outside 1 to {@code max}, as before), and a page number and a cursor are not given together.
     */
    public static PageRequest sized(String cursor, Integer page, Integer size, int defaultSize, int max) {
        int s = size == null ? defaultSize : size;
        new gov.commerce.aiexports.runtime.domain.Checks()
                .require(page == null || page >= 0, PAGE_INVALID, "/page", "page counts from 0")
                .require(s >= 1 && s <= max, PAGE_INVALID, "/size", "size is from 1 to " + max)
                .require(page == null || cursor == null || cursor.isBlank(), PAGE_INVALID, "/page",
                        "page and cursor are not given together: follow the Link header's rel=\"next\"")
                .throwIfInvalid();
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, s);
    }

    /** The rows a page number skips (0 without one). */
    public long offset(Integer page) {
        return page == null ? 0 : (long) page * limit;
    }

    public boolean first() {
        return cursor == null;
    }
}
