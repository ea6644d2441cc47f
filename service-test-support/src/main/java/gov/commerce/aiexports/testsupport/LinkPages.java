package gov.commerce.aiexports.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list read as a client would: the first page, then each {@code Link: <...>; rel="next"} (RFC
 * 8288) until a page has none, every row kept. Plain HTTP, so nothing of the service's own code
 * decides whether the list is complete.
 */
public final class LinkPages {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Every row, and the number of pages it took. */
    public record Result(List<JsonNode> items, int pages, List<String> links) {
    }

    private LinkPages() {
    }

    /**
     * Follows the list from {@code first} (a path and query on {@code base}); {@code items} is the
     * field holding the rows, or null when the body is the array of rows itself.
     */
    public static Result follow(String base, String first, String token, String items) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        List<String> links = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base).resolve(next))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + next + " answered " + response.statusCode() + ": " + response.body());
            }
            pages++;
            JsonNode body = JSON.readTree(response.body());
            (items == null ? body : body.path(items)).forEach(all::add);
            next = response.headers().firstValue("Link").map(LinkPages::next).orElse(null);
            if (next != null) {
                links.add(next);
            }
            if (pages > 100_000) {
                throw new AssertionError("the list does not end");
            }
        }
        return new Result(all, pages, links);
    }

    /** The target of rel="next" in a Link header's value, or null. */
    public static String next(String header) {
        Matcher m = NEXT.matcher(header);
        return m.find() ? m.group(1) : null;
    }
}
