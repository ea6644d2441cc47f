package gov.commerce.aiexports.runtime.paging;

import jakarta.enterprise.context.RequestScoped;

/**
 * The next page of the list this request answers, if there is one: the query parameter that
 * carries the position ({@code cursor}, or {@code after} on the audit stream) and its value.
 * {@link LinkHeaders} turns it into {@code Link: <...>; rel="next"}.
 */
@RequestScoped
public class PageLinks {

    private String parameter;
    private String value;

    /** The page after this one starts at {@code cursor} (null: this page is the last). */
    public void next(String cursor) {
        next("cursor", cursor);
    }

    public void next(String parameter, String value) {
        this.parameter = value == null ? null : parameter;
        this.value = value;
    }

    /** Records the next page of a slice and returns its rows. */
    public <T> java.util.List<T> of(Slice<T> slice) {
        next(slice.next());
        return slice.items();
    }

    String parameter() {
        return parameter;
    }

    String value() {
        return value;
    }
}
