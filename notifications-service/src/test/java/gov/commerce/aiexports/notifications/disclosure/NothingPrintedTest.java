package gov.commerce.aiexports.notifications.disclosure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.notifications.delivery.Channel;
import gov.commerce.aiexports.notifications.delivery.DeliveryCommand;
import gov.commerce.aiexports.notifications.delivery.DeliveryEvent;
import gov.commerce.aiexports.notifications.inbox.NotificationCommand;
import gov.commerce.aiexports.notifications.inbox.NotificationEvent;
import gov.commerce.aiexports.notifications.routing.Recipient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands and events that hold a notice's subject or body print without them: Axon and exceptions print messages. */
class NothingPrintedTest {

    static final String SUBJECT = "subject-canary-7731";
    static final String BODY = "body-canary-12345678.91";

    @Test
    void subjects_and_bodies_stay_out_of_printed_commands_and_events() {
        Recipient r = Recipient.agency("EXIM");
        List<Object> printed = List.of(
                new DeliveryCommand.ScheduleDelivery("d-1", Channel.EMAIL, "desk@exim.gov", null, "n-1", "e-1", "IncentiveRequestRouted",
                        "p-1", SUBJECT, BODY, Instant.now()),
                new DeliveryEvent.Scheduled("d-1", Channel.WEBHOOK, "https://x.gov/h", "w-1", null, "e-1", "IncentiveRequestRouted",
                        "p-1", SUBJECT, BODY, Instant.now()),
                new NotificationCommand.RecordNotification("n-1", r, "p-1", SUBJECT, BODY, "e-1", "IncentiveRequestRouted", "RULE"),
                new NotificationEvent.Recorded("n-1", r, "p-1", SUBJECT, BODY, "e-1", "IncentiveRequestRouted", "RULE"));
        for (Object o : printed) {
            String s = o.toString();
            assertFalse(s.contains(SUBJECT) || s.contains(BODY), s);
            assertTrue(s.contains("p-1"), "still says what it is about: " + s);
        }
    }
}
