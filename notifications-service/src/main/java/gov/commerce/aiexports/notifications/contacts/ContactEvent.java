package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.notifications.routing.Recipient;

/** What happened to an organisation's list of e-mail contacts. The actor in the metadata says who changed it. */
public sealed interface ContactEvent {

    String organisation();

    record Added(String organisation, Recipient.Type organisationType, String contactId, String email, String name)
            implements ContactEvent {
    }

    record Removed(String organisation, String contactId, String email) implements ContactEvent {
    }
}
