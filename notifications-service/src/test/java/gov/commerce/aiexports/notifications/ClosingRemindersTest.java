package gov.commerce.aiexports.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.proposals.CallAmended;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies.Threshold;
import gov.commerce.aiexports.notifications.reminders.ClosingReminderPolicies;
import gov.commerce.aiexports.notifications.reminders.ClosingReminders;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Closing reminders on the service's (test) clock: 7 days and 1 day before a call closes, once
 * per call and threshold however many runs race for them. {@link ClosingRemindersAfterRestartTest}
 * starts the service again on the same database and shows they are not sent a second time.
 */
@QuarkusTest
@Order(2)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class ClosingRemindersTest {

    /** The call the restart test looks for again. */
    static final String CALL_PREFIX = "restart-check-";

    @Inject
    ClosingReminders reminders;
    @Inject
    MutableClock clock;

    static int racingRuns(ClosingReminders reminders, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(reminders::runOnce);
        }
        int sent = 0;
        for (Future<Integer> f : pool.invokeAll(runs)) {
            sent += f.get();
        }
        pool.shutdown();
        return sent;
    }

    static long remindersOf(String callId, Threshold threshold) throws Exception {
        return EventStore.count("select count(*) from domain_event_entry where aggregate_identifier = ?",
                ClosingReminderPolicies.reminderId(callId, threshold));
    }

    /** Waits for the e-mail; if it does not come, the failure shows where its delivery stands. */
    static void awaitOneMail(String address, String subjectPart) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> NotificationsTest.mailTo(address, subjectPart).size() == 1);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder();
            for (String[] row : EventStore.rows("select id, status, doc->>'attempts', doc->>'lastError', next_attempt_at::text"
                    + " from delivery where doc->>'destination' = ?", address)) {
                state.append('\n').append(java.util.Arrays.toString(row));
            }
            throw new AssertionError("no single e-mail '" + subjectPart + "' to " + address + " within 30 s; "
                    + NotificationsTest.mailTo(address, subjectPart).size() + " received; its deliveries:" + state, e);
        }
    }

    @Test
    void reminders_go_out_once_seven_days_and_one_day_before_closing_to_known_consortia() throws Exception {
        EventStore.handOver();
        String uei = Bus.newUei();
        String applicant = TestInfrastructure.get().tokens().mint("user-" + uei, uei, "applicant");
        String address = "calls-" + uei.toLowerCase() + "@consortium.example.com";
        // registering a contact makes the consortium known, and gives the reminders an address
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Map.of("email", address))
                .post("/contacts").then().statusCode(201);

        String callId = CALL_PREFIX + UUID.randomUUID();
        String title = "FY2027 call " + callId;
        Instant closesAt = clock.instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Bus.publish(new CallPublished(callId, title, 2027, clock.instant(), closesAt, 24, List.of(Instrument.DIRECT_LOAN),
                List.of("STATE"), 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> EventStore.count(
                "select count(*) from call_deadline where id = ?", callId) == 1);

        // thirty days out: nothing is due
        reminders.runOnce();
        assertEquals(0, remindersOf(callId, Threshold.SEVEN_DAYS));

        // six days and 23 hours before closing: the 7-day reminder, once, though eight runs race for it
        // (and the scheduled job, every second, joins them)
        clock.advanceTo(closesAt.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)));
        int sent = racingRuns(reminders, 8);
        assertTrue(sent <= 1, "at most one run sends it: " + sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> remindersOf(callId, Threshold.SEVEN_DAYS) == 1);
        reminders.runOnce();
        assertEquals(1, remindersOf(callId, Threshold.SEVEN_DAYS));
        assertEquals(0, remindersOf(callId, Threshold.ONE_DAY));
        awaitOneMail(address, "7 days: " + title);

        // twelve hours before closing: the 1-day reminder, once
        clock.advanceTo(closesAt.minus(Duration.ofHours(12)));
        racingRuns(reminders, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> remindersOf(callId, Threshold.ONE_DAY) == 1);
        reminders.runOnce();
        assertEquals(1, remindersOf(callId, Threshold.SEVEN_DAYS));
        assertEquals(1, remindersOf(callId, Threshold.ONE_DAY));
        awaitOneMail(address, "1 day: " + title);

        given().auth().oauth2(applicant).queryParam("size", 200).get("/inbox").then().statusCode(200)
                .body("items.findAll { it.subject.endsWith('" + title + "') }.subject",
                        equalTo(List.of("Call closes within 1 day: " + title, "Call closes within 7 days: " + title)))
                .body("items.findAll { it.subject.endsWith('" + title + "') }.rule",
                        equalTo(List.of("CLOSING_REMINDER", "CLOSING_REMINDER")));
        // the Sent event names who was told
        assertTrue(EventStore.payloads(ClosingReminderPolicies.reminderId(callId, Threshold.SEVEN_DAYS)).get(0).contains(uei));

        // after the closing, nothing more
        clock.advanceTo(closesAt.plusSeconds(1));
        reminders.runOnce();
        assertEquals(1, NotificationsTest.mailTo(address, "7 days: " + title).size());
        assertEquals(1, NotificationsTest.mailTo(address, "1 day: " + title).size());
    }

    @Test
    void an_amended_call_is_announced_to_known_consortia_and_its_new_closing_is_used() throws Exception {
        String uei = Bus.newUei();
        String applicant = TestInfrastructure.get().tokens().mint("user-" + uei, uei, "applicant");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Map.of("email", "a-" + uei.toLowerCase() + "@x.example.com"))
                .post("/contacts").then().statusCode(201);
        String callId = "amended-" + UUID.randomUUID();
        Instant closesAt = clock.instant().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // far enough that no other test of this JVM moves the clock into its reminder windows
        Instant extended = closesAt.plus(90, ChronoUnit.DAYS);
        Bus.publish(new CallPublished(callId, "Call " + callId, 2027, clock.instant(), closesAt, 0, List.of(Instrument.DIRECT_LOAN),
                List.of("STATE"), 1));
        Bus.publish(new CallAmended(callId, "Call " + callId, 2027, clock.instant(), extended, 0, List.of(Instrument.DIRECT_LOAN),
                List.of("STATE"), 2, "closing extended by ninety days"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(applicant).get("/inbox").then()
                .body("items.rule", hasItem("CALL_AMENDED"))
                .body("items.findAll { it.rule == 'CALL_AMENDED' }[0].body",
                        org.hamcrest.Matchers.containsString("closing extended by ninety days")));
        await().atMost(Duration.ofSeconds(30)).until(() -> EventStore.rows("select doc->>'callVersion' from call_deadline where id = ?",
                callId).get(0)[0].equals("2"));

        // six days before the original closing: not due any more, the call now closes three months later
        clock.advanceTo(closesAt.minus(Duration.ofDays(6)));
        reminders.runOnce();
        assertEquals(0, remindersOf(callId, Threshold.SEVEN_DAYS));
        assertEquals(0, remindersOf(callId, Threshold.ONE_DAY));
    }
}
