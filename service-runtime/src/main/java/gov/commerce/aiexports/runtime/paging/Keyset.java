package gov.commerce.aiexports.runtime.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stable sort of a list and the condition "after this row" on it (keyset paging): each key an
 * SQL expression that is never null, a direction and the SQL type its value is cast back to, the
 * last key unique (the row's id), so that rows inserted or removed while a client pages move no
 * other row across a page boundary and none is seen twice or skipped.
 */
public final class Keyset {

    /** One key: {@code expression} (never null: coalesce it), {@code descending}, {@code type} for the cast of the bound value. */
    public record Key(String expression, boolean descending, String type) {
    }

    private final String name;
    private final List<Key> keys;

    private Keyset(String name, List<Key> keys) {
        this.name = name;
        this.keys = List.copyOf(keys);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Key> keys() {
        return keys;
    }

    public String orderBy() {
        return keys.stream().map(k -> k.expression() + (k.descending() ? " desc" : "")).collect(Collectors.joining(", "));
    }

    /** The select list of the keys as text, to make the next cursor from the last row. */
    public String keyColumns() {
        return keys.stream().map(k -> "(" + k.expression() + ")::text").collect(Collectors.joining(", "));
    }

    /**
     * {@code (k1 > ?) or (k1 = ? and k2 > ?) ...}, each comparison in its key's direction; the
     * values bound are added to {@code params}.
     */
    public String after(List<String> values, List<Object> params) {
        List<String> disjuncts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append(keys.get(j).expression()).append(" = cast(? as ").append(keys.get(j).type()).append(") and ");
                params.add(values.get(j));
            }
            Key k = keys.get(i);
            term.append(k.expression()).append(k.descending() ? " < " : " > ").append("cast(? as ").append(k.type()).append("))");
            params.add(values.get(i));
            disjuncts.add(term.toString());
        }
        return "(" + String.join(" or ", disjuncts) + ")";
    }

    public static final class Builder {
        private final String name;
        private final List<Key> keys = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder asc(String expression, String type) {
            keys.add(new Key(expression, false, type));
            return this;
        }

        public Builder desc(String expression, String type) {
            keys.add(new Key(expression, true, type));
            return this;
        }

        public Builder asc(String expression) {
            return asc(expression, "text");
        }

        public Builder desc(String expression) {
            return desc(expression, "text");
        }

        public Keyset build() {
            return new Keyset(name, keys);
        }
    }
}
