package gov.commerce.aiexports.notifications.inbox;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Roles;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** Every read of inboxes: the caller's organisation's entries and its own as a person, never another recipient's. */
@Singleton
public class InboxQueries {

    static final Keyset ORDER = Keyset.named("createdAt").desc("created_at", "timestamptz").asc("id").build();

    /** A page of entries, how many match and how many are unread. */
    public record Counted(Slice<InboxEntry> slice, long total, long unread) {
    }

    @Inject
    Documents documents;

    /** Newest first; unread: true only unread, false only read, null all. */
    public Counted page(Caller caller, Boolean unread, PageRequest paging, long offset) {
        String org = organisationKey(caller);
        String person = personKey(caller);
        String filter = " where recipient in (?, ?)" + (unread == null ? "" : unread ? " and not read" : " and read");
        long total = documents.count("select count(*) from " + InboxProjection.TABLE + filter, org, person);
        long unreadCount = documents.count("select count(*) from " + InboxProjection.TABLE + " where recipient in (?, ?) and not read",
                org, person);
        return new Counted(documents.page("from " + InboxProjection.TABLE + filter, List.<Object>of(org, person), ORDER, paging,
                InboxEntry.class, null, offset), total, unreadCount);
    }

    /** The caller's entry; another recipient's is a 404. */
    public InboxEntry own(Caller caller, String id) {
        return documents.find(InboxProjection.TABLE, id, InboxEntry.class)
                .filter(e -> e.recipient().inboxKey().equals(organisationKey(caller)) || e.recipient().inboxKey().equals(personKey(caller)))
                .orElseThrow(() -> new NotFound("inbox entry", id));
    }

    /**
     * The inbox key of the caller's organisation. Operators run the system and read no program
     * content: a token that is only an operator reads its own (person) entries, never those of the
     * organisation in its token.
     */
    private static String organisationKey(Caller caller) {
        boolean operatorOnly = caller.has(Roles.OPERATOR) && caller.roles().stream().allMatch(Roles.OPERATOR::equals);
        return operatorOnly ? personKey(caller) : "org:" + caller.organisation();
    }

    private static String personKey(Caller caller) {
        return "person:" + caller.subject();
    }
}
