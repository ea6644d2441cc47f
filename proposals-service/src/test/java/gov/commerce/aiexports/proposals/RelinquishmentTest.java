package gov.commerce.aiexports.proposals;

import static gov.commerce.aiexports.proposals.ProposalIntakeTest.proposal;
import static gov.commerce.aiexports.proposals.ProposalIntakeTest.token;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.applicant;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.draft;
import static gov.commerce.aiexports.proposals.SubmissionRulesTest.events;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled;
import gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A withdrawal after designation is a relinquishment; a designation that crosses a withdrawal
 * leaves the proposal withdrawn; and the revocation with its consequences is on the timeline.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "proposals"))
class RelinquishmentTest {

    static void publish(String topic, IntegrationPayload payload) throws Exception {
        EventContract c = EventCatalog.contractOf(payload.getClass());
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), c.type(), c.version(), "Aggregate", payload.proposalId(), 1,
                Instant.now(), c.producer(), "corr-" + payload.proposalId(), UUID.randomUUID().toString(), Actor.system(c.producer()),
                EventCodec.mapper().valueToTree(payload));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), topic, payload.proposalId(), event);
    }

    static ProposalDesignated designated(String proposalId, String uei, String number) {
        return new ProposalDesignated("review-" + proposalId, proposalId, number, "cons", uei, LocalDate.now(), List.of(),
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000.00"), 5)), "national interest", List.of(),
                List.of());
    }

    static String submitted(SubmissionRulesTest.Applicant a) {
        String id = draft(a, proposal(a.callId(), a.consortiumId(), a.uei(), "DE"));
        given().auth().oauth2(a.token()).post("/proposals/" + id + "/submit").then().statusCode(200);
        return id;
    }

    @Test
    void withdrawing_a_designated_proposal_relinquishes_its_designation() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String id = submitted(a);
        String number = gov.commerce.aiexports.events.DesignationNumber.of(2027, 1000 + (int) (Math.random() * 8000));
        publish(Topics.REVIEW, designated(id, a.uei(), number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token()).get("/proposals/" + id)
                .then().body("status", equalTo("DESIGNATED")));

        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "financing found elsewhere"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("relinquishedDesignation", equalTo(number));
        ProposalWithdrawn withdrawn = ProposalIntakeTest.awaitPublished(id, "ProposalWithdrawn").payloadAs(ProposalWithdrawn.class);
        assertTrue(withdrawn.relinquishment(), "the event says it is a relinquishment");
        assertEquals(number, withdrawn.designationNumber());

        long before = events(id);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(409).body("rule", equalTo("PROPOSAL_NOT_WITHDRAWABLE"));
        assertEquals(before, events(id), "the refused second withdrawal wrote no event");
    }

    @Test
    void a_designation_that_crosses_the_withdrawal_leaves_the_proposal_withdrawn_and_is_recorded_once() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String id = submitted(a);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "partner left"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        ProposalWithdrawn withdrawn = ProposalIntakeTest.awaitPublished(id, "ProposalWithdrawn").payloadAs(ProposalWithdrawn.class);
        assertEquals(false, withdrawn.relinquishment());
        long before = events(id);

        String number = gov.commerce.aiexports.events.DesignationNumber.of(2027, 1000 + (int) (Math.random() * 8000));
        publish(Topics.REVIEW, designated(id, a.uei(), number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token()).get("/proposals/" + id)
                .then().body("status", equalTo("WITHDRAWN"))
                .body("designatedAfterWithdrawal", equalTo(true))
                .body("relinquishedDesignation", equalTo(number)));
        assertEquals(before + 1, events(id), "the crossing is recorded");
        // a second delivery (another event id) records nothing more; a probe event shows it was consumed
        publish(Topics.REVIEW, designated(id, a.uei(), number));
        publish(Topics.REVIEW, new DesignationRevoked("review-" + id, id, number, "cons", a.uei(), DesignationRevoked.RELINQUISHED,
                withdrawn.proposalId(), 1, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token("GAO", "auditor"))
                .get("/proposals/" + id + "/timeline").then().body("eventType", hasItem("DesignationRevoked")));
        assertEquals(before + 1, events(id), "the second designation changed nothing");
        given().auth().oauth2(a.token()).get("/proposals/" + id).then().body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void the_relinquishment_and_its_consequences_are_on_the_timeline() throws Exception {
        SubmissionRulesTest.Applicant a = applicant();
        String id = submitted(a);
        String number = gov.commerce.aiexports.events.DesignationNumber.of(2027, 1000 + (int) (Math.random() * 8000));
        publish(Topics.REVIEW, designated(id, a.uei(), number));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token()).get("/proposals/" + id)
                .then().body("status", equalTo("DESIGNATED")));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(Map.of("reason", "merger"))
                .post("/proposals/" + id + "/withdraw").then().statusCode(200);
        publish(Topics.REVIEW, new DesignationRevoked("review-" + id, id, number, "cons", a.uei(), DesignationRevoked.RELINQUISHED,
                UUID.randomUUID().toString(), 2, Instant.now()));
        publish(Topics.INCENTIVES, new IncentiveRequestCancelled("line-1", id, number, a.uei(), null, "FEASIBILITY_STUDY",
                new BigDecimal("750000.00"), DesignationRevoked.RELINQUISHED, "merger"));
        publish(Topics.INCENTIVES, new IncentiveRequestFlaggedForDeobligation("line-2", id, number, a.uei(), "EXIM",
                "budget-FY2027-DIRECT_LOAN", new BigDecimal("20000000.00"), new BigDecimal("900000.00"),
                DesignationRevoked.RELINQUISHED, "merger"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(a.token())
                .get("/proposals/" + id + "/timeline").then()
                .body("summary", hasItem("Withdrawn, relinquishing designation " + number + ": merger"))
                .body("summary", hasItem("Designation " + number + " revoked (RELINQUISHED)"))
                .body("summary", hasItem("Incentive request cancelled: FEASIBILITY_STUDY 750000.00 USD (RELINQUISHED)"))
                .body("summary", hasItem("EXIM line flagged for de-obligation: 20000000.00 USD undisbursed (RELINQUISHED)")));
    }
}
