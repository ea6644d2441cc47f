package gov.commerce.aiexports.notifications.inbox.application;

import gov.commerce.aiexports.notifications.disclosure.NotificationDisclosures;
import gov.commerce.aiexports.notifications.inbox.InboxEntry;
import gov.commerce.aiexports.notifications.inbox.InboxQueries;
import gov.commerce.aiexports.notifications.inbox.NotificationCommand;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The recipient marks its entry read; the entry it is answered is a read of its content, accounted as such. */
@Singleton
public class MarkRead {

    @Inject
    InboxQueries inbox;
    @Inject
    RequestContext request;
    @Inject
    Commands commands;
    @Inject
    NotificationDisclosures disclosures;

    public InboxEntry markRead(String id) {
        Caller caller = request.caller();
        InboxEntry entry = inbox.own(caller, id);
        commands.send(new NotificationCommand.MarkRead(entry.id(), caller.subject()));
        InboxEntry read = inbox.own(caller, id);
        disclosures.inboxRead(List.of(read), "POST /inbox/{id}/read");
        return read;
    }
}
