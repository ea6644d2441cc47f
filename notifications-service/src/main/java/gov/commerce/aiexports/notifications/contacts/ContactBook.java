package gov.commerce.aiexports.notifications.contacts;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** The e-mail contacts of one organisation (consortium or agency); it comes into being with its first contact. */
public class ContactBook {

    @AggregateIdentifier
    private String organisation;
    private final Map<String, String> emailsByContact = new LinkedHashMap<>();

    protected ContactBook() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ContactCommand.AddContact c) {
        Violations.invalidIfAny(ContactPolicies.check(c.organisation(), c.email(), c.name()));
        String email = ContactPolicies.normalise(c.email());
        if (emailsByContact.containsValue(email)) {
            throw new StateConflict("CONTACT_ALREADY_REGISTERED", email + " is already a contact of " + c.organisation());
        }
        apply(new ContactEvent.Added(c.organisation(), c.organisationType(), c.contactId(), email, c.name()));
    }

    @CommandHandler
    void handle(ContactCommand.RemoveContact c) {
        String email = emailsByContact.get(c.contactId());
        if (email == null) {
            throw new NotFound("contact", c.contactId());
        }
        apply(new ContactEvent.Removed(organisation, c.contactId(), email));
    }

    @EventSourcingHandler
    void on(ContactEvent.Added e) {
        organisation = e.organisation();
        emailsByContact.put(e.contactId(), e.email());
    }

    @EventSourcingHandler
    void on(ContactEvent.Removed e) {
        emailsByContact.remove(e.contactId());
    }
}
