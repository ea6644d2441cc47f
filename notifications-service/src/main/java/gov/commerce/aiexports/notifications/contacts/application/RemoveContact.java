package gov.commerce.aiexports.notifications.contacts.application;

import gov.commerce.aiexports.notifications.contacts.ContactCommand;
import gov.commerce.aiexports.notifications.contacts.ContactQueries;
import gov.commerce.aiexports.notifications.contacts.ContactView;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Removes a contact the caller manages. */
@Singleton
public class RemoveContact {

    @Inject
    ContactQueries contacts;
    @Inject
    Commands commands;
    @Inject
    RequestContext request;

    public void remove(String id) {
        ContactView contact = contacts.managed(request.caller(), id);
        commands.send(new ContactCommand.RemoveContact(contact.organisation(), id));
    }
}
