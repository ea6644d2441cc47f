package gov.commerce.aiexports.notifications.contacts;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.notifications.contacts.ContactCommand.AddContact;
import gov.commerce.aiexports.notifications.contacts.ContactCommand.RemoveContact;
import gov.commerce.aiexports.notifications.routing.Recipient;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An organisation's contact book, given/when/then on the aggregate alone. */
@ExtendWith(QuietRefusals.class)
class ContactBookAggregateTest {

    private static final String ORG = "STATE";

    private FixtureConfiguration<ContactBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ContactBook.class);
    }

    private static ContactEvent.Added added(String contactId, String email) {
        return new ContactEvent.Added(ORG, Recipient.Type.AGENCY, contactId, email, "Desk");
    }

    @Test
    void the_first_contact_opens_the_book_with_its_address_in_lower_case() {
        fixture.givenNoPriorActivity().when(new AddContact(ORG, Recipient.Type.AGENCY, "c-1", "Desk@State.GOV", "Desk"))
                .expectEvents(added("c-1", "desk@state.gov"));
    }

    @Test
    void another_address_is_added() {
        fixture.given(added("c-1", "desk@state.gov")).when(new AddContact(ORG, Recipient.Type.AGENCY, "c-2", "night@state.gov", "Desk"))
                .expectEvents(added("c-2", "night@state.gov"));
    }

    @Test
    void an_address_is_registered_once_whatever_its_case() {
        fixture.given(added("c-1", "desk@state.gov")).when(new AddContact(ORG, Recipient.Type.AGENCY, "c-2", "DESK@state.gov", "Desk"))
                .expectException(refused(StateConflict.class, "CONTACT_ALREADY_REGISTERED")).expectNoEvents();
    }

    @Test
    void a_removed_address_may_be_registered_again() {
        fixture.given(added("c-1", "desk@state.gov"), new ContactEvent.Removed(ORG, "c-1", "desk@state.gov"))
                .when(new AddContact(ORG, Recipient.Type.AGENCY, "c-2", "desk@state.gov", "Desk")).expectEvents(added("c-2", "desk@state.gov"));
    }

    @Test
    void a_contact_is_deliverable_and_its_organisation_real() {
        fixture.givenNoPriorActivity().when(new AddContact(ORG, Recipient.Type.AGENCY, "c-1", "Desk <desk@state.gov>", "x".repeat(201)))
                .expectException(refused(InvalidInput.class, "EMAIL_INVALID", "/email"))
                .expectException(refused(InvalidInput.class, "NAME_TOO_LONG", "/name")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new AddContact(ORG, Recipient.Type.AGENCY, "c-1", null, "Desk"))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/email")).expectNoEvents();
    }

    @Test
    void an_organisation_is_an_agency_code_or_a_uei() {
        fixture.givenNoPriorActivity().when(new AddContact("nobody", Recipient.Type.AGENCY, "c-1", "desk@state.gov", "Desk"))
                .expectException(refused(InvalidInput.class, "ORGANISATION_INVALID", "/organisation")).expectNoEvents();
    }

    @Test
    void a_contact_is_removed_once() {
        fixture.given(added("c-1", "desk@state.gov")).when(new RemoveContact(ORG, "c-1"))
                .expectEvents(new ContactEvent.Removed(ORG, "c-1", "desk@state.gov"));
        fixture.given(added("c-1", "desk@state.gov"), new ContactEvent.Removed(ORG, "c-1", "desk@state.gov"))
                .when(new RemoveContact(ORG, "c-1")).expectException(NotFound.class).expectNoEvents();
        fixture.given(added("c-1", "desk@state.gov")).when(new RemoveContact(ORG, "c-9")).expectException(NotFound.class).expectNoEvents();
    }
}
