package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.runtime.request.QueryParameters;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageLinks;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import gov.commerce.aiexports.runtime.request.Roles;
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
    Documents documents;
    @Inject
    PageLinks links;
    @Inject
    RequestContext request;
    @Inject
    Commands commands;
    @Inject
    gov.commerce.aiexports.notifications.disclosure.NotificationDisclosures disclosures;

    static final Keyset ORDER = Keyset.named("createdAt").desc("created_at", "timestamptz").asc("id").build();

    /** Newest first; paged by cursor (Link: rel="next"), page numbers still taken. */
    @GET
    public Page list(@QueryParam("unread") String unreadParameter, @QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("cursor") String cursor) {
        String flag = QueryParameters.oneOf(unreadParameter, "unread", List.of("TRUE", "FALSE"));
        Boolean unread = flag == null ? null : Boolean.valueOf(flag.equals("TRUE"));
        PageRequest paging = PageRequest.sized(cursor, page, size, 50, 200);
        Caller caller = request.caller();
        String org = organisationKey(caller);
        String person = "person:" + caller.subject();
        String filter = " where recipient in (?, ?)" + (unread == null ? "" : unread ? " and not read" : " and read");
        long total = documents.count("select count(*) from inbox_entry" + filter, org, person);
        long unreadCount = documents.count("select count(*) from inbox_entry where recipient in (?, ?) and not read", org, person);
        var slice = documents.page("from inbox_entry" + filter, List.<Object>of(org, person), ORDER, paging, InboxEntry.class, null,
                paging.offset(page));
        List<InboxEntry> items = links.of(slice);
        disclosures.inboxRead(items, "GET /inbox");
        return new Page(items, paging.first() ? (page == null ? 0 : page) : null, paging.limit(), total, unreadCount, slice.next());
    }

    @POST
    @Path("{id}/read")
    public InboxEntry markRead(@PathParam("id") String id) {
        Caller caller = request.caller();
        InboxEntry entry = documents.find(InboxProjection.TABLE, id, InboxEntry.class)
                .filter(e -> e.recipient().inboxKey().equals(organisationKey(caller))
                        || e.recipient().inboxKey().equals("person:" + caller.subject()))
                .orElseThrow(() -> new NotFound("inbox entry", id));
        commands.send(new NotificationCommand.MarkRead(entry.id(), caller.subject()));
        InboxEntry read = documents.find(InboxProjection.TABLE, id, InboxEntry.class).orElseThrow();
        disclosures.inboxRead(List.of(read), "POST /inbox/{id}/read");
        return read;
    }

    /**
     * The inbox key of the caller's organisation. Operators run the system and read no program
     * content: a token that is only an operator reads its own (person) entries, never those of the
     * organisation in its token.
     */
    private static String organisationKey(Caller caller) {
        boolean operatorOnly = caller.has(Roles.OPERATOR) && caller.roles().stream().allMatch(Roles.OPERATOR::equals);
        return operatorOnly ? "person:" + caller.subject() : "org:" + caller.organisation();
    }
}
