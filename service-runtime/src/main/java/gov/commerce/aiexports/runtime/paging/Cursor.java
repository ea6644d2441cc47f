package gov.commerce.aiexports.runtime.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque cursor of a list: the sort it was made for and the sort key of the last row
 * returned, base64url-encoded. Opaque on purpose: a client follows {@code Link: rel="next"} and
 * never builds one, so its content may change without breaking anyone. A cursor made for another
 * sort (or tampered with) is refused (400 {@code CURSOR_INVALID}), never read as a wrong position.
 */
public final class Cursor {

    public static final String CURSOR_INVALID = "CURSOR_INVALID";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {
    }

    /** The cursor after a row whose sort key is {@code keys}, for the sort named {@code sort}. */
    public static String encode(String sort, List<String> keys) {
        try {
            String[] all = new String[keys.size() + 1];
            all[0] = sort;
            for (int i = 0; i < keys.size(); i++) {
                all[i + 1] = keys.get(i);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sort key a cursor holds, checked to be one of {@code sort} with {@code size} keys. */
    public static List<String> decode(String cursor, String sort, int size) {
        try {
            String[] all = JSON.readValue(Base64.getUrlDecoder().decode(cursor.trim()), String[].class);
            if (all.length == size + 1 && sort.equals(all[0])) {
                for (int i = 1; i < all.length; i++) {
                    if (all[i] == null) {
                        throw invalid();
                    }
                }
                return List.of(all).subList(1, all.length);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        throw invalid();
    }

    private static InvalidInput invalid() {
        return new InvalidInput(CURSOR_INVALID, "/cursor",
                "cursor is the value given by this list's Link: rel=\"next\" (for the same sort); start again without one");
    }
}
