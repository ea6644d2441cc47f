package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class AuditTest {

    @Test
    void a_proposals_history_and_its_state_at_several_instants() throws Exception {
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String callId = publishedCall();
        String consortiumId = consortium(applicant, uei);
        String id = given().auth().oauth2(applicant).contentType(ContentType.JSON).header("X-Correlation-Id", "audit-corr-1")
                .body(proposal(callId, consortiumId, uei, "DE")).post("/proposals").then().statusCode(201).extract().path("id");
        Thread.sleep(20);
        Instant asDraft = Instant.now();
        Thread.sleep(20);
        given().auth().oauth2(applicant).contentType(ContentType.JSON).header("If-Match", "0")
                .body(proposal(callId, consortiumId, uei, "JP")).put("/proposals/" + id).then().statusCode(200);
        Thread.sleep(20);
        Instant asEdited = Instant.now();
        Thread.sleep(20);
        given().auth().oauth2(applicant).post("/proposals/" + id + "/submit").then().statusCode(200);

        String auditor = token("GAO", "auditor");
        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/events").then().statusCode(200)
                .body("$", hasSize(3))
                .body("eventType", equalTo(List.of(
                        "gov.commerce.aiexports.proposals.proposal.ProposalEvent$Drafted",
                        "gov.commerce.aiexports.proposals.proposal.ProposalEvent$Edited",
                        "gov.commerce.aiexports.proposals.proposal.ProposalEvent$Submitted")))
                .body("command", equalTo(List.of("DraftProposal", "EditProposal", "SubmitProposal")))
                .body("[0].actor.subject", equalTo("user-" + uei))
                .body("[0].actor.organisation", equalTo(uei))
                .body("[0].actor.roles", equalTo(List.of("applicant")))
                .body("[0].correlationId", equalTo("audit-corr-1"))
                .body("[0].causationId", org.hamcrest.Matchers.notNullValue())
                .body("[2].payload.trackingNumber", org.hamcrest.Matchers.startsWith("AIEP-"));

        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/state?asOf=" + asDraft).then().statusCode(200)
                .body("version", equalTo(0)).body("state.status", equalTo("DRAFT"))
                .body("state.content.targets[0].country", equalTo("DE"));
        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/state?asOf=" + asEdited).then().statusCode(200)
                .body("version", equalTo(1)).body("state.status", equalTo("DRAFT"))
                .body("state.content.targets[0].country", equalTo("JP"));
        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/state").then().statusCode(200)
                .body("version", equalTo(2)).body("state.status", equalTo("SUBMITTED"));
        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/state?asOf=2000-01-01T00:00:00Z").then().statusCode(404);
        given().auth().oauth2(auditor).get("/audit/aggregates/" + id + "/state?asOf=yesterday").then().statusCode(400)
                .body("rule", equalTo("INSTANT_INVALID")).body("field", equalTo("/asOf"));
        // only auditors
        given().auth().oauth2(applicant).get("/audit/aggregates/" + id + "/events").then().statusCode(403);
        given().get("/audit/verify").then().statusCode(401);
    }

    @Test
    void the_ordered_stream_pages_by_global_position_and_exports_ndjson() throws Exception {
        publishedCall();
        publishedCall();
        String auditor = token("GAO", "auditor");
        List<Integer> first = given().auth().oauth2(auditor).get("/audit/events?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).extract().path("items.globalIndex");
        long next = given().auth().oauth2(auditor).get("/audit/events?limit=2").then().extract().jsonPath().getLong("next");
        assertEquals(first.get(1).longValue(), next);
        List<Integer> second = given().auth().oauth2(auditor).get("/audit/events?limit=2&after=" + next).then()
                .extract().path("items.globalIndex");
        assertTrue(second.get(0) > first.get(1), first + " then " + second);
        given().auth().oauth2(auditor).get("/audit/events?type=CallEvent$Published&limit=1000").then()
                .body("items.eventType.unique()", equalTo(List.of("gov.commerce.aiexports.proposals.call.CallEvent$Published")));

        String ndjson = given().auth().oauth2(auditor).accept("application/x-ndjson").get("/audit/events?type=Drafted")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        String[] lines = ndjson.split("\n");
        long total = given().auth().oauth2(auditor).get("/audit/events?type=Drafted&limit=1000").then().extract()
                .jsonPath().getList("items").size();
        assertEquals(total, lines.length);
        long previous = 0;
        for (String line : lines) {
            JsonNode event = EventCodec.mapper().readTree(line);
            assertTrue(event.get("globalIndex").asLong() > previous, "in order");
            previous = event.get("globalIndex").asLong();
        }
    }

    @Test
    void an_edited_byte_in_the_event_table_is_named_by_verify() throws Exception {
        String callId = publishedCall();
        String auditor = token("GAO", "auditor");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(auditor).get("/audit/verify").then()
                .statusCode(200).body("verified", equalTo(true)).body("pending", equalTo(0))
                .body("firstMismatch", nullValue()));

        try (Connection c = TestInfrastructure.get().postgres().connect("proposals")) {
            long globalIndex;
            String eventId;
            byte[] original;
            try (PreparedStatement s = c.prepareStatement("select global_index, event_identifier, payload from domain_event_entry "
                    + "where aggregate_identifier = ? order by sequence_number limit 1")) {
                s.setString(1, callId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    globalIndex = rs.getLong(1);
                    eventId = rs.getString(2);
                    original = rs.getBytes(3);
                }
            }
            byte[] tampered = original.clone();
            int at = new String(original).indexOf("FY20"); // the title: one character changed
            tampered[at + 1] = 'X';
            update(c, eventId, tampered);
            try {
                given().auth().oauth2(auditor).get("/audit/verify").then().statusCode(200)
                        .body("verified", equalTo(false))
                        .body("firstMismatch.eventId", equalTo(eventId))
                        .body("firstMismatch.globalIndex", equalTo((int) globalIndex));
            } finally {
                update(c, eventId, original);
            }
            given().auth().oauth2(auditor).get("/audit/verify").then().body("verified", equalTo(true));
        }
    }

    private static void update(Connection c, String eventId, byte[] payload) throws Exception {
        try (PreparedStatement s = c.prepareStatement("update domain_event_entry set payload = ? where event_identifier = ?")) {
            s.setBytes(1, payload);
            s.setString(2, eventId);
            assertEquals(1, s.executeUpdate());
        }
    }
}
