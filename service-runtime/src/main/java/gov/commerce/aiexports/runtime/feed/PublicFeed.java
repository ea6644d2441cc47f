package gov.commerce.aiexports.runtime.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The public feed's answers (no token): a page in the CommonGrants protocol's Paginated shape
 * ({@code status}, {@code message}, {@code items}, {@code paginationInfo}), with a strong ETag of
 * its bytes, answered 304 to a matching If-None-Match, and cacheable by anyone for a minute.
 */
public final class PublicFeed {

    public static final String CACHE_CONTROL = "public, max-age=60";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private static final ObjectMapper JSON = EventCodec.mapper();

    private PublicFeed() {
    }

    /** A page, counted from 1 as CommonGrants counts. */
    public record Paging(int page, int pageSize) {
        public int offset() {
            return (page - 1) * pageSize;
        }
    }

    public static Paging paging(Integer page, Integer pageSize) {
        int p = page == null ? 1 : page;
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (p < 1 || p > 100_000) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/page", "page counts from 1 (at most 100000)");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("VALUE_NOT_ALLOWED", "/pageSize", "pageSize is from 1 to " + MAX_PAGE_SIZE);
        }
        return new Paging(p, size);
    }

    /** The page as JSON, or 304 when the client's copy (If-None-Match) is this one. */
    public static Response respond(List<ObjectNode> items, Paging paging, long totalItems, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(page(items, paging, totalItems));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = new EntityTag(etag(bytes));
        if (matches(ifNoneMatch, tag.getValue())) {
            return Response.notModified(tag).header("Cache-Control", CACHE_CONTROL).build();
        }
        return Response.ok(bytes, MediaType.APPLICATION_JSON).tag(tag).header("Cache-Control", CACHE_CONTROL).build();
    }

    /** CommonGrants' Paginated&lt;T&gt;: status, message, the items and the pagination info. */
    public static ObjectNode page(List<ObjectNode> items, Paging paging, long totalItems) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", 200);
        body.put("message", "Success");
        body.putArray("items").addAll(items);
        ObjectNode info = body.putObject("paginationInfo");
        info.put("page", paging.page());
        info.put("pageSize", paging.pageSize());
        info.put("totalItems", totalItems);
        info.put("totalPages", (totalItems + paging.pageSize() - 1) / paging.pageSize());
        return body;
    }

    /** If-None-Match: "*", or a list of tags (weak ones compared weakly, as RFC 9110 says for this header). */
    public static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*")) {
                return true;
            }
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The strong validator of a body: the first 128 bits of its SHA-256, hex. */
    public static String etag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CommonGrants custom field. */
    public static ObjectNode customField(String name, String fieldType, Object value, String description) {
        ObjectNode f = JSON.createObjectNode();
        f.put("name", name);
        f.put("fieldType", fieldType);
        f.set("value", JSON.valueToTree(value));
        if (description != null) {
            f.put("description", description);
        }
        return f;
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
