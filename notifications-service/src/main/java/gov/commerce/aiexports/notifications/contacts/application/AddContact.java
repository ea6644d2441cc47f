package gov.commerce.aiexports.notifications.contacts.application;

import gov.commerce.aiexports.notifications.contacts.ContactCommand;
import gov.commerce.aiexports.notifications.contacts.ContactPolicies;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violations;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.UUID;

/** A consortium or agency registers an e-mail address that receives its program mail. */
@Singleton
public class AddContact {

    public record ContactRequest(String organisation, String email, String name) {
    }

    @Inject
    Commands commands;
    @Inject
    RequestContext request;

    /** The new contact's id. */
    public String add(ContactRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        // the shape first: a malformed organisation is bad input (400), not someone else's (403)
        Violations.invalidIfAny(ContactPolicies.checkOrganisation(body.organisation()));
        String organisation = Organisations.actedFor(request.caller(), body.organisation());
        String id = UUID.randomUUID().toString();
        commands.send(new ContactCommand.AddContact(organisation, typeOf(organisation), id, body.email(), body.name()));
        return id;
    }

    private static Recipient.Type typeOf(String organisation) {
        return ContactPolicies.AGENCIES.contains(organisation) ? Recipient.Type.AGENCY : Recipient.Type.CONSORTIUM;
    }
}
