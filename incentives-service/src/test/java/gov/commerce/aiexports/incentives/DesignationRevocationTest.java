package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.Fixtures.auditor;
import static gov.commerce.aiexports.incentives.Fixtures.designate;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static gov.commerce.aiexports.incentives.Fixtures.token;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.awaitPublished;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.budget;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.line;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.post;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.routedProposal;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.routing;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.uei;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.usd;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A designation revoked (relinquished): open lines are cancelled and take no routing or
 * approval, obligated lines are flagged for de-obligation (on the line and in the budget) and take
 * no disbursement, and the two orders of approval and revocation end the same way.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class DesignationRevocationTest {

    @jakarta.inject.Inject
    IncentivesClock clock;

    @org.junit.jupiter.api.AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    static void revoke(String proposalId, String number, int lines) throws Exception {
        DesignationRevoked payload = new DesignationRevoked(UUID.randomUUID().toString(), proposalId, number, "cons", "APPL",
                DesignationRevoked.RELINQUISHED, UUID.randomUUID().toString(), lines, Instant.now());
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), "DesignationRevoked", 2, "Review", payload.reviewId(), 9,
                Instant.now(), "review-service", "corr-" + number, null, Actor.system("review-service"),
                EventCodec.mapper().valueToTree(payload));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, proposalId, event);
    }

    static io.restassured.response.ValidatableResponse lineView(String id) throws Exception {
        return given().auth().oauth2(auditor()).get("/incentive-requests/" + id).then().statusCode(200);
    }

    @Test
    void open_lines_are_cancelled_obligated_ones_flagged_and_both_refuse_what_follows() throws Exception {
        clock.inFiscalYear(2046);
        budget(2046, Instrument.DIRECT_LOAN, "1000000.00");
        String applicant = uei();
        String designation = designate(applicant, List.of(line(Instrument.DIRECT_LOAN, "1000000.00"),
                line(Instrument.FEASIBILITY_STUDY, "50000.00"), line(Instrument.TECHNICAL_ASSISTANCE, "5000.00"),
                line(Instrument.FEASIBILITY_STUDY, "10000.00")));
        List<String> ids = Fixtures.awaitLines(designation, 4);
        String loan = ids.get(0);
        String study = ids.get(1);
        String assistance = ids.get(2);
        String declined = ids.get(3);
        post(edag(), "/incentive-requests/" + loan + "/routing", routing("DFC", "5")).statusCode(200);
        post(officer("DFC"), "/incentive-requests/" + loan + "/approval", Map.of("fiscalYear", 2046)).statusCode(200)
                .body("obligation.budgetCostUsd", usd("50000.00"));
        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 100000.00, "reference", "W-1"))
                .statusCode(200);
        post(edag(), "/incentive-requests/" + study + "/routing", routing("USTDA", null)).statusCode(200);
        post(edag(), "/incentive-requests/" + declined + "/routing", routing("USTDA", null)).statusCode(200);
        post(officer("USTDA"), "/incentive-requests/" + declined + "/decline", Map.of("reason", "covered elsewhere")).statusCode(200);
        List<String> declinedBefore = eventTypes(declined);

        String proposal = routedProposal(loan);
        revoke(proposal, designation, 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lineView(study).body("status", equalTo("CANCELLED")).body("cancellation.cause", equalTo("RELINQUISHED"))
                    // DesignationRevoked v2 carries no applicant's words: the line says the designation and the cause
                    .body("cancellation.reason", equalTo("designation " + designation + " revoked (RELINQUISHED)"));
            lineView(assistance).body("status", equalTo("CANCELLED"));
            lineView(loan).body("status", equalTo("OBLIGATED")).body("deobligationFlag.cause", equalTo("RELINQUISHED"))
                    .body("deobligationFlag.undisbursedUsd", usd("900000.00"))
                    .body("deobligationFlag.budgetCostUsd", usd("45000.00"));
        });
        lineView(declined).body("status", equalTo("DECLINED")).body("cancellation", nullValue());
        assertEquals(declinedBefore, eventTypes(declined), "a declined line is left as it was");
        // the financing agency sees the flag in its queue and in the budget
        given().auth().oauth2(officer("DFC")).queryParam("designation", designation).get("/incentive-requests").then()
                .body("find { it.id == '" + loan + "' }.deobligationFlag.undisbursedUsd", usd("900000.00"));
        given().auth().oauth2(officer("DFC")).get("/budgets/budget-FY2046-DIRECT_LOAN").then().statusCode(200)
                .body("flaggedForDeobligationUsd", usd("45000.00"))
                .body("obligations[0].flaggedForDeobligation", equalTo(true))
                .body("obligations[0].flagCause", equalTo("RELINQUISHED"));

        List<String> studyBefore = eventTypes(study);
        List<String> assistanceBefore = eventTypes(assistance);
        List<String> loanBefore = eventTypes(loan);
        post(officer("USTDA"), "/incentive-requests/" + study + "/approval", Map.of("fiscalYear", 2046)).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        post(officer("USTDA"), "/incentive-requests/" + study + "/decline", Map.of("reason", "x")).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        post(edag(), "/incentive-requests/" + assistance + "/routing", routing("USTDA", null)).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        post(officer("DFC"), "/incentive-requests/" + loan + "/disbursements", Map.of("amountUsd", 1.00, "reference", "W-2"))
                .statusCode(409).body("rule", equalTo("LINE_FLAGGED_FOR_DEOBLIGATION"));
        assertEquals(studyBefore, eventTypes(study), "refusals write nothing");
        assertEquals(assistanceBefore, eventTypes(assistance), "refusals write nothing");
        assertEquals(loanBefore, eventTypes(loan), "refusals write nothing");

        // a redelivered or repeated revocation changes nothing more
        revoke(proposal, designation, 4);
        String probe = designate(uei(), List.of(line(Instrument.TECHNICAL_ASSISTANCE, "1.00")));
        Fixtures.awaitLines(probe, 1);
        assertEquals(loanBefore, eventTypes(loan));
        assertEquals(studyBefore, eventTypes(study));

        // the agency de-obligates what was flagged; the budget's flagged amount falls to zero
        post(officer("DFC"), "/incentive-requests/" + loan + "/deobligations", Map.of("amountUsd", 900000.00, "reason",
                "designation relinquished")).statusCode(200).body("status", equalTo("CLOSED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(auditor())
                .get("/budgets/budget-FY2046-DIRECT_LOAN").then().body("flaggedForDeobligationUsd", usd("0.00"))
                .body("obligatedUsd", usd("5000.00")));

        IncentiveRequestFlaggedForDeobligation flagged = awaitPublished(proposal, "IncentiveRequestFlaggedForDeobligation")
                .payloadAs(IncentiveRequestFlaggedForDeobligation.class);
        assertEquals("DFC", flagged.agency());
        assertEquals("RELINQUISHED", flagged.cause());
        awaitPublished(proposal, "IncentiveRequestCancelled");
        // the applicant sees the flag, not the budget cost
        given().auth().oauth2(token(applicant, "applicant")).get("/incentive-requests/" + loan).then().statusCode(200)
                .body("deobligationFlag.cause", equalTo("RELINQUISHED"));
    }

    /**
     * The revocation reaches this service before the designation (the designation was
     * dead-lettered and is redelivered later): the lines are created cancelled, and the late
     * designation opens nothing and does not fail, so no live, fundable line ever appears.
     */
    @Test
    void a_revocation_before_the_designation_leaves_cancelled_lines_the_designation_cannot_reopen() throws Exception {
        clock.inFiscalYear(2048);
        budget(2048, Instrument.FEASIBILITY_STUDY, "100000.00");
        String applicant = uei();
        String proposal = UUID.randomUUID().toString();
        String designation = Fixtures.nextDesignationNumber();
        String first = Designations.lineId(designation, 1);
        String second = Designations.lineId(designation, 2);

        revoke(proposal, designation, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lineView(first).body("status", equalTo("CANCELLED")).body("cancellation.cause", equalTo("RELINQUISHED"))
                    .body("designationNumber", equalTo(designation)).body("lineNumber", equalTo(1));
            lineView(second).body("status", equalTo("CANCELLED")).body("lineNumber", equalTo(2));
        });
        List<String> firstBefore = eventTypes(first);
        assertEquals(1, firstBefore.size(), "one tombstone event: " + firstBefore);
        assertTrue(firstBefore.get(0).endsWith("CancelledUnopened"), firstBefore.toString());

        designate(proposal, designation, applicant, List.of(line(Instrument.FEASIBILITY_STUDY, "40000.00"),
                line(Instrument.TECHNICAL_ASSISTANCE, "5000.00")));
        // a later designation on the same key (so the same partition) shows the first one was handled
        String probe = designate(proposal, Fixtures.nextDesignationNumber(), applicant,
                List.of(line(Instrument.TECHNICAL_ASSISTANCE, "1.00")));
        Fixtures.awaitLines(probe, 1);

        assertEquals(firstBefore, eventTypes(first), "the late designation opens nothing");
        assertEquals(1, eventTypes(second).size());
        given().auth().oauth2(auditor()).queryParam("designation", designation).get("/incentive-requests").then()
                .statusCode(200).body("size()", equalTo(2)).body("status", everyItem(equalTo("CANCELLED")));
        given().auth().oauth2(auditor()).get("/admin/dead-letters").then().statusCode(200)
                .body("items.findAll { it.key == '" + proposal + "' }", empty());

        post(edag(), "/incentive-requests/" + first + "/routing", routing("USTDA", null)).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        post(officer("USTDA"), "/incentive-requests/" + first + "/approval", Map.of("fiscalYear", 2048)).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        assertEquals(firstBefore, eventTypes(first), "refusals write nothing");
        given().auth().oauth2(auditor()).get("/budgets/budget-FY2048-FEASIBILITY_STUDY").then()
                .body("obligatedUsd", usd("0.00")).body("availableUsd", usd("100000.00"));
    }

    @Test
    void an_approval_after_the_revocation_is_refused_and_obligates_nothing() throws Exception {
        clock.inFiscalYear(2047);
        budget(2047, Instrument.FEASIBILITY_STUDY, "100000.00");
        String designation = designate(uei(), List.of(line(Instrument.FEASIBILITY_STUDY, "40000.00")));
        String study = Fixtures.awaitLines(designation, 1).get(0);
        post(edag(), "/incentive-requests/" + study + "/routing", routing("USTDA", null)).statusCode(200);
        revoke(routedProposal(study), designation, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lineView(study).body("status", equalTo("CANCELLED")));
        post(officer("USTDA"), "/incentive-requests/" + study + "/approval", Map.of("fiscalYear", 2047)).statusCode(409)
                .body("rule", equalTo("LINE_CANCELLED"));
        given().auth().oauth2(auditor()).get("/budgets/budget-FY2047-FEASIBILITY_STUDY").then()
                .body("obligatedUsd", usd("0.00")).body("availableUsd", usd("100000.00"));
    }
}
