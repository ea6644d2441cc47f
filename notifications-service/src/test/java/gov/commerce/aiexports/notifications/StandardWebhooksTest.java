package gov.commerce.aiexports.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries by the Standard Webhooks specification, checked by implementations that are
 * not the service's: the reference npm library {@code standardwebhooks} (pinned), run by node as a
 * receiver would run it, and a verifier written here from the specification. A delivery verifies;
 * the same delivery replayed ten minutes later is refused (its timestamp is too old); after a
 * rotation both secrets verify during the rollover; the secrets are sealed at rest.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = EventStore.DATABASE),
        restrictToAnnotatedClass = true)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = true)
class StandardWebhooksTest {

    /** The reference library's version, pinned. */
    static final String LIBRARY = "standardwebhooks@1.1.1";
    static final Duration PATIENCE = Duration.ofSeconds(40);
    static Path node;

    @BeforeAll
    static void installReferenceLibrary() throws Exception {
        node = Path.of("target/standardwebhooks-node").toAbsolutePath();
        Files.createDirectories(node);
        try (InputStream script = StandardWebhooksTest.class.getResourceAsStream("/standardwebhooks/verify.js")) {
            Files.write(node.resolve("verify.js"), script.readAllBytes());
        }
        if (!Files.exists(node.resolve("node_modules/standardwebhooks/package.json"))) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", node.toString(),
                    LIBRARY).redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(npm.waitFor(180, TimeUnit.SECONDS) && npm.exitValue() == 0, "npm install " + LIBRARY + ": " + out);
        }
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static String token(String org, String role) throws Exception {
        return TestInfrastructure.get().tokens().mint("user-" + org + "-" + role, org, role);
    }

    @Test
    void a_delivery_verifies_with_the_reference_library_and_a_replay_ten_minutes_later_is_refused() throws Exception {
        String secret = newSecret();
        String state = token("STATE", "agency-reviewer");
        try (Receiver receiver = Receiver.alwaysOk()) {
            String webhookId = given().auth().oauth2(state).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("ProposalSubmitted"), "secret", secret))
                    .post("/webhooks").then().statusCode(201).extract().path("id");
            IntegrationEvent event = Bus.publish(Bus.submitted(UUID.randomUUID().toString(), Bus.newUei(), "AIEP-2026-300001"));
            String eventId = event.eventId().toString();
            await().atMost(PATIENCE).until(() -> receiver.requestsFor(eventId).size() == 1);
            Receiver.Request delivery = receiver.requestsFor(eventId).get(0);

            assertEquals(eventId, delivery.header("webhook-id"));
            long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "the try's time in Unix seconds");
            assertTrue(delivery.header("webhook-signature").matches("v1,[A-Za-z0-9+/]+=*"), delivery.header("webhook-signature"));

            assertEquals("VERIFIED " + eventId, reference(secret, delivery, 0));
            assertTrue(reference(secret, delivery, 600).startsWith("REFUSED"), "a replay ten minutes later");
            assertTrue(reference(newSecret(), delivery, 0).startsWith("REFUSED"), "another secret");
            assertTrue(fromTheSpecification(secret, delivery, Instant.now()));
            assertFalse(fromTheSpecification(secret, delivery, Instant.now().plusSeconds(600)), "a replay ten minutes later");
            // a body changed in transit
            Receiver.Request tampered = new Receiver.Request(delivery.n(), delivery.headers(),
                    new String(delivery.body(), StandardCharsets.UTF_8).replace("AIEP-2026-300001", "AIEP-2026-300002")
                            .getBytes(StandardCharsets.UTF_8), delivery.receivedAt(), delivery.answered());
            assertTrue(reference(secret, tampered, 0).startsWith("REFUSED"));

            // sealed at rest: the table holds no secret a database dump could give away
            String stored = storedSecret(webhookId);
            assertTrue(stored.startsWith("aesgcm1:"), "sealed");
            assertFalse(stored.contains(secret.substring(6, 20)));
            given().auth().oauth2(state).delete("/webhooks/" + webhookId).then().statusCode(204);
        }
    }

    @Test
    void during_a_rotation_both_secrets_verify_and_afterwards_only_the_new_one() throws Exception {
        String first = newSecret();
        String second = newSecret();
        String commerce = token("COMMERCE", "commerce-officer");
        try (Receiver receiver = Receiver.alwaysOk()) {
            String webhookId = given().auth().oauth2(commerce).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "eventTypes", List.of("ProposalSubmitted"), "secret", first))
                    .post("/webhooks").then().statusCode(201).extract().path("id");
            // refused rotations change nothing: a bad secret, a window out of range, another agency's webhook
            given().auth().oauth2(commerce).contentType(ContentType.JSON).body(Map.of("secret", "whsec_notbase64!!"))
                    .post("/webhooks/" + webhookId + "/secret-rotations").then().statusCode(400).body("rule", equalTo("SECRET_INVALID")).body("field", equalTo("/secret"));
            given().auth().oauth2(commerce).contentType(ContentType.JSON).body(Map.of("secret", second, "previousValidForHours", 1000))
                    .post("/webhooks/" + webhookId + "/secret-rotations").then().statusCode(400)
                    .body("rule", equalTo("ROLLOVER_INVALID")).body("field", equalTo("/previousValidForHours"));
            given().auth().oauth2(token("STATE", "agency-reviewer")).contentType(ContentType.JSON).body(Map.of("secret", second))
                    .post("/webhooks/" + webhookId + "/secret-rotations").then().statusCode(404);

            given().auth().oauth2(commerce).contentType(ContentType.JSON).body(Map.of("secret", second, "previousValidForHours", 1))
                    .post("/webhooks/" + webhookId + "/secret-rotations").then().statusCode(200)
                    .body("webhookId", equalTo(webhookId)).body("previousValidUntil", org.hamcrest.Matchers.notNullValue());
            Receiver.Request during = deliveryOf(receiver, "AIEP-2026-300011");
            assertEquals(2, during.header("webhook-signature").split(" ").length, during.header("webhook-signature"));
            assertTrue(reference(first, during, 0).startsWith("VERIFIED"), "the receiver not yet switched");
            assertTrue(reference(second, during, 0).startsWith("VERIFIED"), "the receiver switched");

            // a rotation with no rollover: only the newest secret signs
            String third = newSecret();
            given().auth().oauth2(commerce).contentType(ContentType.JSON).body(Map.of("secret", third, "previousValidForHours", 0))
                    .post("/webhooks/" + webhookId + "/secret-rotations").then().statusCode(200);
            Receiver.Request after = deliveryOf(receiver, "AIEP-2026-300012");
            assertEquals(1, after.header("webhook-signature").split(" ").length);
            assertTrue(reference(third, after, 0).startsWith("VERIFIED"));
            assertTrue(reference(second, after, 0).startsWith("REFUSED"));
            assertTrue(reference(first, after, 0).startsWith("REFUSED"));
            given().auth().oauth2(commerce).delete("/webhooks/" + webhookId).then().statusCode(204);
        }
    }

    private static Receiver.Request deliveryOf(Receiver receiver, String trackingNumber) throws Exception {
        IntegrationEvent event = Bus.publish(Bus.submitted(UUID.randomUUID().toString(), Bus.newUei(), trackingNumber));
        String eventId = event.eventId().toString();
        await().atMost(PATIENCE).until(() -> receiver.requestsFor(eventId).size() == 1);
        return receiver.requestsFor(eventId).get(0);
    }

    /** The reference library's verdict on a captured delivery, secondsLater after now. */
    private static String reference(String secret, Receiver.Request delivery, int secondsLater) throws Exception {
        Path headers = Files.createTempFile(node, "headers", ".json");
        Path body = Files.createTempFile(node, "body", ".json");
        Files.writeString(headers, new ObjectMapper().writeValueAsString(Map.of(
                "webhook-id", delivery.header("webhook-id"), "webhook-timestamp", delivery.header("webhook-timestamp"),
                "webhook-signature", delivery.header("webhook-signature"))));
        Files.write(body, delivery.body());
        List<String> command = new ArrayList<>(List.of("node", "verify.js", secret, headers.toString(), body.toString()));
        if (secondsLater > 0) {
            command.add(String.valueOf(secondsLater));
        }
        Process p = new ProcessBuilder(command).directory(node.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Files.deleteIfExists(headers);
        Files.deleteIfExists(body);
        return out;
    }

    /**
     * A second verifier, written here from the specification: base64-decode the secret after
     * whsec_, HMAC-SHA256 over "id.timestamp.body", compare with each v1 signature in constant
     * time, and refuse a timestamp more than five minutes from the receiver's now.
     */
    private static boolean fromTheSpecification(String secret, Receiver.Request delivery, Instant now) throws Exception {
        String id = delivery.header("webhook-id");
        long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
        if (Math.abs(now.getEpochSecond() - timestamp) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(delivery.body()));
        for (String signature : delivery.header("webhook-signature").split(" ")) {
            String[] versioned = signature.split(",", 2);
            if (versioned[0].equals("v1") && java.security.MessageDigest.isEqual(expected, versioned[1].getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static String storedSecret(String webhookId) throws Exception {
        try (Connection c = EventStore.connect();
             PreparedStatement s = c.prepareStatement("select secret from webhook_secret where webhook_id = ?")) {
            s.setString(1, webhookId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
