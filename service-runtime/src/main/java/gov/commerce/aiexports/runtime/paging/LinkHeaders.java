package gov.commerce.aiexports.runtime.paging;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * {@code Link: </path?...&cursor=...>; rel="next"} (RFC 8288) on every list that has a next page:
 * the same request (path, filters, limit) with the position of the next page, as a reference
 * relative to the service (so it holds behind a proxy that keeps paths). A page number given to a
 * list that also takes one ({@code page}) is dropped: the cursor says where the next page starts.
 * No header on the last page.
 */
@Provider
public class LinkHeaders implements ContainerResponseFilter {

    public static final String LINK = "Link";

    @Inject
    PageLinks links;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || response.getHeaders().containsKey(LINK)) {
            return;
        }
        String parameter;
        String value;
        try {
            parameter = links.parameter();
            value = links.value();
        } catch (RuntimeException e) {
            return; // no request scope (not a list)
        }
        if (parameter == null) {
            return;
        }
        URI uri = request.getUriInfo().getRequestUri();
        // a cursor replaces whatever positioned this page (page number, or the audit stream's after)
        UriBuilder b = UriBuilder.fromUri(uri).replaceQueryParam("page");
        if ("cursor".equals(parameter)) {
            b.replaceQueryParam("after");
        }
        URI next = b.replaceQueryParam(parameter, value).build();
        String reference = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        response.getHeaders().add(LINK, "<" + reference + ">; rel=\"next\"");
    }

    /** The target of the {@code rel="next"} link in a Link header's value, or null. */
    public static String next(String header) {
        if (header == null) {
            return null;
        }
        for (String link : header.split(",(?=\\s*<)")) {
            String l = link.trim();
            if (l.matches("(?s)<[^>]*>.*;\\s*rel=\"?next\"?.*")) {
                return l.substring(1, l.indexOf('>'));
            }
        }
        return null;
    }
}
