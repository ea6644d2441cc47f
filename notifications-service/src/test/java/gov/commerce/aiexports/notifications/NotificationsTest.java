package gov.commerce.aiexports.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.notifications.delivery.DeliverySender;
import gov.commerce.aiexports.notifications.delivery.RetrySchedule;
import gov.commerce.aiexports.notifications.dispatch.Causes;
import gov.commerce.aiexports.notifications.webhooks.Signature;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventConsumer;
import gov.commerce.aiexports.testsupport.FreePorts;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class NotificationsTest {

    static final String SECRET = "whsec-" + UUID.randomUUID();
    static final Duration PATIENCE = Duration.ofSeconds(40);

    @Inject
    DeliverySender sender;
    @Inject
    IntegrationEventConsumer consumer;

    static String token(String org, String... roles) throws Exception {
        return TestInfrastructure.get().tokens().mint("user-" + org + "-" + roles[0], org, roles);
    }

    static String operator() throws Exception {
        return token("OPS", "operator");
    }

    static String webhook(String token, String url, String... eventTypes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(eventTypes), "secret", SECRET))
                .post("/webhooks").then().statusCode(201).extract().path("id");
    }

    static void removeWebhook(String id) throws Exception {
        given().auth().oauth2(operator()).delete("/webhooks/" + id).then().statusCode(204);
    }

    static JsonPath delivery(String deliveryId) throws Exception {
        return given().auth().oauth2(operator()).get("/deliveries/" + deliveryId).then().statusCode(200).extract().jsonPath();
    }

    /** Polls without asserting on each read, so that RestAssured does not log every not-yet. */
    static void awaitDelivery(String deliveryId, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(given().auth().oauth2(operator()).get("/deliveries/" + deliveryId)
                .then().extract().path("status")));
    }

    static List<MimeMessage> mailTo(String address, String subjectPart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SmtpTestResource.server().getReceivedMessages()) {
            Address[] to = m.getAllRecipients();
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))
                    && m.getSubject().contains(subjectPart)) {
                found.add(m);
            }
        }
        return found;
    }

    static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    static String contact(String token, String email) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", email, "name", "Desk"))
                .post("/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void inbox_is_per_recipient_newest_first_paged_with_read_and_unread() throws Exception {
        String uei = Bus.newUei();
        String proposalId = UUID.randomUUID().toString();
        String applicant = token(uei, "applicant");
        Bus.publish(Bus.submitted(proposalId, uei, "AIEP-2026-100001"));
        // the receipt first: the two come from different producers' topics, whose records a consumer may take in either
        // order, and the inbox orders by when each notification was recorded
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(applicant).get("/inbox").then().statusCode(200)
                .body("total", equalTo(1)));
        Bus.publish(new ProposalRejected("r-" + proposalId, proposalId, uei, "Incomplete security layer"));
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(applicant).get("/inbox").then().statusCode(200)
                .body("total", equalTo(2)));

        given().auth().oauth2(applicant).get("/inbox").then()
                .body("unread", equalTo(2))
                .body("items[0].rule", equalTo("REJECTION"))
                .body("items[0].body", equalTo("Incomplete security layer"))
                .body("items[1].rule", equalTo("SUBMISSION_RECEIPT"))
                .body("items[1].subject", equalTo("Submission received: AIEP-2026-100001"));
        String newest = given().auth().oauth2(applicant).queryParam("size", 1).get("/inbox").then()
                .body("items.size()", equalTo(1)).body("total", equalTo(2)).extract().path("items[0].id");
        given().auth().oauth2(applicant).queryParam("size", 1).queryParam("page", 1).get("/inbox").then()
                .body("items[0].rule", equalTo("SUBMISSION_RECEIPT"));

        // another consortium neither sees nor marks it
        String other = token(Bus.newUei(), "applicant");
        given().auth().oauth2(other).get("/inbox").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(other).post("/inbox/" + newest + "/read").then().statusCode(404);

        given().auth().oauth2(applicant).post("/inbox/" + newest + "/read").then().statusCode(200).body("read", equalTo(true));
        given().auth().oauth2(applicant).queryParam("unread", true).get("/inbox").then()
                .body("total", equalTo(1)).body("unread", equalTo(1)).body("items[0].rule", equalTo("SUBMISSION_RECEIPT"));
        given().auth().oauth2(applicant).queryParam("unread", false).get("/inbox").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(newest));
        assertEquals(List.of("Recorded", "Read"), EventStore.eventTypes(newest));

        // each required agency is told, in its own inbox
        Bus.publish(new ReviewOpened("r-" + proposalId, proposalId, uei, List.of("ENERGY", "OSTP")));
        for (String agency : List.of("ENERGY", "OSTP")) {
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token(agency, "agency-reviewer"))
                    .queryParam("size", 200).get("/inbox").then()
                    .body("items.findAll { it.proposalId == '" + proposalId + "' }.rule", equalTo(List.of("REVIEW_AWAITS_AGENCY"))));
        }
        given().auth().oauth2(token("DEFENSE", "agency-reviewer")).queryParam("size", 200).get("/inbox").then()
                .body("items.proposalId", not(hasItem(proposalId)));

        given().get("/inbox").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(applicant).queryParam("size", 500).get("/inbox").then().statusCode(400)
                .body("rule", equalTo("PAGE_INVALID")).body("field", equalTo("/size"));
    }

    @Test
    void webhooks_are_scoped_to_their_agency_and_never_return_the_secret() throws Exception {
        String state = token("STATE", "agency-reviewer");
        String body = given().auth().oauth2(state).contentType(ContentType.JSON)
                .body(Map.of("url", "https://systems.state.gov/aiexports", "eventTypes", List.of("ReviewOpened"), "secret", SECRET))
                .post("/webhooks").then().statusCode(201)
                .body("agency", equalTo("STATE")).body("active", equalTo(true)).body("eventTypes", equalTo(List.of("ReviewOpened")))
                .extract().asString();
        assertFalse(body.contains(SECRET), "the secret is not returned");
        assertFalse(body.contains("secret"), "no secret field at all");
        String id = JsonPath.from(body).getString("id");

        String listed = given().auth().oauth2(state).get("/webhooks").then().statusCode(200).body("id", hasItem(id)).extract().asString();
        assertFalse(listed.contains(SECRET));
        given().auth().oauth2(operator()).get("/webhooks").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(token("DEFENSE", "agency-reviewer")).get("/webhooks").then().statusCode(200).body("id", not(hasItem(id)));
        for (String payload : EventStore.payloads(id)) {
            assertFalse(payload.contains(SECRET), "the event store never holds the secret");
        }

        // refusals: no token, not a government role or operator, another agency
        given().get("/webhooks").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/webhooks").then().statusCode(401);
        given().auth().oauth2(token(Bus.newUei(), "applicant")).get("/webhooks").then().statusCode(403).body("rule", equalTo("FORBIDDEN"));
        given().auth().oauth2(token("AUDIT", "auditor")).contentType(ContentType.JSON)
                .body(Map.of("url", "https://a.gov/h", "eventTypes", List.of("ReviewOpened"), "secret", SECRET))
                .post("/webhooks").then().statusCode(403);
        given().auth().oauth2(state).contentType(ContentType.JSON)
                .body(Map.of("url", "https://a.gov/h", "eventTypes", List.of("ReviewOpened"), "secret", SECRET, "agency", "DEFENSE"))
                .post("/webhooks").then().statusCode(403);
        given().auth().oauth2(token("DEFENSE", "agency-reviewer")).delete("/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(token(Bus.newUei(), "applicant")).delete("/webhooks/" + id).then().statusCode(403);

        // invalid subscriptions: every problem named, nothing written
        given().auth().oauth2(state).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://x", "eventTypes", List.of("Nope"), "secret", "short"))
                .post("/webhooks").then().statusCode(400)
                .body("violations.rule", equalTo(List.of("WEBHOOK_URL_INVALID", "EVENT_TYPE_UNKNOWN", "SECRET_TOO_SHORT")))
                .body("violations.field", equalTo(List.of("/url", "/eventTypes/0", "/secret")));

        // separation of duties: an operator subscribes no agency to program events, not even its own organisation
        for (Map<String, Object> hook : List.<Map<String, Object>>of(
                Map.of("url", "https://edag.state.gov/h", "eventTypes", List.of("ProposalDesignated"), "secret", SECRET, "agency", "EDAG"),
                Map.of("url", "https://ops.example.com/h", "eventTypes", List.of("ProposalDesignated"), "secret", SECRET))) {
            given().auth().oauth2(operator()).contentType(ContentType.JSON).body(hook).post("/webhooks").then().statusCode(403);
        }
        given().auth().oauth2(operator()).get("/webhooks").then().statusCode(200)
                .body("url", not(hasItem("https://edag.state.gov/h"))).body("url", not(hasItem("https://ops.example.com/h")));

        given().auth().oauth2(state).delete("/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(state).get("/webhooks").then().body("id", not(hasItem(id)));
        given().auth().oauth2(state).delete("/webhooks/" + id).then().statusCode(404);
        assertEquals(List.of("Registered", "Removed"), EventStore.eventTypes(id));
        assertEquals(0, EventStore.count("select count(*) from webhook_secret where webhook_id = ?", id));
    }

    @Test
    void each_delivery_is_signed_with_the_subscribers_secret() throws Exception {
        try (Receiver receiver = Receiver.alwaysOk()) {
            String webhookId = webhook(token("COMMERCE", "commerce-officer"), receiver.url(), "ProposalSubmitted");
            String uei = Bus.newUei();
            IntegrationEvent event = Bus.publish(Bus.submitted(UUID.randomUUID().toString(), uei, "AIEP-2026-100002"));
            String eventId = event.eventId().toString();
            await().atMost(PATIENCE).until(() -> receiver.requestsFor(eventId).size() == 1);

            Receiver.Request request = receiver.requestsFor(eventId).get(0);
            String signature = request.header("X-Signature");
            assertTrue(signature.matches("sha256=[0-9a-f]{64}"), signature);
            assertEquals(hmac(SECRET, request.body()), signature, "HMAC-SHA256 of the exact body bytes with the secret");
            assertFalse(hmac("another-secret-of-16", request.body()).equals(signature));
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("ProposalSubmitted", request.header("X-Event-Type"));
            IntegrationEvent received = EventCodec.decode(request.body());
            assertEquals(event.eventId(), received.eventId());
            assertEquals(event.payload(), received.payload());
            assertEquals(event.correlationId(), received.correlationId());

            String deliveryId = Causes.idFrom(eventId, webhookId);
            assertEquals(deliveryId, request.header("X-Delivery-Id"));
            awaitDelivery(deliveryId, "DELIVERED");
            given().auth().oauth2(operator()).queryParam("status", "DELIVERED").queryParam("channel", "WEBHOOK")
                    .queryParam("size", 200).get("/deliveries").then().statusCode(200).body("items.id", hasItem(deliveryId));
            removeWebhook(webhookId);
        }
    }

    /** Verification as a subscriber would write it, with the JDK only. */
    static String hmac(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void a_timeout_and_an_error_are_retried_with_backoff_until_the_receiver_accepts() throws Exception {
        // first try: no answer within the 2 s timeout (test configuration); second: 500; third: 200
        try (Receiver receiver = Receiver.answering(n -> n == 1 ? Receiver.HANG : n == 2 ? 500 : 200)) {
            String webhookId = webhook(token("STATE", "agency-reviewer"), receiver.url(), "ReviewOpened");
            String proposalId = UUID.randomUUID().toString();
            IntegrationEvent event = Bus.publish(new ReviewOpened("r-" + proposalId, proposalId, Bus.newUei(), List.of("STATE")));
            String deliveryId = Causes.idFrom(event.eventId().toString(), webhookId);
            awaitDelivery(deliveryId, "DELIVERED");

            List<Receiver.Request> requests = receiver.requestsFor(event.eventId().toString());
            assertEquals(3, requests.size(), "two failures, then the delivery");
            assertEquals(1, requests.stream().map(r -> r.header("X-Signature")).distinct().count(), "the same signed body each time");
            // a retry: the delivery's key on every try, with the try's number
            assertEquals(List.of(deliveryId, deliveryId, deliveryId), requests.stream().map(r -> r.header("X-Delivery-Id")).toList());
            assertEquals(List.of("1", "2", "3"), requests.stream().map(r -> r.header("X-Delivery-Attempt")).toList());

            JsonPath d = delivery(deliveryId);
            assertEquals(3, d.getInt("attempts"));
            assertEquals(List.of(false, false, true), d.getList("history.delivered"));
            assertTrue(d.getString("history[0].error").startsWith("timeout"), d.getString("history[0].error"));
            assertEquals(500, d.getInt("history[1].statusCode"));
            assertEquals(200, d.getInt("history[2].statusCode"));
            assertNull(d.get("history[2].retryAt"));

            // the waits follow the policy: between half the ceiling and the ceiling (300 ms, then 600 ms), and are kept
            RetrySchedule policy = sender.policy();
            for (int i = 0; i < 2; i++) {
                Instant attempted = Instant.parse(d.getString("history[" + i + "].attemptedAt"));
                Instant ended = attempted.plusMillis(d.getLong("history[" + i + "].durationMillis"));
                Instant retryAt = Instant.parse(d.getString("history[" + i + "].retryAt"));
                long wait = Duration.between(ended, retryAt).toMillis();
                long ceiling = policy.ceiling(i + 1).toMillis();
                assertTrue(wait >= ceiling / 2 - 2 && wait <= ceiling + 2, "wait " + wait + " ms after try " + (i + 1));
                Instant next = Instant.parse(d.getString("history[" + (i + 1) + "].attemptedAt"));
                assertFalse(next.isBefore(retryAt), "try " + (i + 2) + " not before its retry time");
            }
            assertTrue(Duration.between(requests.get(0).receivedAt(), requests.get(1).receivedAt()).toMillis() >= 2_000 + 150,
                    "the second try came after the timeout and the first wait");
            assertEquals(List.of("Scheduled", "AttemptFailed", "AttemptFailed", "AttemptSucceeded"), EventStore.eventTypes(deliveryId));
            removeWebhook(webhookId);
        }
    }

    @Test
    void a_receiver_that_always_fails_is_dead_lettered_and_an_operator_redelivers() throws Exception {
        try (Receiver receiver = Receiver.answering(n -> 503)) {
            String commerce = token("COMMERCE", "commerce-officer");
            String webhookId = webhook(commerce, receiver.url(), "ProposalRejected");
            String refusedId = webhook(commerce, "http://127.0.0.1:" + FreePorts.next() + "/nobody-listens", "ProposalRejected");
            String proposalId = UUID.randomUUID().toString();
            IntegrationEvent event = Bus.publish(new ProposalRejected("r-" + proposalId, proposalId, Bus.newUei(), "Out of scope"));
            String eventId = event.eventId().toString();
            String deliveryId = Causes.idFrom(eventId, webhookId);
            String refusedDelivery = Causes.idFrom(eventId, refusedId);
            awaitDelivery(deliveryId, "DEAD_LETTERED");
            awaitDelivery(refusedDelivery, "DEAD_LETTERED");

            int max = sender.policy().maxAttempts();
            assertEquals(max, receiver.requestsFor(eventId).size());
            JsonPath d = delivery(deliveryId);
            assertEquals(max, d.getInt("attempts"));
            assertEquals("HTTP 503", d.getString("lastError"));
            assertNull(d.get("nextAttemptAt"));
            assertEquals("connection refused", delivery(refusedDelivery).getString("lastError"));
            List<String> expected = new ArrayList<>(List.of("Scheduled"));
            for (int i = 0; i < max; i++) {
                expected.add("AttemptFailed");
            }
            expected.add("DeadLettered");
            assertEquals(expected, EventStore.eventTypes(deliveryId));
            given().auth().oauth2(operator()).queryParam("status", "DEAD_LETTERED").queryParam("size", 200).get("/deliveries")
                    .then().statusCode(200).body("items.id", hasItem(deliveryId)).body("items.id", hasItem(refusedDelivery))
                    .body("items.findAll { it.id == '" + deliveryId + "' }[0].destination", equalTo(receiver.url()));

            // refusals: only operators see and redeliver
            given().get("/deliveries").then().statusCode(401);
            given().post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(401);
            given().auth().oauth2(commerce).get("/deliveries").then().statusCode(403);
            given().auth().oauth2(token(Bus.newUei(), "applicant")).post("/deliveries/" + deliveryId + "/redeliver").then()
                    .statusCode(403);
            given().auth().oauth2(token("AUDIT", "auditor")).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(403);
            given().auth().oauth2(operator()).post("/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
            given().auth().oauth2(operator()).queryParam("status", "LOST").get("/deliveries").then().statusCode(400)
                    .body("rule", equalTo("STATUS_INVALID")).body("field", equalTo("/status"));
            assertEquals(expected, EventStore.eventTypes(deliveryId), "a refused request writes nothing");

            // the receiver is fixed; the operator redelivers: one more POST, same event, same signature
            receiver.script(n -> 200);
            given().auth().oauth2(operator()).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(200);
            awaitDelivery(deliveryId, "DELIVERED");
            List<Receiver.Request> requests = receiver.requestsFor(eventId);
            assertEquals(max + 1, requests.size());
            assertEquals(hmac(SECRET, requests.get(max).body()), requests.get(max).header("X-Signature"));
            assertEquals(max + 1, delivery(deliveryId).getInt("attempts"));
            given().auth().oauth2(operator()).post("/deliveries/" + deliveryId + "/redeliver").then().statusCode(409)
                    .body("rule", equalTo("DELIVERY_NOT_REDELIVERABLE"));
            List<String> types = EventStore.eventTypes(deliveryId);
            assertEquals(List.of("RedeliveryRequested", "AttemptSucceeded"), types.subList(types.size() - 2, types.size()));
            removeWebhook(webhookId);

            // a redelivery whose webhook is removed before it succeeds ends cancelled, not sent
            given().auth().oauth2(operator()).post("/deliveries/" + refusedDelivery + "/redeliver").then().statusCode(200);
            removeWebhook(refusedId);
            awaitDelivery(refusedDelivery, "CANCELLED");
            assertEquals("Cancelled", last(EventStore.eventTypes(refusedDelivery)));
        }
    }

    @Test
    void an_event_kafka_delivers_twice_makes_one_inbox_entry_one_email_and_one_webhook_post() throws Exception {
        String uei = Bus.newUei();
        String applicant = token(uei, "applicant");
        String address = "bids-" + uei.toLowerCase() + "@consortium.example.com";
        contact(applicant, address);
        try (Receiver receiver = Receiver.alwaysOk()) {
            String webhookId = webhook(token("EDAG", "edag-coordinator"), receiver.url(), "ProposalSubmitted");
            String proposalId = UUID.randomUUID().toString();
            long duplicatesBefore = consumer.duplicates();
            IntegrationEvent event = Bus.event(Bus.submitted(proposalId, uei, "AIEP-2026-100003"));
            Bus.publish(event);
            Bus.publish(event);
            // a later event of the same proposal (same partition): once it is told, the duplicate has been consumed
            Bus.publish(new ProposalWithdrawn(proposalId, uei, "marker", java.time.Instant.now()));
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(applicant).get("/inbox").then()
                    .body("items.rule", hasItem("WITHDRAWAL_CONFIRMATION")));
            assertTrue(consumer.duplicates() > duplicatesBefore, "Kafka did deliver the event a second time");

            String eventId = event.eventId().toString();
            String notificationId = Causes.idFrom(eventId, "SUBMISSION_RECEIPT", "org:" + uei);
            String emailDelivery = Causes.idFrom(notificationId, address);
            String webhookDelivery = Causes.idFrom(eventId, webhookId);
            awaitDelivery(emailDelivery, "DELIVERED");
            awaitDelivery(webhookDelivery, "DELIVERED");

            given().auth().oauth2(applicant).get("/inbox").then()
                    .body("items.findAll { it.sourceEventId == '" + eventId + "' }.size()", equalTo(1));
            List<MimeMessage> mails = mailTo(address, "AIEP-2026-100003");
            assertEquals(1, mails.size(), "one e-mail: " + delivery(emailDelivery).prettify());
            // the mail's idempotency key: derived from the delivery, so a retry would carry the same
            assertEquals("<" + emailDelivery + "@notifications.aiexports.commerce.gov>", mails.get(0).getMessageID());
            assertEquals(emailDelivery, mails.get(0).getHeader("X-Delivery-Id")[0]);
            // the attempt that got through (a slow first SMTP exchange on a loaded machine is retried)
            assertEquals(String.valueOf(delivery(emailDelivery).getInt("attempts")),
                    mails.get(0).getHeader("X-Delivery-Attempt")[0]);
            assertEquals("[AI Exports Program] Submission received: AIEP-2026-100003", mails.get(0).getSubject());
            assertTrue(((String) mails.get(0).getContent()).contains("Sovereign AI cloud"));
            assertEquals(2, EventStore.count("select count(*) from delivery where source_event_id = ?", eventId),
                    "one e-mail delivery and one webhook delivery");
            List<Receiver.Request> posts = receiver.requestsFor(eventId);
            assertEquals(Set.of(webhookDelivery), posts.stream().map(r -> r.header("X-Delivery-Id")).collect(Collectors.toSet()));
            assertEquals(1, posts.size(), "one webhook POST: " + delivery(webhookDelivery).prettify());
            assertEquals(List.of("Scheduled", "AttemptSucceeded"), EventStore.eventTypes(webhookDelivery));
            assertEquals("AttemptSucceeded", last(EventStore.eventTypes(emailDelivery)), delivery(emailDelivery).prettify());
            assertEquals(List.of("Recorded"), EventStore.eventTypes(notificationId));
            removeWebhook(webhookId);
        }
    }

    @Test
    void a_burst_over_every_partition_is_applied_in_groups_side_by_side_each_event_once() throws Exception {
        // notifications-service applies a poll in 3 groups at once (aiexports.consumer.parallelism): 24 proposals
        // spread over the partitions, two events each, sent at once
        List<String> ueis = new ArrayList<>();
        List<IntegrationEvent> burst = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String uei = Bus.newUei();
            String proposalId = UUID.randomUUID().toString();
            ueis.add(uei);
            burst.add(Bus.event(Bus.submitted(proposalId, uei, "AIEP-2026-2%05d".formatted(i))));
            burst.add(Bus.event(new ProposalWithdrawn(proposalId, uei, "burst", Instant.now())));
        }
        long before = consumer.applied();
        Bus.publishAll(burst);
        for (String uei : ueis) {
            await().atMost(PATIENCE).untilAsserted(() -> given().auth().oauth2(token(uei, "applicant")).get("/inbox").then()
                    .statusCode(200).body("total", equalTo(2))
                    .body("items.rule", org.hamcrest.Matchers.containsInAnyOrder("SUBMISSION_RECEIPT", "WITHDRAWAL_CONFIRMATION")));
        }
        assertTrue(consumer.applied() - before >= burst.size(), "every event applied: " + (consumer.applied() - before));
        for (IntegrationEvent e : burst) {
            assertEquals(1, EventStore.count("select count(*) from processed_integration_event where event_id = ?", e.eventId()));
        }
    }

    @Test
    void agency_contacts_are_mailed_when_a_review_awaits_them() throws Exception {
        String address = "energy-" + UUID.randomUUID().toString().substring(0, 8) + "@energy.gov";
        contact(token("ENERGY", "agency-reviewer"), address);
        String proposalId = UUID.randomUUID().toString();
        Bus.publish(new ReviewOpened("r-" + proposalId, proposalId, Bus.newUei(), List.of("ENERGY")));
        await().atMost(PATIENCE).until(() -> mailTo(address, "Review awaits your assessment").size() == 1);
        MimeMessage mail = mailTo(address, "Review awaits your assessment").get(0);
        assertTrue(((String) mail.getContent()).contains(proposalId));
        assertEquals("notifications@aiexports.commerce.gov", mail.getFrom()[0].toString());
    }

    @Test
    void contacts_are_managed_by_their_own_organisation_or_an_operator() throws Exception {
        String uei = Bus.newUei();
        String applicant = token(uei, "applicant");
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Map.of("email", "Desk@Acme.example.com", "name", "Bids desk"))
                .post("/contacts").then().statusCode(201)
                .body("organisation", equalTo(uei)).body("organisationType", equalTo("CONSORTIUM"))
                .body("email", equalTo("desk@acme.example.com")).extract().path("id");
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Map.of("email", "desk@acme.example.com"))
                .post("/contacts").then().statusCode(409).body("rule", equalTo("CONTACT_ALREADY_REGISTERED"));
        given().auth().oauth2(applicant).contentType(ContentType.JSON).body(Map.of("email", "desk@acme.example.com\r\nBcc: x@y.z"))
                .post("/contacts").then().statusCode(400).body("rule", equalTo("EMAIL_INVALID")).body("field", equalTo("/email"));
        given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Map.of("email", "spy@acme.example.com", "organisation", Bus.newUei()))
                .post("/contacts").then().statusCode(403);
        given().auth().oauth2(applicant).get("/contacts").then().statusCode(200).body("id", equalTo(List.of(id)));

        given().auth().oauth2(token("DFC", "financing-officer")).contentType(ContentType.JSON).body(Map.of("email", "desk@dfc.gov"))
                .post("/contacts").then().statusCode(201).body("organisation", equalTo("DFC"))
                .body("organisationType", equalTo("AGENCY"));
        // separation of duties: an operator adds no address that would receive an organisation's program mail
        given().auth().oauth2(operator()).contentType(ContentType.JSON).body(Map.of("email", "ops@acme.example.com", "organisation", uei))
                .post("/contacts").then().statusCode(403);
        String second = given().auth().oauth2(applicant).contentType(ContentType.JSON)
                .body(Map.of("email", "second@acme.example.com")).post("/contacts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(operator()).queryParam("organisation", uei).get("/contacts").then().statusCode(200)
                .body("id", hasItem(second));

        given().get("/contacts").then().statusCode(401);
        given().auth().oauth2(token("AUDIT", "auditor")).get("/contacts").then().statusCode(403);
        String stranger = token(Bus.newUei(), "applicant");
        given().auth().oauth2(stranger).delete("/contacts/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).queryParam("organisation", uei).get("/contacts").then().statusCode(403);

        given().auth().oauth2(applicant).delete("/contacts/" + id).then().statusCode(204);
        given().auth().oauth2(applicant).get("/contacts").then().body("id", equalTo(List.of(second)));
        assertEquals(List.of("Added", "Added", "Removed"), EventStore.eventTypes(uei));
    }

    @Test
    void concurrent_senders_never_post_the_same_delivery_twice() throws Exception {
        try (Receiver receiver = Receiver.answering(n -> Receiver.SLOW_OK)) {
            String webhookId = webhook(token("EXIM", "financing-officer"), receiver.url(), "IncentiveRequestOpened");
            List<String> eventIds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String proposalId = UUID.randomUUID().toString();
                eventIds.add(Bus.publish(new IncentiveRequestOpened("ir-" + i, proposalId, "PAEP-2026-00" + i, "c-1", Bus.newUei(),
                        Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 10)).eventId().toString());
            }
            // four more workers race the scheduled ones on the same rows
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(pool.submit(() -> {
                    int sent = 0;
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (receiver.requests().size() < 12 && System.nanoTime() < until) {
                        sent += sender.drain();
                    }
                    return sent;
                }));
            }
            for (String eventId : eventIds) {
                awaitDelivery(Causes.idFrom(eventId, webhookId), "DELIVERED");
            }
            for (Future<Integer> racer : racers) {
                racer.get();
            }
            pool.shutdown();
            // the delivery id tells a retry from a double send (DeliveryPosts): a retry repeats the delivery's id with the
            // next try's number; a double send is a second delivery id for one event, one try posted twice, or a POST no
            // recorded try accounts for (a slow machine may time a try out and retry it: recorded as a failed try)
            Map<String, String> expected = new java.util.HashMap<>();
            Map<String, Long> recordedTries = new java.util.HashMap<>();
            for (String eventId : eventIds) {
                String deliveryId = Causes.idFrom(eventId, webhookId);
                List<String> events = EventStore.eventTypes(deliveryId);
                long tries = events.stream().filter(e -> e.startsWith("Attempt")).count();
                assertEquals("AttemptSucceeded", events.get(events.size() - 1));
                assertEquals(tries, delivery(deliveryId).getInt("attempts"), delivery(deliveryId).prettify());
                expected.put(deliveryId, eventId);
                recordedTries.put(deliveryId, tries);
            }
            DeliveryPosts.Tally tally = DeliveryPosts.tally(receiver.requests(), expected, recordedTries);
            System.out.printf("concurrent senders: %d POSTs, %d deliveries, %d retries, double sends: %s%n", tally.posts(),
                    tally.deliveries(), tally.retries(), tally.doubleSends());
            assertEquals(List.of(), tally.doubleSends(), "no delivery posted twice");
            assertEquals(eventIds.size(), tally.deliveries());
            removeWebhook(webhookId);
        }
    }
}
