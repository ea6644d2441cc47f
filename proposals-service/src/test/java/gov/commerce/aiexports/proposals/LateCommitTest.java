package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.proposals.call.CallCommand;
import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An event whose transaction commits well after later events were appended and processed must
 * still be published and chained: the processors wait for the gap it leaves (GapSettings). The
 * later events lie more than a read's window (1,000 indexes) above the readers, so they are found
 * only because the tail read's window starts at the next stored index, not at the reader's
 * (PostgresEventStorageEngine).
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class LateCommitTest {

    private static final int LATER_CALLS = 10;
    /** More indexes than Axon's default maxGapOffset (10,000) between the held event and the later ones. */
    private static final int INDEX_JUMP = 10_500;

    @Inject
    AxonRuntime axon;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_late_commit_is_published_to_kafka_and_linked_in_the_chain() throws Exception {
        String officer = token("COMMERCE", "commerce-officer");
        String heldCall = draftCall(officer);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().timeout(60).run(() -> {
            // the command joins this transaction: its event has an index but stays invisible until the commit
            axon.configuration().commandGateway().sendAndWait(new CallCommand.PublishCall(heldCall, java.time.Instant.now()));
            appended.countDown();
            try {
                if (!release.await(50, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!appended.await(30, TimeUnit.SECONDS)) {
            held.get();
        }
        // indexes drawn and never used (as rolled-back appends leave them), putting the later events far above the held one
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select count(nextval('domain_event_entry_global_index_seq')) "
                     + "from generate_series(1, ?)")) {
            s.setInt(1, INDEX_JUMP);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
        List<String> later = new ArrayList<>();
        for (int i = 0; i < LATER_CALLS; i++) {
            String id = draftCall(officer);
            given().auth().oauth2(officer).post("/calls/" + id + "/publish").then().statusCode(200);
            later.add(id);
        }
        String lastLater = publishedEventOf(later.get(later.size() - 1));
        // both processors have gone past the held event's index before it commits
        await().atMost(Duration.ofSeconds(30)).until(() -> chained(lastLater));
        ProposalIntakeTest.awaitPublished(later.get(later.size() - 1), "CallPublished");
        Instant releasedAt = Instant.now();
        release.countDown();
        held.get(30, TimeUnit.SECONDS);

        String heldEvent = publishedEventOf(heldCall);
        await().atMost(Duration.ofSeconds(30)).until(() -> chained(heldEvent));
        IntegrationEvent published = ProposalIntakeTest.awaitPublished(heldCall, "CallPublished");
        assertEquals(heldCall, published.payload().get("callId").asText());
        System.out.printf("late commit: held event %s committed %s after %d later events and a jump of %d indexes; "
                + "chained and published%n", heldEvent, Duration.between(releasedAt, Instant.now()), LATER_CALLS * 2, INDEX_JUMP);
    }

    private static String draftCall(String officer) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body(Map.of("title", "Late commit", "fiscalYear", 2026,
                        "opensAt", Instant.now().minusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(86400).toString(), "gracePeriodHours", 2,
                        "instruments", List.of("DIRECT_LOAN"), "requiredAgencies", List.of("STATE")))
                .post("/calls").then().statusCode(201).extract().path("id");
    }

    private String publishedEventOf(String callId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select event_identifier from domain_event_entry "
                     + "where aggregate_identifier = ? and payload_type like '%Published'")) {
            s.setString(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no CallPublished for " + callId);
                }
                return rs.getString(1);
            }
        }
    }

    private boolean chained(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from event_hash_chain where event_identifier = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
