package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.notifications.disclosure.NotificationDisclosures;
import gov.commerce.aiexports.notifications.inbox.application.MarkRead;
import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * Each caller reads its own inbox: its organisation's (consortium or agency) and its own as a
 * person, newest first, paged. {@code unread=true} lists only unread entries, {@code unread=false}
 * only read ones; without it, all. Another recipient's entry is a 404.
 */
@Path("/inbox")
@Authenticated
public class InboxResource {

    /** {@code page} is null on a page reached by cursor; {@code next} is the cursor of the next page (also in Link). */
    public record Page(List<InboxEntry> items, Integer page, int size, long total, long unread, String next) {
    }

    @Inject
    InboxQueries inbox;
    @Inject
    MarkRead marking;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    NotificationDisclosures disclosures;

    /** Newest first; paged by cursor (Link: rel="next"), page numbers still taken. */
    @GET
    public Page list(@QueryParam("unread") String unreadParameter, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("cursor") String cursor) {
        String flag = QueryParameters.oneOf(unreadParameter, "unread", List.of("TRUE", "FALSE"));
        Boolean unread = flag == null ? null : Boolean.valueOf(flag.equals("TRUE"));
        PageRequest paging = PageRequest.sized(cursor, page, size, 50, 200);
        InboxQueries.Counted found = inbox.page(request.caller(), unread, paging, paging.offset(page));
        List<InboxEntry> items = links.of(found.slice());
        disclosures.inboxRead(items, "GET /inbox");
        return new Page(items, paging.first() ? (page == null ? 0 : page) : null, paging.limit(), found.total(), found.unread(),
                found.slice().next());
    }

    @POST
    @Path("{id}/read")
    public InboxEntry markRead(@PathParam("id") String id) {
        return marking.markRead(id);
    }
}
