package gov.commerce.aiexports.review;

import static gov.commerce.aiexports.review.InteragencyReviewTest.as;
import static gov.commerce.aiexports.review.InteragencyReviewTest.assessment;
import static gov.commerce.aiexports.review.InteragencyReviewTest.designate;
import static gov.commerce.aiexports.review.InteragencyReviewTest.events;
import static gov.commerce.aiexports.review.InteragencyReviewTest.openReview;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A withdrawal and a designation of the same proposal, in both orders: the designation is refused
 * after the withdrawal, and revoked (RELINQUISHED) when the withdrawal comes after it.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class WithdrawalAndDesignationTest {

    private static final List<String> FLAGS = List.of("TARGET_COUNTRY_GROUP_D");

    /** Publishes the current ProposalWithdrawn (v3) and returns its event id. */
    static UUID withdraw(String proposalId, boolean relinquishment, String number) throws Exception {
        ProposalWithdrawn payload = new ProposalWithdrawn(proposalId, "APPL00000001", "partner left", Instant.now(), relinquishment,
                number);
        UUID id = UUID.randomUUID();
        IntegrationEvent event = new IntegrationEvent(id, "ProposalWithdrawn", 3, "Proposal", proposalId, 5, Instant.now(),
                "proposals-service", "corr-" + proposalId, UUID.randomUUID().toString(),
                new Actor("applicant@x", "APPL00000001", List.of("applicant")), EventCodec.mapper().valueToTree(payload));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.PROPOSALS, proposalId, event);
        return id;
    }

    static String concurred() throws Exception {
        String review = openReview();
        for (String agency : List.of("STATE", "DEFENSE")) {
            as(agency, "agency-reviewer").body(assessment("CONCUR", List.of())).post("/reviews/" + review + "/assessments")
                    .then().statusCode(201);
        }
        return review;
    }

    static String proposalOf(String review) throws Exception {
        return as("COMMERCE", "commerce-officer").get("/reviews/" + review).then().extract().path("proposalId");
    }

    @Test
    void a_designation_after_the_withdrawal_is_refused_and_changes_nothing() throws Exception {
        String review = concurred();
        String proposal = proposalOf(review);
        withdraw(proposal, false, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + review)
                .then().body("status", equalTo("CLOSED")));
        long before = events(review);
        int designationsBefore = as("COMMERCE", "auditor").get("/designations?limit=1000").then().extract().path("size()");
        as("COMMERCE", "commerce-officer").body(designate(FLAGS, "1.00")).header("If-Match", "*").post("/reviews/" + review + "/determination")
                .then().statusCode(409).body("rule", equalTo("PROPOSAL_WITHDRAWN"));
        assertEquals(before, events(review), "the refused designation wrote no event");
        as("COMMERCE", "auditor").get("/designations?limit=1000").then().body("size()", equalTo(designationsBefore));
        as("COMMERCE", "auditor").get("/designations?limit=1000").then().body("findAll { it.proposalId == '" + proposal + "' }.size()",
                equalTo(0));
    }

    @Test
    void a_withdrawal_after_the_designation_revokes_it_as_relinquished() throws Exception {
        String review = concurred();
        String proposal = proposalOf(review);
        String number = as("COMMERCE", "commerce-officer").body(designate(FLAGS, "1.00")).header("If-Match", "*").post("/reviews/" + review + "/determination")
                .then().statusCode(200).body("status", equalTo("DESIGNATED")).extract().path("determination.designationNumber");
        as("APPL00000001", "applicant").get("/designations/" + number).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // proposals-service had not learnt of the designation: it says relinquishment false; review decides
        UUID withdrawal = withdraw(proposal, false, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + review)
                .then().body("status", equalTo("REVOKED")).body("revocation.cause", equalTo("RELINQUISHED")));
        as("APPL00000001", "applicant").get("/designations/" + number).then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revocation.cause", equalTo("RELINQUISHED"))
                .body("revocation.revokedAt", notNullValue())
                .body("revocation", not(hasKey("reason")))
                .body("revocation", not(hasKey("causeEventId")));
        // the catalogue is open to any token: another organisation sees the cause, not the applicant's reason
        as("OTHER0000001", "applicant").get("/designations").then().statusCode(200)
                .body("find { it.number == '" + number + "' }.status", equalTo("REVOKED"))
                .body("find { it.number == '" + number + "' }.revocation.cause", equalTo("RELINQUISHED"))
                .body("find { it.number == '" + number + "' }.revocation", not(hasKey("reason")))
                .body("find { it.number == '" + number + "' }.revocation", not(hasKey("causeEventId")))
                .body(not(containsString("partner left")));
        // the review keeps them, for its officers
        as("COMMERCE", "commerce-officer").get("/reviews/" + review).then()
                .body("revocation.reason", equalTo("partner left"))
                .body("revocation.causeEventId", equalTo(withdrawal.toString()));

        IntegrationEvent published = TestBus.awaitPublished(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW,
                proposal, "DesignationRevoked");
        DesignationRevoked revoked = published.payloadAs(DesignationRevoked.class);
        assertEquals(number, revoked.designationNumber());
        assertEquals(DesignationRevoked.RELINQUISHED, revoked.cause());
        assertEquals(withdrawal.toString(), revoked.causeEventId());
        assertEquals(1, revoked.endorsedLineCount());
        assertEquals("APPL00000001", revoked.applicantOrganisation());
        assertTrue(revoked.revokedAt() != null);

        // the same withdrawal delivered again, or a second one, revokes nothing twice; nor can it be determined again
        long after = events(review);
        withdraw(proposal, true, number);
        String probe = concurred();
        withdraw(proposalOf(probe), false, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("COMMERCE", "commerce-officer").get("/reviews/" + probe)
                .then().body("status", equalTo("CLOSED")));
        assertEquals(after, events(review), "a second withdrawal of a revoked designation changes nothing");
        // the relinquished proposal cannot be designated again either
        as("COMMERCE", "commerce-officer").body(designate(FLAGS, "1.00")).header("If-Match", "*").post("/reviews/" + review + "/determination")
                .then().statusCode(409).body("rule", equalTo("PROPOSAL_WITHDRAWN"));
        assertEquals(after, events(review), "nor does the refused determination");
    }
}
