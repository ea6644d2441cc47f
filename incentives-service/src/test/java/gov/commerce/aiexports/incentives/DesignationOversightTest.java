package gov.commerce.aiexports.incentives;

import static gov.commerce.aiexports.incentives.DesignationRevocationTest.lineView;
import static gov.commerce.aiexports.incentives.Fixtures.edag;
import static gov.commerce.aiexports.incentives.Fixtures.eventTypes;
import static gov.commerce.aiexports.incentives.Fixtures.officer;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.budget;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.line;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.post;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.routing;
import static gov.commerce.aiexports.incentives.IncentiveAllocationTest.uei;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.testsupport.ServiceTestResource;
import gov.commerce.aiexports.testsupport.ServiceTestResource.TestInfrastructure;
import gov.commerce.aiexports.testsupport.TestBus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Commerce's oversight does to the lines: a suspended designation takes no approval or
 * disbursement (DESIGNATION_SUSPENDED) until reinstated; a line approved with a required milestone
 * takes no disbursement until Commerce accepted it (MILESTONE_NOT_ACCEPTED); Commerce's revocation
 * cancels and flags as a relinquishment does.
 */
@QuarkusTest
@QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name = "database", value = "incentives"))
class DesignationOversightTest {

    @jakarta.inject.Inject
    IncentivesClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @BeforeAll
    static void exactMoney() {
        Fixtures.init();
    }

    static void publish(String proposalId, IntegrationPayload payload) throws Exception {
        var contract = EventCatalog.contractOf(payload.getClass());
        IntegrationEvent event = new IntegrationEvent(UUID.randomUUID(), contract.type(), contract.version(), "Review",
                UUID.randomUUID().toString(), 9, Instant.now(), "review-service", "corr-" + proposalId, null,
                new Actor("commerce-1", "COMMERCE", List.of("commerce-officer")), EventCodec.mapper().valueToTree(payload));
        TestBus.publish(TestInfrastructure.get().kafka().bootstrapServers(), Topics.REVIEW, proposalId, event);
    }

    @Test
    void suspension_blocks_approvals_and_disbursements_until_reinstatement_and_milestones_gate_disbursements() throws Exception {
        clock.inFiscalYear(2071);
        budget(2071, Instrument.FEASIBILITY_STUDY, "1000000.00");
        String applicant = uei();
        String proposal = UUID.randomUUID().toString();
        String number = Fixtures.designate(proposal, Fixtures.nextDesignationNumber(), applicant,
                List.of(line(Instrument.FEASIBILITY_STUDY, "100000.00"), line(Instrument.FEASIBILITY_STUDY, "50000.00")));
        List<String> ids = Fixtures.awaitLines(number, 2);
        String first = ids.get(0);
        String second = ids.get(1);
        for (String id : ids) {
            post(edag(), "/incentive-requests/" + id + "/routing", routing("USTDA", null)).statusCode(200);
        }
        post(officer("USTDA"), "/incentive-requests/" + first + "/approval", Map.of("fiscalYear", 2071, "requiredMilestoneId", "X1"))
                .statusCode(400).body("rule", equalTo("MILESTONE_ID_INVALID")).body("field", equalTo("/requiredMilestoneId"));
        post(officer("USTDA"), "/incentive-requests/" + first + "/approval", Map.of("fiscalYear", 2071, "requiredMilestoneId", "M1"))
                .statusCode(200).body("status", equalTo("OBLIGATED")).body("oversight.requiredMilestoneId", equalTo("M1"));

        // without the accepted milestone: refused, nothing written
        List<String> before = eventTypes(first);
        post(officer("USTDA"), "/incentive-requests/" + first + "/disbursements", Map.of("amountUsd", 1000.00, "reference", "W-1"))
                .statusCode(409).body("rule", equalTo("MILESTONE_NOT_ACCEPTED"));
        assertEquals(before, eventTypes(first));

        // suspended: neither the second line's approval nor a disbursement
        publish(proposal, new DesignationSuspended("r", proposal, number, "cons", applicant, "audit missed",
                LocalDate.now().minusDays(3), 2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lineView(second)
                .body("oversight.suspension.reason", equalTo("audit missed")));
        lineView(first).body("oversight.suspension.effectiveDate", equalTo(LocalDate.now().minusDays(3).toString()));
        List<String> secondBefore = eventTypes(second);
        post(officer("USTDA"), "/incentive-requests/" + second + "/approval", Map.of("fiscalYear", 2071)).statusCode(409)
                .body("rule", equalTo("DESIGNATION_SUSPENDED"));
        assertEquals(secondBefore, eventTypes(second), "a refused approval writes nothing");
        io.restassured.RestAssured.given().auth().oauth2(officer("USTDA")).get("/budgets/budget-FY2071-FEASIBILITY_STUDY").then()
                .body("obligatedUsd", IncentiveAllocationTest.usd("100000.00"));

        // the milestone accepted while suspended: recorded, but the suspension still refuses the disbursement
        publish(proposal, new ObligationAccepted(proposal, number, applicant, "MILESTONE", "M1", 1, "ev-1", null, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lineView(first)
                .body("oversight.acceptedMilestones", contains("M1")));
        post(officer("USTDA"), "/incentive-requests/" + first + "/disbursements", Map.of("amountUsd", 1000.00, "reference", "W-1"))
                .statusCode(409).body("rule", equalTo("DESIGNATION_SUSPENDED"));

        publish(proposal, new DesignationReinstated("r", proposal, number, "cons", applicant, "audit delivered", LocalDate.now(), 2,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> lineView(first).body("oversight.suspension", nullValue()));
        post(officer("USTDA"), "/incentive-requests/" + first + "/disbursements", Map.of("amountUsd", 1000.00, "reference", "W-1"))
                .statusCode(200).body("disbursements[0].reference", equalTo("W-1"));

        // Commerce revokes: the open line is cancelled, the obligated one flagged, as for a relinquishment
        publish(proposal, new DesignationRevoked("r", proposal, number, "cons", applicant, DesignationRevoked.REVOKED_BY_COMMERCE,
                null, 2, Instant.now(), LocalDate.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            lineView(second).body("status", equalTo("CANCELLED")).body("cancellation.cause", equalTo("REVOKED_BY_COMMERCE"));
            lineView(first).body("deobligationFlag.cause", equalTo("REVOKED_BY_COMMERCE"))
                    .body("deobligationFlag.undisbursedUsd", IncentiveAllocationTest.usd("99000.00"));
        });
        post(officer("USTDA"), "/incentive-requests/" + first + "/disbursements", Map.of("amountUsd", 1000.00, "reference", "W-2"))
                .statusCode(409).body("rule", equalTo("LINE_FLAGGED_FOR_DEOBLIGATION"));
        // every step is on the line's own history
        List<String> history = eventTypes(first);
        assertEquals(List.of("IncentiveRequestEvent$Opened", "IncentiveRequestEvent$Routed", "IncentiveRequestEvent$Approved",
                "IncentiveRequestEvent$MilestoneRequired", "IncentiveRequestEvent$Suspended", "IncentiveRequestEvent$MilestoneAccepted",
                "IncentiveRequestEvent$Reinstated", "IncentiveRequestEvent$Disbursed", "IncentiveRequestEvent$FlaggedForDeobligation"),
                history);
    }
}
