package gov.commerce.aiexports.runtime.audit;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where a reader of the audit stream stands: every global position up to {@code after} has been
 * read, except the {@code gaps}, positions drawn by transactions that had not committed when the
 * reader passed them (a transaction draws its position when it inserts, and is seen when it
 * commits, possibly after later positions). The next page reads the positions after {@code after}
 * and those gaps, so an event that commits late is read then, once. This is what Axon's
 * GapAwareTrackingToken carries for the tracking processors, kept by the same rules
 * ({@link gov.commerce.aiexports.runtime.axon.GapSettings}): a gap is given up on once it lies too
 * far behind, or once the event after it is older than the longest transaction could last.
 *
 * <p>Opaque to clients: base64url of {@code v1:<after>[:<gap or from-to>,...]}, with runs of
 * gaps written as ranges.
 */
public record StreamCursor(long after, NavigableSet<Long> gaps) {

    private static final String VERSION = "v1";
    /** A cursor is a query parameter: bounded, whatever a client sends. */
    private static final int MAX_LENGTH = 16_384;
    private static final int MAX_GAPS = 100_000;

    public StreamCursor {
        gaps = java.util.Collections.unmodifiableNavigableSet(new TreeSet<>(gaps));
    }

    public static StreamCursor at(long after) {
        return new StreamCursor(after, new TreeSet<>());
    }

    /**
     * The cursor after a page: {@code read} are the positions the page returned; {@code missing},
     * the positions in (after, newAfter] the store did not show (not committed, or never to be).
     */
    public StreamCursor advance(Collection<Long> read, Collection<Long> missing) {
        long newAfter = after;
        for (long p : read) {
            newAfter = Math.max(newAfter, p);
        }
        TreeSet<Long> next = new TreeSet<>(gaps);
        next.removeAll(read);
        for (long m : missing) {
            if (m > after && m <= newAfter) {
                next.add(m);
            }
        }
        return new StreamCursor(newAfter, next);
    }

    /** Without the gaps given up on. */
    public StreamCursor without(Collection<Long> givenUp) {
        TreeSet<Long> next = new TreeSet<>(gaps);
        next.removeAll(givenUp);
        return new StreamCursor(after, next);
    }

    public String encode() {
        StringBuilder s = new StringBuilder(VERSION).append(':').append(after);
        if (!gaps.isEmpty()) {
            s.append(':');
            Long start = null;
            long previous = 0;
            for (long g : gaps) {
                if (start != null && g == previous + 1) {
                    previous = g;
                    continue;
                }
                if (start != null) {
                    range(s, start, previous).append(',');
                }
                start = g;
                previous = g;
            }
            range(s, start, previous);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static StringBuilder range(StringBuilder s, long from, long to) {
        return from == to ? s.append(from) : s.append(from).append('-').append(to);
    }

    /** Reads a cursor this service gave out; anything else is refused as {@code CURSOR_INVALID} at {@code /cursor}. */
    public static StreamCursor decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = List.of(plain.split(":", -1));
        if (parts.size() < 2 || parts.size() > 3 || !parts.get(0).equals(VERSION)) {
            throw invalid();
        }
        long after = number(parts.get(1));
        TreeSet<Long> gaps = new TreeSet<>();
        if (parts.size() == 3) {
            for (String run : parts.get(2).split(",", -1)) {
                int dash = run.indexOf('-');
                long from = number(dash < 0 ? run : run.substring(0, dash));
                long to = dash < 0 ? from : number(run.substring(dash + 1));
                if (to < from || to >= after || to - from >= MAX_GAPS || gaps.size() + (to - from) >= MAX_GAPS) {
                    throw invalid();
                }
                for (long g = from; g <= to; g++) {
                    gaps.add(g);
                }
            }
        }
        return new StreamCursor(after, gaps);
    }

    private static long number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw invalid();
        }
        return Long.parseLong(s);
    }

    private static InvalidInput invalid() {
        return new InvalidInput("CURSOR_INVALID", "/cursor", "not a cursor of this stream: pass the cursor of the previous page as it was given");
    }
}
