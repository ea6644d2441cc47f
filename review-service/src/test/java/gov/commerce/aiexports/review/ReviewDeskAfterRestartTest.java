package gov.commerce.aiexports.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OverdueScan;
import gov.commerce.aiexports.testsupport.PostgresServer;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs after {@link ReviewDeskTest} under another test profile, so Quarkus stops review-service
 * and starts it again: a new application in a new class loader, nothing in memory, the clock back
 * at the real time, the same database and broker (handed over in system properties, as the
 * notifications' closing-reminder restart test does). The overdue assessment flagged before the
 * restart is not flagged again by the restarted scans (its own scheduler, every second here, and
 * racing runs); a new due date set after the restart is flagged once.
 */
@QuarkusTest
@org.junit.jupiter.api.Order(2)
@TestProfile(ReviewDeskAfterRestartTest.Restarted.class)
class ReviewDeskAfterRestartTest {

    private static final String URL = "aiexports.test.review.desk.jdbc-url";
    private static final String KAFKA = "aiexports.test.review.desk.kafka";
    private static final String AUDIT_KEY = "aiexports.test.review.desk.audit-key";
    private static final String TOKEN_DIR = "aiexports.test.review.desk.token-dir";

    /** In the first application: hands its database, broker and audit key to the restarted one. */
    static void handOver(String review) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        System.setProperty(URL, infra.postgres().jdbcUrl("review"));
        System.setProperty(KAFKA, infra.kafka().bootstrapServers());
        System.setProperty(AUDIT_KEY, infra.auditSigningKey());
        System.setProperty(TOKEN_DIR, Files.createTempDirectory("review-desk-tokens").toString());
        System.setProperty(ReviewDeskTest.HANDED_OVER_REVIEW, review);
    }

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aiexports.oversight.overdue-scan-every", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HandedOver.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** The restarted service's infrastructure: what the first one used (its token key is one kept for this test). */
    public static class HandedOver implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String url = System.getProperty(URL);
            if (url == null) {
                throw new IllegalStateException("nothing handed over: ReviewDeskTest must run before the restart test");
            }
            try {
                return Map.of(
                        "quarkus.datasource.jdbc.url", url,
                        "quarkus.datasource.username", PostgresServer.appRoleOf("review"),
                        "quarkus.datasource.password", "",
                        "quarkus.flyway.username", "postgres",
                        "quarkus.flyway.password", "trusted-locally",
                        "aiexports.audit.signing-key", System.getProperty(AUDIT_KEY),
                        "kafka.bootstrap.servers", System.getProperty(KAFKA),
                        "mp.jwt.verify.publickey", tokens().publicKeyBase64(),
                        "mp.jwt.verify.issuer", Tokens.ISSUER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            // the servers belong to the first application's infrastructure
        }
    }

    static Tokens tokens() throws Exception {
        return Tokens.keptIn(Path.of(System.getProperty(TOKEN_DIR)));
    }

    static RequestSpecification commerce() throws Exception {
        return given().auth().oauth2(tokens().mint("commerce-officer@COMMERCE", "COMMERCE", "commerce-officer"))
                .contentType(ContentType.JSON);
    }

    static long overdueEvents(String review) throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty(URL), "postgres", "");
             PreparedStatement s = c.prepareStatement("select count(*) from domain_event_entry where aggregate_identifier = ?"
                     + " and payload_type like '%AssessmentOverdue'")) {
            s.setString(1, review);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Inject
    ReviewClock clock;
    @Inject
    OverdueScan scan;

    @Test
    void an_assessment_flagged_overdue_before_the_restart_is_not_flagged_again() throws Exception {
        String review = System.getProperty(ReviewDeskTest.HANDED_OVER_REVIEW);
        assertEquals(1, overdueEvents(review), "flagged once before the restart");
        String flaggedAt = commerce().get("/reviews/" + review).then().statusCode(200)
                .extract().path("assignments.find { it.agency == 'STATE' }.overdueFlaggedAt");

        // the restarted clock is real time again: move it past the due date, as before the restart, and race the scans
        clock.moveBy(Duration.ofDays(5));
        ReviewDeskTest.racingScans(scan, 4);
        scan.runOnce();
        assertEquals(1, overdueEvents(review), "not flagged again after the restart");
        commerce().get("/reviews/" + review).then()
                .body("assignments.find { it.agency == 'STATE' }.overdueFlaggedAt", equalTo(flaggedAt));

        // the restarted scan is live: a new due date, once passed, is flagged once
        LocalDate today = FederalTime.today(clock);
        commerce().body(Map.of("agency", "STATE", "reviewers", List.of("erin@state"), "dueDate", today.toString()))
                .post("/reviews/" + review + "/assignments").then().statusCode(200);
        clock.moveBy(Duration.ofDays(2));
        ReviewDeskTest.racingScans(scan, 4);
        scan.runOnce();
        assertEquals(2, overdueEvents(review), "the new due date flagged once");
        clock.reset();
    }
}
