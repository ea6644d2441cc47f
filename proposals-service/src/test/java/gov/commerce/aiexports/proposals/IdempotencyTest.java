package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.consortium;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.newUei;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.publishedCall;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.commerce.aiexports.runtime.request.IdempotencyStore;
import gov.commerce.aiexports.testsupport.IdempotencyChecks;
import gov.commerce.aiexports.testsupport.IdempotencyChecks.Answer;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on the proposal POSTs that create records: drafting (POST /proposals) and submission. */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class IdempotencyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static IdempotencyChecks checks() {
        return new IdempotencyChecks(URI.create("http://localhost:" + RestAssured.port));
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long proposalsOf(String consortiumId) throws Exception {
        return count("select count(*) from proposal_view where consortium_id = ?", consortiumId);
    }

    private static long submissions(String proposalId) throws Exception {
        return count("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ProposalEvent$Submitted'", proposalId);
    }

    private static String draft(String applicant, String body) {
        return given().auth().oauth2(applicant).contentType(ContentType.JSON).body(body).post("/proposals").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void drafting_and_submitting_happen_once_per_key() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String body = JSON.writeValueAsString(proposal(callId, consortiumId, uei, "VN"));
        Map<String, Object> other = new HashMap<>(proposal(callId, consortiumId, uei, "VN"));
        other.put("title", "Another title");

        Answer drafted = checks().sameKeyTwice("POST /proposals", applicant, "/proposals", body, JSON.writeValueAsString(other),
                () -> proposalsOf(consortiumId));
        assertEquals(201, drafted.status());
        assertTrue(drafted.location() != null && drafted.location().contains("/proposals/"), drafted.location());
        List<Answer> together = checks().concurrently("POST /proposals", applicant, "/proposals", body,
                () -> proposalsOf(consortiumId));
        assertEquals(together.get(0).location(), together.get(1).location(), "one proposal, both told its Location");

        String first = draft(applicant, body);
        String second = draft(applicant, body);
        Answer submitted = checks().sameKeyTwice("POST /proposals/{id}/submit", applicant, "/proposals/" + first + "/submit", null,
                "/proposals/" + second + "/submit", null, () -> submissions(first));
        assertEquals(0, submissions(second), "the key's other request did not run");
        assertTrue(submitted.body().contains("\"trackingNumber\""), submitted.body());
        checks().concurrently("POST /proposals/{id}/submit", applicant, "/proposals/" + second + "/submit", null,
                () -> submissions(second));
        System.out.printf("[idempotency] proposals: %d drafted for the consortium (3 by key, 2 without), submissions %d and %d%n",
                proposalsOf(consortiumId), submissions(first), submissions(second));
        assertEquals(4, proposalsOf(consortiumId));
    }

    @Test
    void a_submission_refused_by_a_rule_is_not_kept_and_another_applicant_never_sees_the_answer() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String embargoed = draft(applicant, JSON.writeValueAsString(proposal(callId, consortiumId, uei, "IR")));
        String key = IdempotencyChecks.newKey();
        Answer refused = checks().post(applicant, "/proposals/" + embargoed + "/submit", key, null);
        Answer again = checks().post(applicant, "/proposals/" + embargoed + "/submit", key, null);
        assertEquals(List.of(422, 422), List.of(refused.status(), again.status()));
        assertEquals("TARGET_EMBARGOED", again.rule());
        assertTrue(!again.replayed(), "a refusal is judged again, not replayed");

        String proposal = draft(applicant, JSON.writeValueAsString(proposal(callId, consortiumId, uei, "VN")));
        String submitKey = IdempotencyChecks.newKey();
        assertEquals(200, checks().post(applicant, "/proposals/" + proposal + "/submit", submitKey, null).status());
        // another applicant, same key and path: its own request (404: not its proposal), not the stored answer
        Answer stranger = checks().post(token(newUei(), "applicant"), "/proposals/" + proposal + "/submit", submitKey, null);
        assertEquals(404, stranger.status(), stranger.toString());
        assertTrue(!stranger.body().contains("trackingNumber"));
        System.out.printf("[idempotency] refused submission with a key: %d then %d (not replayed); stranger with the same key: %d%n",
                refused.status(), again.status(), stranger.status());
    }

    @Test
    void the_openapi_document_declares_the_header_on_every_post() {
        io.restassured.path.json.JsonPath openapi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        int posts = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (path.getValue().get("post") instanceof Map<?, ?> post) {
                posts++;
                List<?> parameters = (List<?>) post.get("parameters");
                assertTrue(parameters != null && parameters.stream().anyMatch(p -> p instanceof Map<?, ?> m
                        && "Idempotency-Key".equals(m.get("name")) && "header".equals(m.get("in"))), path.getKey());
            }
        }
        assertTrue(posts >= 5, "the service's POSTs: " + posts);
        System.out.printf("[idempotency] OpenAPI: Idempotency-Key declared on %d POST operations%n", posts);
    }

    @jakarta.inject.Inject
    IdempotencyStore store;

    private static int update(String sql, Object... parameters) throws Exception {
        try (Connection c = TestInfrastructure.get().postgres().connect("proposals");
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    @Test
    void a_key_held_by_a_running_request_is_409_one_whose_request_died_is_outcome_unknown_and_expired_keys_go() throws Exception {
        String callId = publishedCall();
        String uei = newUei();
        String applicant = token(uei, "applicant");
        String consortiumId = consortium(applicant, uei);
        String proposal = draft(applicant, JSON.writeValueAsString(proposal(callId, consortiumId, uei, "VN")));
        String path = "/proposals/" + proposal + "/submit";
        String key = IdempotencyChecks.newKey();
        // as a request of this caller still running would have left it: claimed, same request, no answer yet
        update("insert into idempotency_key (scope_digest, caller_subject, caller_organisation, idempotency_key, request_method, "
                + "request_path, request_fingerprint, state, owner, claimed_at, expires_at) values (?, ?, ?, ?, 'POST', ?, "
                + "sha256(''::bytea), 'IN_PROGRESS', gen_random_uuid(), now(), now() + interval '1 day')",
                new IdempotencyStore.Scope("user-" + uei, uei, key).digest(), "user-" + uei, uei, key, path);
        long started = System.nanoTime();
        given().auth().oauth2(applicant).header("Idempotency-Key", key).post(path).then().statusCode(409)
                .header("Retry-After", "1").body("rule", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_KEY_IN_USE"))
                .body("field", org.hamcrest.Matchers.equalTo("/Idempotency-Key"));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waitedMillis >= 9_000, "waited the in-flight time (10 s) first: " + waitedMillis + " ms");
        assertEquals(0, submissions(proposal), "nothing ran");

        // the running request died (its process was killed, or its answer could not be stored): after the lease its
        // outcome is unknown, and the key is never taken over (that would run the request a second time)
        update("update idempotency_key set claimed_at = now() - interval '10 minutes' where idempotency_key = ?", key);
        for (int repeat = 0; repeat < 2; repeat++) {
            given().auth().oauth2(applicant).header("Idempotency-Key", key).post(path).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("rule", org.hamcrest.Matchers.equalTo("IDEMPOTENCY_OUTCOME_UNKNOWN"))
                    .body("field", org.hamcrest.Matchers.equalTo("/Idempotency-Key"))
                    .body("detail", org.hamcrest.Matchers.containsString("new key"));
        }
        assertEquals(0, submissions(proposal), "not run under the abandoned key");
        assertEquals(1, count("select count(*) from idempotency_key where idempotency_key = ? and state = 'IN_PROGRESS'", key),
                "the claim stays as it was until the key expires");
        // the caller checks the proposal (still a draft here) and sends a new key
        Answer fresh = checks().post(applicant, path, IdempotencyChecks.newKey(), null);
        assertEquals(200, fresh.status(), fresh.toString());
        assertEquals(1, submissions(proposal));

        // an expired key is new again, and the clean-up removes it
        update("update idempotency_key set expires_at = now() - interval '1 second' where idempotency_key = ?", key);
        Answer afterExpiry = checks().post(applicant, path, key, null);
        assertEquals(409, afterExpiry.status(), "judged again: the proposal is already submitted: " + afterExpiry);
        assertEquals("PROPOSAL_NOT_DRAFT", afterExpiry.rule(), afterExpiry.toString());
        assertTrue(!afterExpiry.replayed());
        String expired = IdempotencyChecks.newKey();
        update("insert into idempotency_key (scope_digest, caller_subject, caller_organisation, idempotency_key, request_method, "
                + "request_path, request_fingerprint, state, owner, claimed_at, expires_at, response_status) values (?, ?, ?, ?, "
                + "'POST', ?, sha256(''::bytea), 'COMPLETED', gen_random_uuid(), now() - interval '2 days', "
                + "now() - interval '1 day', 200)", new IdempotencyStore.Scope("user-" + uei, uei, expired).digest(), "user-" + uei,
                uei, expired, path);
        int deleted = store.deleteExpired();
        assertTrue(deleted >= 1, "deleted " + deleted);
        assertEquals(0, count("select count(*) from idempotency_key where idempotency_key = ?", expired));
        assertEquals(1, submissions(proposal), "one submission through it all");
        System.out.printf("[idempotency] in use: 409 after %d ms; after the lease: 409 outcome unknown; expired: judged again (%d %s); "
                + "clean-up deleted %d%n", waitedMillis, afterExpiry.status(), afterExpiry.rule(), deleted);
    }
}
