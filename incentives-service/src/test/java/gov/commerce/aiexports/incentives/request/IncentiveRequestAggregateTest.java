package gov.commerce.aiexports.incentives.request;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ApplyDesignationRevocation;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ApproveIncentiveRequest;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.DeclineIncentiveRequest;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.DeobligateIncentiveRequest;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ObligationToRecord;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.OpenIncentiveRequest;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.RecordApprovalRefusal;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.RecordBoardApproval;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.RecordDisbursement;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.RouteIncentiveRequest;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One incentive line, given/when/then on the aggregate alone: AWAITING_ROUTING → ROUTED →
 * (BOARD_APPROVED) → OBLIGATED → CLOSED or DEOBLIGATED, or DECLINED; a revocation cancels a line
 * not yet obligated, flags an obligated one, and leaves a tombstone for a line never opened.
 */
@ExtendWith(QuietRefusals.class)
class IncentiveRequestAggregateTest {

    private static final String ID = "line-1";
    private static final String PROPOSAL = "proposal-1";
    private static final String DESIGNATION = "AIEP-D-2027-001";
    private static final String ORG = "ACME00000001";
    private static final String BUDGET = "budget-FY2027-DIRECT_LOAN";
    private static final BigDecimal MILLION = new BigDecimal("1000000.00");
    private static final BigDecimal BIG = new BigDecimal("20000000.00");
    private static final BigDecimal RATE = new BigDecimal("5.00");
    private static final BigDecimal COST = new BigDecimal("50000.00");

    private FixtureConfiguration<IncentiveRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IncentiveRequest.class);
    }

    private static IncentiveRequestEvent.Opened opened(Instrument instrument, BigDecimal amount) {
        return new IncentiveRequestEvent.Opened(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, instrument, amount, 10);
    }

    private static IncentiveRequestEvent.Opened loan() {
        return opened(Instrument.DIRECT_LOAN, MILLION);
    }

    private static IncentiveRequestEvent.Routed routed(Instrument instrument, BigDecimal amount, FinancingAgency agency,
            BigDecimal rate) {
        return new IncentiveRequestEvent.Routed(ID, PROPOSAL, DESIGNATION, ORG, instrument, amount, agency, "terms", rate);
    }

    private static IncentiveRequestEvent.Routed loanToDfc() {
        return routed(Instrument.DIRECT_LOAN, MILLION, FinancingAgency.DFC, RATE);
    }

    private static IncentiveRequestEvent.Approved approved() {
        return new IncentiveRequestEvent.Approved(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, Instrument.DIRECT_LOAN, 2027,
                BUDGET, MILLION, RATE, COST);
    }

    private static IncentiveRequestEvent.Disbursed disbursed(String amount, String total, String undisbursed) {
        return new IncentiveRequestEvent.Disbursed(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, new BigDecimal(amount), "wire",
                new BigDecimal(total), new BigDecimal(undisbursed));
    }

    private static IncentiveRequestEvent.BoardApproved boardApproved(BigDecimal amount) {
        return new IncentiveRequestEvent.BoardApproved(ID, PROPOSAL, DESIGNATION, ORG, amount,
                IncentiveRequestPolicies.EXIM_BOARD_THRESHOLD_USD, "board-7", "approved");
    }

    private static IncentiveRequestEvent.Cancelled cancelled(FinancingAgency agency) {
        return new IncentiveRequestEvent.Cancelled(ID, PROPOSAL, DESIGNATION, ORG, agency, Instrument.DIRECT_LOAN, MILLION, "RELINQUISHED",
                "e-revoked", "withdrawn");
    }

    private static IncentiveRequestEvent.FlaggedForDeobligation flagged(String undisbursed, String cost) {
        return new IncentiveRequestEvent.FlaggedForDeobligation(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, BUDGET,
                new BigDecimal(undisbursed), new BigDecimal(cost), "RELINQUISHED", "e-revoked", "withdrawn");
    }

    private static ApplyDesignationRevocation revocation() {
        return new ApplyDesignationRevocation(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, "RELINQUISHED", "e-revoked", "withdrawn");
    }

    private static RouteIncentiveRequest routeLoanToDfc() {
        return new RouteIncentiveRequest(ID, FinancingAgency.DFC, "terms", RATE);
    }

    // --- opening

    @Test
    void a_designated_line_opens_awaiting_routing_once() {
        OpenIncentiveRequest open = new OpenIncentiveRequest(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, Instrument.DIRECT_LOAN,
                MILLION, 10);
        fixture.givenNoPriorActivity().when(open).expectEvents(loan());
        fixture.given(loan()).when(open).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_line_cancelled_before_it_was_opened_never_opens() {
        fixture.given(new IncentiveRequestEvent.CancelledUnopened(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, "RELINQUISHED",
                        "e-revoked", "withdrawn"))
                .when(new OpenIncentiveRequest(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, Instrument.DIRECT_LOAN, MILLION, 10))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    // --- routing

    @Test
    void edag_routes_a_credit_line_with_its_subsidy_rate_and_may_route_it_again() {
        fixture.given(loan()).when(routeLoanToDfc()).expectEvents(loanToDfc());
        fixture.given(loan(), routed(Instrument.DIRECT_LOAN, MILLION, FinancingAgency.EXIM, RATE)).when(routeLoanToDfc())
                .expectEvents(loanToDfc());
    }

    @Test
    void a_non_credit_line_is_routed_without_a_rate() {
        BigDecimal amount = new BigDecimal("250000.00");
        fixture.given(opened(Instrument.FEASIBILITY_STUDY, amount))
                .when(new RouteIncentiveRequest(ID, FinancingAgency.USTDA, "terms", null))
                .expectEvents(routed(Instrument.FEASIBILITY_STUDY, amount, FinancingAgency.USTDA, null));
    }

    @Test
    void routing_input_is_checked() {
        fixture.given(loan()).when(new RouteIncentiveRequest(ID, null, "terms", RATE))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/agency")).expectNoEvents();
        fixture.given(loan()).when(new RouteIncentiveRequest(ID, FinancingAgency.DFC, "terms", null))
                .expectException(refused(InvalidInput.class, "CREDIT_SUBSIDY_RATE_REQUIRED", "/creditSubsidyRatePercent")).expectNoEvents();
        fixture.given(loan()).when(new RouteIncentiveRequest(ID, FinancingAgency.DFC, "terms", new BigDecimal("100.5")))
                .expectException(refused(InvalidInput.class, "CREDIT_SUBSIDY_RATE_INVALID", "/creditSubsidyRatePercent")).expectNoEvents();
        fixture.given(loan()).when(new RouteIncentiveRequest(ID, FinancingAgency.DFC, "terms", new BigDecimal("1.23456")))
                .expectException(refused(InvalidInput.class, "CREDIT_SUBSIDY_RATE_INVALID", "/creditSubsidyRatePercent")).expectNoEvents();
        fixture.given(opened(Instrument.EQUITY_INVESTMENT, MILLION)).when(new RouteIncentiveRequest(ID, FinancingAgency.DFC, "t", RATE))
                .expectException(refused(InvalidInput.class, "CREDIT_SUBSIDY_RATE_NOT_APPLICABLE", "/creditSubsidyRatePercent"))
                .expectNoEvents();
    }

    @Test
    void a_line_goes_only_to_an_agency_that_finances_its_instrument() {
        fixture.given(loan()).when(new RouteIncentiveRequest(ID, FinancingAgency.USTDA, "terms", RATE))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_VALID_FOR_INSTRUMENT", "/agency")).expectNoEvents();
    }

    @Test
    void a_decided_line_is_not_routed_again() {
        fixture.given(loan(), loanToDfc(), approved()).when(routeLoanToDfc())
                .expectException(refused(StateConflict.class, "LINE_NOT_ROUTABLE")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), new IncentiveRequestEvent.Declined(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, "no"))
                .when(routeLoanToDfc()).expectException(refused(StateConflict.class, "LINE_NOT_ROUTABLE")).expectNoEvents();
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE),
                        boardApproved(BIG))
                .when(new RouteIncentiveRequest(ID, FinancingAgency.EXIM, "terms", RATE))
                .expectException(refused(StateConflict.class, "LINE_NOT_ROUTABLE")).expectNoEvents();
    }

    // --- the EXIM board

    @Test
    void the_exim_board_approves_an_exim_line() {
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE))
                .when(new RecordBoardApproval(ID, "EXIM", "board-7", "approved")).expectEvents(boardApproved(BIG));
    }

    @Test
    void the_board_approves_only_exim_lines_by_exim_once_routed() {
        fixture.given(loan(), loanToDfc()).when(new RecordBoardApproval(ID, "DFC", "b", "n"))
                .expectException(refused(RuleViolation.class, "BOARD_APPROVAL_NOT_APPLICABLE", "/agency")).expectNoEvents();
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE))
                .when(new RecordBoardApproval(ID, "DFC", "b", "n"))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_ROUTED", "/agency")).expectNoEvents();
        fixture.given(loan()).when(new RecordBoardApproval(ID, "EXIM", "b", "n"))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE),
                        boardApproved(BIG)).when(new RecordBoardApproval(ID, "EXIM", "b", "n"))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
    }

    // --- approval

    @Test
    void the_routed_agency_approves_and_the_answer_is_what_the_budget_obligates() {
        fixture.given(loan(), loanToDfc()).when(new ApproveIncentiveRequest(ID, "DFC", 2027)).expectEvents(approved())
                .expectResultMessagePayload(new ObligationToRecord(BUDGET, Instrument.DIRECT_LOAN, ID, PROPOSAL, DESIGNATION, "DFC", MILLION,
                        RATE, COST));
    }

    @Test
    void a_large_exim_line_is_approved_after_its_board() {
        BigDecimal cost = new BigDecimal("1000000.00");
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE),
                        boardApproved(BIG))
                .when(new ApproveIncentiveRequest(ID, "EXIM", 2027))
                .expectEvents(new IncentiveRequestEvent.Approved(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.EXIM, Instrument.DIRECT_LOAN,
                        2027, BUDGET, BIG, RATE, cost));
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE))
                .when(new ApproveIncentiveRequest(ID, "EXIM", 2027))
                .expectException(refused(RuleViolation.class, "BOARD_APPROVAL_REQUIRED", "/boardApproval")).expectNoEvents();
    }

    @Test
    void only_the_routed_agency_approves_or_declines() {
        fixture.given(loan(), loanToDfc()).when(new ApproveIncentiveRequest(ID, "EXIM", 2027))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_ROUTED", "/agency")).expectNoEvents();
        fixture.given(loan(), loanToDfc()).when(new DeclineIncentiveRequest(ID, "USTDA", "no"))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_ROUTED", "/agency")).expectNoEvents();
    }

    @Test
    void a_line_not_routed_or_already_decided_is_not_approved_or_declined() {
        fixture.given(loan()).when(new ApproveIncentiveRequest(ID, "DFC", 2027))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved()).when(new ApproveIncentiveRequest(ID, "DFC", 2027))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
        fixture.given(loan()).when(new DeclineIncentiveRequest(ID, "DFC", "no"))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved()).when(new DeclineIncentiveRequest(ID, "DFC", "no"))
                .expectException(refused(StateConflict.class, "LINE_NOT_DECIDABLE")).expectNoEvents();
    }

    @Test
    void the_routed_agency_declines() {
        fixture.given(loan(), loanToDfc()).when(new DeclineIncentiveRequest(ID, "DFC", "too risky"))
                .expectEvents(new IncentiveRequestEvent.Declined(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, "too risky"));
    }

    @Test
    void a_refused_approval_leaves_its_own_record() {
        fixture.given(loan(), loanToDfc())
                .when(new RecordApprovalRefusal(ID, 2027, BUDGET, "INSUFFICIENT_BUDGET_AUTHORITY", COST, new BigDecimal("10.00")))
                .expectEvents(new IncentiveRequestEvent.ApprovalRefused(ID, 2027, BUDGET, "INSUFFICIENT_BUDGET_AUTHORITY", COST,
                        new BigDecimal("10.00")));
    }

    // --- disbursement and de-obligation

    @Test
    void disbursements_stay_within_the_obligation_and_the_last_one_closes_the_line() {
        fixture.given(loan(), loanToDfc(), approved()).when(new RecordDisbursement(ID, "DFC", new BigDecimal("300000.00"), "wire"))
                .expectEvents(disbursed("300000.00", "300000.00", "700000.00"));
        fixture.given(loan(), loanToDfc(), approved(), disbursed("300000.00", "300000.00", "700000.00"))
                .when(new RecordDisbursement(ID, "DFC", new BigDecimal("700000.01"), "wire"))
                .expectException(refused(RuleViolation.class, "DISBURSEMENT_EXCEEDS_OBLIGATION", "/amountUsd")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved(), disbursed("300000.00", "300000.00", "700000.00"),
                        disbursed("700000.00", "1000000.00", "0.00"))
                .when(new RecordDisbursement(ID, "DFC", new BigDecimal("1.00"), "wire"))
                .expectException(refused(StateConflict.class, "LINE_NOT_OBLIGATED")).expectNoEvents();
    }

    @Test
    void only_an_obligated_line_is_disbursed_by_its_agency() {
        fixture.given(loan(), loanToDfc()).when(new RecordDisbursement(ID, "DFC", new BigDecimal("1.00"), "wire"))
                .expectException(refused(StateConflict.class, "LINE_NOT_OBLIGATED")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved()).when(new RecordDisbursement(ID, "EXIM", new BigDecimal("1.00"), "wire"))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_ROUTED", "/agency")).expectNoEvents();
    }

    @Test
    void a_partial_deobligation_returns_its_cost_rounded_down() {
        BigDecimal part = new BigDecimal("400000.00");
        BigDecimal returned = new BigDecimal("20000.00");
        fixture.given(loan(), loanToDfc(), approved()).when(new DeobligateIncentiveRequest(ID, "DFC", part, "smaller plant"))
                .expectEvents(new IncentiveRequestEvent.Deobligated(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, BUDGET, part,
                        returned, "smaller plant", new BigDecimal("600000.00"), new BigDecimal("30000.00")))
                .expectResultMessagePayload(new ObligationToRecord(BUDGET, Instrument.DIRECT_LOAN, ID, PROPOSAL, DESIGNATION, "DFC", part,
                        RATE, returned));
    }

    @Test
    void a_whole_deobligation_returns_all_the_cost_and_ends_the_line() {
        IncentiveRequestEvent.Deobligated all = new IncentiveRequestEvent.Deobligated(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC,
                BUDGET, MILLION, COST, "cancelled", new BigDecimal("0.00"), new BigDecimal("0.00"));
        fixture.given(loan(), loanToDfc(), approved()).when(new DeobligateIncentiveRequest(ID, "DFC", MILLION, "cancelled"))
                .expectEvents(all);
        fixture.given(loan(), loanToDfc(), approved(), all).when(new DeobligateIncentiveRequest(ID, "DFC", new BigDecimal("1.00"), "x"))
                .expectException(refused(StateConflict.class, "LINE_NOT_OBLIGATED")).expectNoEvents();
    }

    @Test
    void only_the_undisbursed_part_is_deobligated_of_an_obligated_line_by_its_agency() {
        fixture.given(loan(), loanToDfc(), approved(), disbursed("700000.00", "700000.00", "300000.00"))
                .when(new DeobligateIncentiveRequest(ID, "DFC", new BigDecimal("300000.01"), "x"))
                .expectException(refused(RuleViolation.class, "DEOBLIGATION_EXCEEDS_OBLIGATION", "/amountUsd")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved()).when(new DeobligateIncentiveRequest(ID, "EXIM", new BigDecimal("1.00"), "x"))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_ROUTED", "/agency")).expectNoEvents();
        fixture.given(loan(), loanToDfc()).when(new DeobligateIncentiveRequest(ID, "DFC", new BigDecimal("1.00"), "x"))
                .expectException(refused(StateConflict.class, "LINE_NOT_OBLIGATED")).expectNoEvents();
    }

    // --- revocation of the designation

    @Test
    void a_revocation_cancels_a_line_not_yet_obligated() {
        fixture.given(loan()).when(revocation()).expectEvents(cancelled(null));
        fixture.given(loan(), loanToDfc()).when(revocation()).expectEvents(cancelled(FinancingAgency.DFC));
        fixture.given(opened(Instrument.DIRECT_LOAN, BIG), routed(Instrument.DIRECT_LOAN, BIG, FinancingAgency.EXIM, RATE),
                        boardApproved(BIG)).when(revocation())
                .expectEvents(new IncentiveRequestEvent.Cancelled(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.EXIM, Instrument.DIRECT_LOAN,
                        BIG, "RELINQUISHED", "e-revoked", "withdrawn"));
    }

    @Test
    void a_revocation_reaching_a_line_never_opened_leaves_a_tombstone() {
        fixture.givenNoPriorActivity().when(revocation())
                .expectEvents(new IncentiveRequestEvent.CancelledUnopened(ID, PROPOSAL, DESIGNATION, 1, "consortium-1", ORG, "RELINQUISHED",
                        "e-revoked", "withdrawn"));
    }

    @Test
    void a_revocation_flags_an_obligated_line_for_what_is_undisbursed_once() {
        fixture.given(loan(), loanToDfc(), approved()).when(revocation()).expectEvents(flagged("1000000.00", "50000.00"));
        fixture.given(loan(), loanToDfc(), approved(), disbursed("300000.00", "300000.00", "700000.00")).when(revocation())
                .expectEvents(flagged("700000.00", "35000.00"));
        fixture.given(loan(), loanToDfc(), approved(), flagged("1000000.00", "50000.00")).when(revocation()).expectNoEvents();
    }

    @Test
    void a_revocation_of_a_declined_closed_or_cancelled_line_changes_nothing() {
        fixture.given(loan(), loanToDfc(), new IncentiveRequestEvent.Declined(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, "no"))
                .when(revocation()).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved(), disbursed("1000000.00", "1000000.00", "0.00")).when(revocation()).expectNoEvents();
        fixture.given(loan(), cancelled(null)).when(revocation()).expectNoEvents();
    }

    @Test
    void a_cancelled_line_takes_no_routing_board_approval_approval_decline_or_disbursement() {
        Object[] given = {loan(), loanToDfc(), cancelled(FinancingAgency.DFC)};
        fixture.given(given).when(routeLoanToDfc())
                .expectException(refused(StateConflict.class, "LINE_CANCELLED")).expectNoEvents();
        fixture.given(given).when(new RecordBoardApproval(ID, "EXIM", "b", "n"))
                .expectException(refused(StateConflict.class, "LINE_CANCELLED")).expectNoEvents();
        fixture.given(given).when(new ApproveIncentiveRequest(ID, "DFC", 2027))
                .expectException(refused(StateConflict.class, "LINE_CANCELLED")).expectNoEvents();
        fixture.given(given).when(new DeclineIncentiveRequest(ID, "DFC", "no"))
                .expectException(refused(StateConflict.class, "LINE_CANCELLED")).expectNoEvents();
        fixture.given(given).when(new RecordDisbursement(ID, "DFC", new BigDecimal("1.00"), "wire"))
                .expectException(refused(StateConflict.class, "LINE_CANCELLED")).expectNoEvents();
        fixture.given(given).when(new DeobligateIncentiveRequest(ID, "DFC", new BigDecimal("1.00"), "x"))
                .expectException(refused(StateConflict.class, "LINE_NOT_OBLIGATED")).expectNoEvents();
    }

    @Test
    void a_flagged_line_takes_no_disbursement_but_is_deobligated() {
        fixture.given(loan(), loanToDfc(), approved(), flagged("1000000.00", "50000.00"))
                .when(new RecordDisbursement(ID, "DFC", new BigDecimal("1.00"), "wire"))
                .expectException(refused(StateConflict.class, "LINE_FLAGGED_FOR_DEOBLIGATION")).expectNoEvents();
        fixture.given(loan(), loanToDfc(), approved(), flagged("1000000.00", "50000.00"))
                .when(new DeobligateIncentiveRequest(ID, "DFC", MILLION, "revoked"))
                .expectEvents(new IncentiveRequestEvent.Deobligated(ID, PROPOSAL, DESIGNATION, ORG, FinancingAgency.DFC, BUDGET, MILLION, COST,
                        "revoked", new BigDecimal("0.00"), new BigDecimal("0.00")));
    }
}
