package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import gov.commerce.aiexports.testsupport.ServiceTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nobody calls for a checkpoint here: every 3 chained events, one is taken by itself, off the chain processor's thread. */
@QuarkusTest
@TestProfile(AuditCheckpointScheduleTest.EveryThreeEvents.class)
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class AuditCheckpointScheduleTest {

    public static class EveryThreeEvents implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aiexports.audit.checkpoint-every-events", "3", "aiexports.audit.checkpoint-interval", "1h");
        }
    }

    @Test
    void a_checkpoint_is_taken_every_n_chained_events() throws Exception {
        String auditor = token("GAO", "auditor");
        long before = given().auth().oauth2(auditor).get("/audit/chain/checkpoints?limit=10000").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
        for (int i = 0; i < 3; i++) {
            publishedCall();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long head = given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                    .body("verified", equalTo(true)).body("pending", equalTo(0)).extract().jsonPath().getLong("events");
            java.util.List<Integer> counts = given().auth().oauth2(auditor).get("/audit/chain/checkpoints?limit=10000").then()
                    .extract().jsonPath().getList("items.count", Integer.class);
            org.junit.jupiter.api.Assertions.assertTrue(counts.size() > before, "a new checkpoint");
            // the last one is within N events of the head
            org.junit.jupiter.api.Assertions.assertTrue(head - counts.get(counts.size() - 1) < 3, head + " vs " + counts);
        });
    }
}
