package gov.commerce.aiexports.notifications;

import static gov.commerce.aiexports.notifications.NotificationsTest.PATIENCE;
import static gov.commerce.aiexports.notifications.NotificationsTest.SECRET;
import static gov.commerce.aiexports.notifications.NotificationsTest.contact;
import static gov.commerce.aiexports.notifications.NotificationsTest.hmac;
import static gov.commerce.aiexports.notifications.NotificationsTest.mailTo;
import static gov.commerce.aiexports.notifications.NotificationsTest.operator;
import static gov.commerce.aiexports.notifications.NotificationsTest.removeWebhook;
import static gov.commerce.aiexports.notifications.NotificationsTest.token;
import static gov.commerce.aiexports.notifications.NotificationsTest.webhook;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The disclosure rule on what this service sends, against the real SMTP server and real webhook
 * receivers: a proposal marks its targets and incentives confidential; each webhook and each
 * organisation's e-mail carries them only where the rule lets its reader see them, a marker
 * elsewhere; and facts that have not arrived yet (a routing before its designation) withhold.
 */
@QuarkusTest
@Order(1)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class ConfidentialNotificationsTest {

    static final List<String> MARKED = List.of("targets", "incentives");
    static final String TYPES = "ProposalSubmitted,ProposalDesignated,IncentiveRequestRouted";

    /** A webhook of one agency in one role, with its own receiver. */
    record Hook(String name, Receiver receiver, String id) {
        JsonNode payload(String eventId) {
            Receiver.Request r = receiver.requestsFor(eventId).get(0);
            try {
                assertEquals(hmac(SECRET, r.body()), r.header("X-Signature"), name + ": signed over the body as sent");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return EventCodec.decode(r.body()).payload();
        }

        String body(String eventId) {
            return new String(receiver.requestsFor(eventId).get(0).body(), StandardCharsets.UTF_8);
        }
    }

    static Hook hook(String name, String agency, String role) throws Exception {
        Receiver receiver = Receiver.alwaysOk();
        return new Hook(name, receiver, webhook(token(agency, role), receiver.url(), TYPES.split(",")));
    }

    static void awaitAll(Map<String, Hook> hooks, IntegrationEvent event) {
        String id = event.eventId().toString();
        await().atMost(PATIENCE).until(() -> hooks.values().stream().allMatch(h -> h.receiver().requestsFor(id).size() == 1));
    }

    static void assertWithheld(JsonNode node, String because, String what) {
        assertTrue(node != null && node.isObject(), what + " is a marker: " + node);
        assertEquals("BUSINESS_CONFIDENTIAL", node.path("withheld").asText(), what);
        assertEquals(because, node.path("because").asText(), what);
    }

    static ProposalSubmitted submitted(String proposalId, String uei, String amount) {
        return new ProposalSubmitted(proposalId, "AIEP-2027-" + proposalId.substring(0, 6), "call-" + proposalId, 2027, "cons-" + uei,
                "Consortium " + uei, uei, "Sovereign AI cloud", List.of("VN", "KE"),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal(amount), 12)), List.of("STATE", "DEFENSE"),
                List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", "VN is in Country Group D:1")), "v1",
                Instant.now(), MARKED);
    }

    /** The payload as a receiver decodes it (numbers as JSON numbers, as the envelope is re-encoded). */
    static JsonNode asSent(IntegrationEvent event) {
        return EventCodec.decode(EventCodec.encode(event)).payload();
    }

    /** Whether a body holds the amount, in either way JSON may write it (12345678.91 or 1.234567891E7). */
    static boolean holds(String body, String amount) {
        return body.contains(amount) || body.contains(String.valueOf(Double.parseDouble(amount)));
    }

    static String text(MimeMessage m) throws Exception {
        return (String) m.getContent();
    }

    @Test
    void each_webhook_and_each_organisations_mail_carries_only_what_the_disclosure_rule_lets_it_see() throws Exception {
        String uei = Bus.newUei();
        String amount = "12345678.91";
        String applicant = token(uei, "applicant");
        String ownerMail = "bids-" + uei.toLowerCase() + "@consortium.example.com";
        String eximMail = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@exim.gov";
        contact(applicant, ownerMail);
        contact(token("EXIM", "financing-officer"), eximMail);

        Map<String, Hook> hooks = new LinkedHashMap<>();
        hooks.put("STATE", hook("STATE reviewer (required)", "STATE", "agency-reviewer"));
        hooks.put("ENERGY", hook("ENERGY reviewer (not required)", "ENERGY", "agency-reviewer"));
        hooks.put("COMMERCE", hook("Commerce officer", "COMMERCE", "commerce-officer"));
        hooks.put("EXIM", hook("EXIM financing officer", "EXIM", "financing-officer"));
        hooks.put("DFC", hook("DFC financing officer", "DFC", "financing-officer"));
        try {
            String proposalId = UUID.randomUUID().toString();
            IntegrationEvent submitted = Bus.publish(Bus.event(submitted(proposalId, uei, amount)));
            String sId = submitted.eventId().toString();
            awaitAll(hooks, submitted);

            // the required agency and Commerce: the event as published
            assertEquals(asSent(submitted), hooks.get("STATE").payload(sId));
            assertEquals(asSent(submitted), hooks.get("COMMERCE").payload(sId));
            // another agency: markers where the marked sections were, the rest as published
            JsonNode energy = hooks.get("ENERGY").payload(sId);
            assertWithheld(energy.get("targetCountries"), "AGENCY_NOT_REQUIRED", "ENERGY targetCountries");
            assertWithheld(energy.get("requestedIncentives"), "AGENCY_NOT_REQUIRED", "ENERGY requestedIncentives");
            assertWithheld(energy.get("flags").get(0).get("detail"), "AGENCY_NOT_REQUIRED", "ENERGY flag detail");
            assertEquals("Sovereign AI cloud", energy.get("title").asText());
            // financing agencies before any designation: no need to know
            for (String agency : List.of("EXIM", "DFC")) {
                JsonNode p = hooks.get(agency).payload(sId);
                assertWithheld(p.get("targetCountries"), "NO_FINANCING_NEED", agency + " targetCountries");
                assertWithheld(p.get("requestedIncentives"), "NO_FINANCING_NEED", agency + " requestedIncentives");
            }
            for (String agency : List.of("ENERGY", "EXIM", "DFC")) {
                String body = hooks.get(agency).body(sId);
                assertFalse(holds(body, amount) || body.contains("\"VN\"") || body.contains("Group D"), agency + ": " + body);
            }

            // designated: review.events; the routing (incentives.events) is published once it is applied
            String number = "PAEP-2027-" + UUID.randomUUID().toString().substring(0, 8);
            IntegrationEvent designated = Bus.publish(new ProposalDesignated("r-" + proposalId, proposalId, number, "cons-" + uei, uei,
                    LocalDate.of(2027, 1, 4), List.of(), List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal(amount), 12)),
                    "strategic", List.of("STATE", "DEFENSE"), MARKED));
            awaitAll(hooks, designated);
            String dId = designated.eventId().toString();
            assertEquals(asSent(designated), hooks.get("STATE").payload(dId));
            assertWithheld(hooks.get("EXIM").payload(dId).get("endorsedIncentives"), "NO_FINANCING_NEED",
                    "EXIM before a line is routed to it");

            IntegrationEvent routed = Bus.publish(new IncentiveRequestRouted("ir-" + proposalId, proposalId, number, uei,
                    Instrument.DIRECT_LOAN, new BigDecimal(amount), "EXIM", "12 years, semi-annual", new BigDecimal("4.50")));
            awaitAll(hooks, routed);
            String rId = routed.eventId().toString();
            // the agency the line is routed to, of a designated proposal: the line as published
            assertEquals(asSent(routed), hooks.get("EXIM").payload(rId));
            assertEquals(asSent(routed), hooks.get("COMMERCE").payload(rId));
            JsonNode dfc = hooks.get("DFC").payload(rId);
            assertWithheld(dfc.get("amountUsd"), "NO_FINANCING_NEED", "DFC amountUsd");
            assertWithheld(dfc.get("instrument"), "NO_FINANCING_NEED", "DFC instrument");
            assertEquals("EXIM", dfc.get("agency").asText());
            assertWithheld(hooks.get("ENERGY").payload(rId).get("amountUsd"), "AGENCY_NOT_REQUIRED", "ENERGY amountUsd");

            // e-mails: the routed agency and the owning consortium see the line
            await().atMost(PATIENCE).until(() -> mailTo(eximMail, number).size() == 1
                    && mailTo(ownerMail, "Incentive line routed to EXIM").size() == 1);
            assertTrue(text(mailTo(eximMail, number).get(0)).contains(amount + " USD"), text(mailTo(eximMail, number).get(0)));
            assertTrue(text(mailTo(ownerMail, "Incentive line routed to EXIM").get(0)).contains(amount + " USD"));

            // inbox: EXIM's officer reads the notice; an operator whose token names EXIM reads no program content
            String eximRead = "exim-inbox-" + UUID.randomUUID();
            given().auth().oauth2(token("EXIM", "financing-officer")).header("X-Correlation-Id", eximRead).queryParam("size", 200)
                    .get("/inbox").then().statusCode(200)
                    .body("items.findAll { it.proposalId == '" + proposalId + "' }.body[0]",
                            org.hamcrest.Matchers.containsString(amount + " USD"));
            // ... and that read of the incentives section is published for the owner's account of disclosure
            JsonNode read = accounted(eximRead);
            assertEquals(proposalId, read.path("proposalId").asText());
            assertEquals("EXIM", read.path("organisation").asText());
            assertEquals("[\"incentives\"]", read.path("sections").toString());
            assertEquals("notifications-service GET /inbox", read.path("path").asText());
            given().auth().oauth2(token("EXIM", "operator")).queryParam("size", 200).get("/inbox").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.equalTo(0));
            String entry = given().auth().oauth2(token("EXIM", "financing-officer")).queryParam("size", 200).get("/inbox").then()
                    .extract().path("items.find { it.proposalId == '" + proposalId + "' }.id");
            given().auth().oauth2(token("EXIM", "operator")).post("/inbox/" + entry + "/read").then().statusCode(404);
            // operators list deliveries' metadata: no amount, no target
            String deliveries = given().auth().oauth2(operator()).queryParam("size", 200).get("/deliveries").then().statusCode(200)
                    .extract().asString();
            assertTrue(deliveries.contains(proposalId), "the proposal's deliveries are listed");
            assertFalse(holds(deliveries, amount), "no section value in the deliveries' metadata");
        } finally {
            for (Hook h : hooks.values()) {
                removeWebhook(h.id());
                h.receiver().close();
            }
        }
    }

    @Test
    void a_webhook_keeps_its_registering_roles_across_a_replay_of_its_read_model() throws Exception {
        String id = webhook(token("STATE", "agency-reviewer", "auditor"), "https://systems.state.gov/roles-" + UUID.randomUUID(),
                "ProposalSubmitted");
        String path = "find { it.id == '" + id + "' }.registeredRoles";
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/webhooks").then().statusCode(200)
                .body(path, org.hamcrest.Matchers.equalTo(List.of("agency-reviewer", "auditor")));
        String started = given().auth().oauth2(operator()).post("/admin/projections/webhook-projection/replay").then()
                .statusCode(202).extract().path("startedAt");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(operator()).get("/admin/projections/webhook-projection").then()
                        .body("startedAt", org.hamcrest.Matchers.equalTo(started)).body("status", org.hamcrest.Matchers.equalTo("LIVE")));
        // read back from the stored registration's metadata, as after any rebuild
        given().auth().oauth2(token("STATE", "agency-reviewer")).get("/webhooks").then().statusCode(200)
                .body(path, org.hamcrest.Matchers.equalTo(List.of("agency-reviewer", "auditor")));
        removeWebhook(id);
    }

    /** Each read model of the service rebuilds, whatever its key (known_consortium's is the organisation, not an id). */
    @Test
    void every_read_model_of_the_service_replays() throws Exception {
        String operator = operator();
        List<String> names = given().auth().oauth2(operator).get("/admin/projections").then().statusCode(200).extract().path("name");
        assertTrue(names.contains("known-consortia"), "known-consortia is listed: " + names);
        for (String name : names) {
            String started = given().auth().oauth2(operator).post("/admin/projections/" + name + "/replay").then()
                    .statusCode(202).extract().path("startedAt");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                    given().auth().oauth2(operator).get("/admin/projections/" + name).then()
                            .body("startedAt", org.hamcrest.Matchers.equalTo(started))
                            .body("status", org.hamcrest.Matchers.oneOf("LIVE", "FAILED")));
            given().auth().oauth2(operator).get("/admin/projections/" + name).then()
                    .body("status", org.hamcrest.Matchers.equalTo("LIVE")).body("error", org.hamcrest.Matchers.nullValue());
        }
    }

    @Test
    void a_routing_that_arrives_before_its_designation_is_withheld_from_the_financing_agency() throws Exception {
        String uei = Bus.newUei();
        String amount = "23456789.12";
        String ownerMail = "bids-" + uei.toLowerCase() + "@consortium.example.com";
        String eximMail = "early-" + UUID.randomUUID().toString().substring(0, 8) + "@exim.gov";
        contact(token(uei, "applicant"), ownerMail);
        contact(token("EXIM", "financing-officer"), eximMail);
        Map<String, Hook> hooks = new LinkedHashMap<>();
        hooks.put("EXIM", hook("EXIM financing officer", "EXIM", "financing-officer"));
        hooks.put("COMMERCE", hook("Commerce officer", "COMMERCE", "commerce-officer"));
        try {
            // one proposal whose submission was seen, one this service never heard of: the designation is missing for both
            String known = UUID.randomUUID().toString();
            IntegrationEvent submitted = Bus.publish(Bus.event(submitted(known, uei, amount)));
            awaitAll(hooks, submitted);
            for (String proposalId : List.of(known, UUID.randomUUID().toString())) {
                String number = "PAEP-2027-" + UUID.randomUUID().toString().substring(0, 8);
                IntegrationEvent routed = Bus.publish(new IncentiveRequestRouted("ir-" + proposalId, proposalId, number, uei,
                        Instrument.DIRECT_LOAN, new BigDecimal(amount), "EXIM", "10 years", new BigDecimal("4.50")));
                awaitAll(hooks, routed);
                String rId = routed.eventId().toString();
                JsonNode exim = hooks.get("EXIM").payload(rId);
                assertWithheld(exim.get("amountUsd"), "NO_FINANCING_NEED", "EXIM amountUsd, designation unknown");
                assertWithheld(exim.get("instrument"), "NO_FINANCING_NEED", "EXIM instrument, designation unknown");
                assertFalse(holds(hooks.get("EXIM").body(rId), amount));
                assertEquals(asSent(routed), hooks.get("COMMERCE").payload(rId), "Commerce sees every submitted proposal");

                await().atMost(PATIENCE).until(() -> mailTo(eximMail, number).size() == 1);
                String mail = text(mailTo(eximMail, number).get(0));
                assertFalse(mail.contains(amount) || mail.contains("DIRECT_LOAN"), mail);
                assertTrue(mail.contains("[withheld: BUSINESS_CONFIDENTIAL because NO_FINANCING_NEED]"), mail);
                assertTrue(mail.contains("ir-" + proposalId), "the agency still learns which request: " + mail);
            }
            // the consortium's own contacts get its own content
            await().atMost(PATIENCE).until(() -> mailTo(ownerMail, "Incentive line routed to EXIM").size() == 2);
            for (MimeMessage m : mailTo(ownerMail, "Incentive line routed to EXIM")) {
                assertTrue(text(m).contains(amount + " USD"), text(m));
            }
        } finally {
            for (Hook h : hooks.values()) {
                removeWebhook(h.id());
                h.receiver().close();
            }
        }
    }

    /** The read with this correlation id in a ConfidentialSectionsRead batch on notifications.events. */
    static JsonNode accounted(String correlationId) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure.get().kafka().bootstrapServers());
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        p.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(gov.commerce.aiexports.events.Topics.NOTIFICATIONS));
            await().atMost(PATIENCE).until(() -> {
                for (var r : consumer.poll(java.time.Duration.ofMillis(200))) {
                    IntegrationEvent e = gov.commerce.aiexports.events.EventCodec.decode(r.value());
                    if (e.eventType().equals("ConfidentialSectionsRead")) {
                        e.payload().path("reads").forEach(read -> {
                            if (correlationId.equals(read.path("correlationId").asText())) {
                                found.add(read);
                            }
                        });
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
