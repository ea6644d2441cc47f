package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A line under oversight, given its past events: suspension and the required milestone (Axon's fixture). */
class IncentiveRequestOversightTest {

    private static final String ID = "line-1";
    private AggregateTestFixture<IncentiveRequest> fixture;

    private static final IncentiveRequestEvent.Opened OPENED = new IncentiveRequestEvent.Opened(ID, "p-1", "PAEP-2027-0001", 1,
            "c-1", "ACME00000001", Instrument.FEASIBILITY_STUDY, new BigDecimal("1000.00"), null);
    private static final IncentiveRequestEvent.Routed ROUTED = new IncentiveRequestEvent.Routed(ID, "p-1", "PAEP-2027-0001",
            "ACME00000001", Instrument.FEASIBILITY_STUDY, new BigDecimal("1000.00"), FinancingAgency.USTDA, "grant", null);
    private static final IncentiveRequestEvent.Approved APPROVED = new IncentiveRequestEvent.Approved(ID, "p-1", "PAEP-2027-0001",
            "ACME00000001", FinancingAgency.USTDA, Instrument.FEASIBILITY_STUDY, 2027, "budget-FY2027-FEASIBILITY_STUDY",
            new BigDecimal("1000.00"), null, new BigDecimal("1000.00"));
    private static final IncentiveRequestEvent.Suspended SUSPENDED = new IncentiveRequestEvent.Suspended(ID, "PAEP-2027-0001",
            "audit missed", LocalDate.parse("2027-03-01"), "ev-1");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncentiveRequest.class);
    }

    @Test
    void a_suspended_line_is_neither_approved_nor_disbursed() {
        fixture.given(OPENED, ROUTED, SUSPENDED)
                .when(new IncentiveRequestCommand.ApproveIncentiveRequest(ID, "USTDA", 2027))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, ROUTED, APPROVED, SUSPENDED)
                .when(new IncentiveRequestCommand.RecordDisbursement(ID, "USTDA", new BigDecimal("10.00"), "w-1"))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, ROUTED, SUSPENDED)
                .when(new IncentiveRequestCommand.ApplyDesignationSuspension(ID, true, "again", LocalDate.parse("2027-03-02"), "ev-2"))
                .expectNoEvents();
    }

    @Test
    void a_required_milestone_gates_disbursements_until_accepted() {
        fixture.given(OPENED, ROUTED)
                .when(new IncentiveRequestCommand.ApproveIncentiveRequest(ID, "USTDA", 2027, "M1"))
                .expectEvents(APPROVED, new IncentiveRequestEvent.MilestoneRequired(ID, "M1"));
        fixture.given(OPENED, ROUTED, APPROVED, new IncentiveRequestEvent.MilestoneRequired(ID, "M1"),
                        new IncentiveRequestEvent.MilestoneAccepted(ID, "M2", "ev-3"))
                .when(new IncentiveRequestCommand.RecordDisbursement(ID, "USTDA", new BigDecimal("10.00"), "w-1"))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(OPENED, ROUTED, APPROVED, new IncentiveRequestEvent.MilestoneRequired(ID, "M1"),
                        new IncentiveRequestEvent.MilestoneAccepted(ID, "M1", "ev-4"))
                .when(new IncentiveRequestCommand.RecordDisbursement(ID, "USTDA", new BigDecimal("10.00"), "w-1"))
                .expectEvents(new IncentiveRequestEvent.Disbursed(ID, "p-1", "PAEP-2027-0001", "ACME00000001", FinancingAgency.USTDA,
                        new BigDecimal("10.00"), "w-1", new BigDecimal("10.00"), new BigDecimal("990.00")));
    }
}
