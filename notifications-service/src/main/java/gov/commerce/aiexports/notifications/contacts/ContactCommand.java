package gov.commerce.aiexports.notifications.contacts;

import gov.commerce.aiexports.notifications.routing.Recipient;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface ContactCommand {

    record AddContact(@TargetAggregateIdentifier String organisation, Recipient.Type organisationType, String contactId,
            String email, String name) implements ContactCommand {
    }

    record RemoveContact(@TargetAggregateIdentifier String organisation, String contactId) implements ContactCommand {
    }
}
