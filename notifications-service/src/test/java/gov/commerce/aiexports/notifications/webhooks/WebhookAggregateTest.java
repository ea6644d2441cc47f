package gov.commerce.aiexports.notifications.webhooks;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.notifications.webhooks.WebhookCommand.RegisterWebhook;
import gov.commerce.aiexports.notifications.webhooks.WebhookCommand.RemoveWebhook;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An agency's webhook subscription, given/when/then on the aggregate alone; its secret never enters an event. */
@ExtendWith(QuietRefusals.class)
class WebhookAggregateTest {

    private static final String ID = "webhook-1";
    private static final String URL = "https://agency.example/hook";
    private static final String SECRET = "0123456789abcdef0123";

    private FixtureConfiguration<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
    }

    private static WebhookEvent.Registered registered() {
        return new WebhookEvent.Registered(ID, "STATE", URL, List.of("ReviewOpened", "ProposalDesignated"));
    }

    @Test
    void a_webhook_is_registered_without_its_secret() {
        fixture.givenNoPriorActivity().when(new RegisterWebhook(ID, "STATE", URL, List.of("ReviewOpened", "ProposalDesignated"), SECRET))
                .expectEvents(registered());
    }

    @Test
    void a_registration_is_checked() {
        fixture.givenNoPriorActivity().when(new RegisterWebhook(ID, "STATE", "ftp://user@agency.example", List.of(), "short"))
                .expectException(refused(InvalidInput.class, "WEBHOOK_URL_INVALID", "/url"))
                .expectException(refused(InvalidInput.class, "EVENT_TYPES_REQUIRED", "/eventTypes"))
                .expectException(refused(InvalidInput.class, "SECRET_TOO_SHORT", "/secret")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterWebhook(ID, "STATE", URL, List.of("ReviewOpened", "NotificationRecorded"),
                        "s".repeat(257)))
                .expectException(refused(InvalidInput.class, "EVENT_TYPE_UNKNOWN", "/eventTypes/1"))
                .expectException(refused(InvalidInput.class, "SECRET_TOO_LONG", "/secret")).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RegisterWebhook(ID, "STATE", null, List.of("ReviewOpened"), null))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/url"))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/secret")).expectNoEvents();
    }

    @Test
    void a_webhook_is_removed_once() {
        fixture.given(registered()).when(new RemoveWebhook(ID)).expectEvents(new WebhookEvent.Removed(ID, "STATE"));
        fixture.given(registered(), new WebhookEvent.Removed(ID, "STATE")).when(new RemoveWebhook(ID))
                .expectException(refused(StateConflict.class, "WEBHOOK_REMOVED")).expectNoEvents();
    }
}
