package gov.commerce.aiexports.runtime.paging;

import java.util.List;

/** A page of a list: its rows and the cursor of the next page (null on the last). */
public record Slice<T>(List<T> items, String next) {
}
