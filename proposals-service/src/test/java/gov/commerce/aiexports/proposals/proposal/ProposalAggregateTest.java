package gov.commerce.aiexports.proposals.proposal;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.DraftProposal;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.EditProposal;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.MarkUnderReview;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.RecordDesignation;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.RecordInformationRequest;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.RecordRejection;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.RespondToInformationRequest;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.SubmitProposal;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand.WithdrawProposal;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.HardwareLayer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Layer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Stack;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Target;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A proposal's state machine, given/when/then on the aggregate alone: DRAFT → SUBMITTED →
 * UNDER_REVIEW ⇄ INFORMATION_REQUESTED → DESIGNATED or REJECTED, WITHDRAWN from any submitted
 * state; the mirrored review outcomes change nothing once decided.
 */
@ExtendWith(QuietRefusals.class)
class ProposalAggregateTest {

    private static final String ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String TRACKING = "AIEP-2027-0F1E2D3C4B5A";
    private static final String MEMBER = "ACME00000001";
    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    private static final CountryGroups GROUPS = CountryGroups.load();
    private static final List<String> AGENCIES = List.of("COMMERCE", "STATE");

    private FixtureConfiguration<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
    }

    private static ProposalContent content(String title, String country, Boolean attestation) {
        Layer layer = new Layer("layer", List.of(MEMBER));
        return new ProposalContent(title, "summary", new Stack(new HardwareLayer("gpus", List.of(MEMBER), new BigDecimal("60"), "US"),
                layer, layer, layer, layer), List.of(new Target(country, null, null, null)), "model",
                List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 10)), attestation, List.of());
    }

    private static final ProposalContent CONTENT = content("Grid AI", "DE", true);

    private static SubmissionContext context(boolean callOpen) {
        return new SubmissionContext(callOpen, Set.of("DIRECT_LOAN"), Set.of(MEMBER), GROUPS, NOW);
    }

    private static ProposalEvent.Drafted drafted() {
        return new ProposalEvent.Drafted(ID, "call-1", "consortium-1", MEMBER, CONTENT);
    }

    private static ProposalEvent.Submitted submitted() {
        return new ProposalEvent.Submitted(ID, TRACKING, "call-1", 2027, "consortium-1", "Acme", MEMBER, CONTENT, AGENCIES, List.of(),
                GROUPS.version(), NOW);
    }

    private static ProposalEvent.UnderReview underReview() {
        return new ProposalEvent.UnderReview(ID, "review-1", "e-opened");
    }

    private static ProposalEvent.InformationRequested informationRequested() {
        return new ProposalEvent.InformationRequested(ID, "review-1", "ir-1", List.of("which grid?"), "STATE", "e-ir");
    }

    private static ProposalEvent.DesignationRecorded designated() {
        return new ProposalEvent.DesignationRecorded(ID, "AIEP-D-2027-001", "e-designated");
    }

    private static ProposalEvent.Rejected rejected() {
        return new ProposalEvent.Rejected(ID, "not in the national interest", "e-rejected");
    }

    private static ProposalEvent.Withdrawn withdrawn() {
        return new ProposalEvent.Withdrawn(ID, MEMBER, "changed plans", NOW, null);
    }

    private static SubmitProposal submit(boolean callOpen) {
        return new SubmitProposal(ID, 2027, "Acme", AGENCIES, context(callOpen));
    }

    // --- draft and edit

    @Test
    void a_draft_is_recorded() {
        fixture.givenNoPriorActivity().when(new DraftProposal(ID, "call-1", "consortium-1", MEMBER, CONTENT)).expectEvents(drafted());
    }

    @Test
    void a_draft_without_title_or_with_a_malformed_target_is_not_stored() {
        ProposalContent bad = content(" ", "ZZ", null);
        fixture.givenNoPriorActivity().when(new DraftProposal(ID, "call-1", "consortium-1", MEMBER, bad))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/title"))
                .expectException(refused(InvalidInput.class, "COUNTRY_INVALID", "/targets/0/country"))
                .expectNoEvents();
    }

    @Test
    void a_draft_is_edited() {
        ProposalContent edited = content("Grid AI 2", "FR", true);
        fixture.given(drafted()).when(new EditProposal(ID, null, edited)).expectEvents(new ProposalEvent.Edited(ID, edited));
        fixture.given(drafted()).when(new EditProposal(ID, 0L, edited)).expectEvents(new ProposalEvent.Edited(ID, edited));
    }

    @Test
    void an_edit_of_a_stale_version_is_refused() {
        fixture.given(drafted(), new ProposalEvent.Edited(ID, CONTENT)).when(new EditProposal(ID, 0L, CONTENT))
                .expectException(ConflictingAggregateVersionException.class).expectNoEvents();
    }

    @Test
    void an_edit_keeps_the_content_well_formed() {
        fixture.given(drafted()).when(new EditProposal(ID, null, content("t", "ZZ", true)))
                .expectException(refused(InvalidInput.class, "COUNTRY_INVALID", "/targets/0/country")).expectNoEvents();
    }

    @Test
    void only_a_draft_is_edited() {
        fixture.given(drafted(), submitted()).when(new EditProposal(ID, null, CONTENT))
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_DRAFT")).expectNoEvents();
        fixture.given(drafted(), withdrawn()).when(new EditProposal(ID, null, CONTENT))
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_DRAFT")).expectNoEvents();
    }

    // --- submission

    @Test
    void a_draft_passing_every_check_is_submitted_with_its_tracking_number() {
        fixture.given(drafted()).when(submit(true)).expectEvents(submitted());
    }

    @Test
    void a_submission_records_the_flags_of_the_screening() {
        ProposalContent toVietnam = content("Grid AI", "VN", true);
        fixture.given(new ProposalEvent.Drafted(ID, "call-1", "consortium-1", MEMBER, toVietnam)).when(submit(true))
                .expectEvents(new ProposalEvent.Submitted(ID, TRACKING, "call-1", 2027, "consortium-1", "Acme", MEMBER, toVietnam,
                        AGENCIES, List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country",
                                "VN is in Country Group D:1 (list " + GROUPS.version() + ")")), GROUPS.version(), NOW));
    }

    @Test
    void a_submission_outside_the_call_window_is_refused() {
        fixture.given(drafted()).when(submit(false))
                .expectException(refused(RuleViolation.class, "CALL_NOT_OPEN", "/callId")).expectNoEvents();
    }

    @Test
    void a_submission_names_every_rule_it_breaks() {
        fixture.given(new ProposalEvent.Drafted(ID, "call-1", "consortium-1", MEMBER, content("t", "IR", false))).when(submit(true))
                .expectException(refused(RuleViolation.class, "TARGET_EMBARGOED", "/targets/0/country"))
                .expectException(refused(RuleViolation.class, "ATTESTATION_REQUIRED", "/exportControlAttestation"))
                .expectNoEvents();
    }

    @Test
    void a_submitted_proposal_is_not_submitted_again() {
        fixture.given(drafted(), submitted()).when(submit(true))
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_DRAFT")).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview()).when(submit(true))
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_DRAFT")).expectNoEvents();
    }

    // --- withdrawal

    @Test
    void a_submitted_proposal_under_review_or_awaiting_information_is_withdrawn() {
        WithdrawProposal withdraw = new WithdrawProposal(ID, "changed plans", NOW);
        fixture.given(drafted(), submitted()).when(withdraw).expectEvents(withdrawn());
        fixture.given(drafted(), submitted(), underReview()).when(withdraw).expectEvents(withdrawn());
        fixture.given(drafted(), submitted(), underReview(), informationRequested()).when(withdraw).expectEvents(withdrawn());
    }

    @Test
    void withdrawing_a_designated_proposal_relinquishes_its_designation() {
        fixture.given(drafted(), submitted(), underReview(), designated()).when(new WithdrawProposal(ID, "changed plans", NOW))
                .expectEvents(new ProposalEvent.Withdrawn(ID, MEMBER, "changed plans", NOW, "AIEP-D-2027-001"));
    }

    @Test
    void a_draft_a_rejected_or_a_withdrawn_proposal_is_not_withdrawn() {
        WithdrawProposal withdraw = new WithdrawProposal(ID, "r", NOW);
        fixture.given(drafted()).when(withdraw)
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_WITHDRAWABLE")).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), rejected()).when(withdraw)
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_WITHDRAWABLE")).expectNoEvents();
        fixture.given(drafted(), submitted(), withdrawn()).when(withdraw)
                .expectException(refused(StateConflict.class, "PROPOSAL_NOT_WITHDRAWABLE")).expectNoEvents();
    }

    // --- mirrored from review-service: recorded in the states that take them, ignored in the others

    @Test
    void an_information_request_is_mirrored_while_submitted_or_under_review() {
        RecordInformationRequest request = new RecordInformationRequest(ID, "review-1", "ir-1", List.of("which grid?"), "STATE", "e-ir");
        fixture.given(drafted(), submitted()).when(request).expectEvents(informationRequested());
        fixture.given(drafted(), submitted(), underReview()).when(request).expectEvents(informationRequested());
    }

    @Test
    void an_information_request_in_any_other_state_changes_nothing() {
        RecordInformationRequest request = new RecordInformationRequest(ID, "review-1", "ir-2", List.of("q"), "STATE", "e-ir2");
        fixture.given(drafted()).when(request).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), informationRequested()).when(request).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), designated()).when(request).expectNoEvents();
        fixture.given(drafted(), submitted(), withdrawn()).when(request).expectNoEvents();
    }

    @Test
    void a_submitted_proposal_goes_under_review_once() {
        MarkUnderReview mark = new MarkUnderReview(ID, "review-1", "e-opened");
        fixture.given(drafted(), submitted()).when(mark).expectEvents(underReview());
        fixture.given(drafted(), submitted(), underReview()).when(mark).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(drafted()).when(mark).expectNoEvents();
        fixture.given(drafted(), submitted(), withdrawn()).when(mark).expectNoEvents();
    }

    @Test
    void an_undecided_proposal_is_rejected_and_a_decided_one_stays_as_it_is() {
        RecordRejection reject = new RecordRejection(ID, "not in the national interest", "e-rejected");
        fixture.given(drafted(), submitted()).when(reject).expectEvents(rejected());
        fixture.given(drafted(), submitted(), underReview()).when(reject).expectEvents(rejected());
        fixture.given(drafted(), submitted(), underReview(), informationRequested()).when(reject).expectEvents(rejected());
        fixture.given(drafted(), submitted(), underReview(), rejected()).when(reject).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), designated()).when(reject).expectNoEvents();
        fixture.given(drafted(), submitted(), withdrawn()).when(reject).expectNoEvents();
    }

    @Test
    void an_undecided_proposal_is_designated_and_a_decided_one_stays_as_it_is() {
        RecordDesignation designate = new RecordDesignation(ID, "AIEP-D-2027-001", "e-designated");
        fixture.given(drafted(), submitted(), underReview()).when(designate).expectEvents(designated());
        fixture.given(drafted(), submitted(), underReview(), designated()).when(designate).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), rejected()).when(designate).expectNoEvents();
    }

    @Test
    void a_designation_crossing_a_withdrawal_is_recorded_once_and_the_proposal_stays_withdrawn() {
        RecordDesignation designate = new RecordDesignation(ID, "AIEP-D-2027-001", "e-designated");
        ProposalEvent.DesignationAfterWithdrawal crossed = new ProposalEvent.DesignationAfterWithdrawal(ID, "AIEP-D-2027-001",
                "e-designated");
        fixture.given(drafted(), submitted(), underReview(), withdrawn()).when(designate).expectEvents(crossed);
        fixture.given(drafted(), submitted(), underReview(), withdrawn(), crossed).when(designate).expectNoEvents();
    }

    // --- the answer to an information request

    @Test
    void an_answer_without_changes_resubmits_the_same_content_even_after_the_call_closed() {
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, "ir-1", "the northern grid", null, context(false)))
                .expectEvents(new ProposalEvent.Resubmitted(ID, TRACKING, MEMBER, "ir-1", "the northern grid", CONTENT, List.of(),
                        GROUPS.version(), NOW));
    }

    @Test
    void an_answer_with_changes_resubmits_the_changed_content() {
        ProposalContent changed = content("Grid AI, north", "NO", true);
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, null, "moved north", changed, context(false)))
                .expectEvents(new ProposalEvent.Resubmitted(ID, TRACKING, MEMBER, "ir-1", "moved north", changed, List.of(),
                        GROUPS.version(), NOW));
    }

    @Test
    void an_answer_needs_a_response_and_the_open_request() {
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, "ir-1", " ", null, context(true)))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/response")).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, "ir-other", "r", null, context(true)))
                .expectException(refused(RuleViolation.class, "INFORMATION_REQUEST_UNKNOWN", "/informationRequestId"))
                .expectNoEvents();
    }

    @Test
    void changes_in_an_answer_are_checked_and_named_under_changes() {
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, "ir-1", "r", content("t", "ZZ", true), context(true)))
                .expectException(refused(InvalidInput.class, "COUNTRY_INVALID", "/changes/targets/0/country")).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), informationRequested())
                .when(new RespondToInformationRequest(ID, "ir-1", "r", content("t", "CU", true), context(true)))
                .expectException(refused(RuleViolation.class, "TARGET_EMBARGOED", "/changes/targets/0/country")).expectNoEvents();
    }

    @Test
    void without_an_open_information_request_there_is_nothing_to_answer() {
        RespondToInformationRequest answer = new RespondToInformationRequest(ID, "ir-1", "r", null, context(true));
        fixture.given(drafted(), submitted(), underReview()).when(answer)
                .expectException(refused(StateConflict.class, "NO_INFORMATION_REQUESTED")).expectNoEvents();
        fixture.given(drafted(), submitted(), underReview(), informationRequested(),
                        new ProposalEvent.Resubmitted(ID, TRACKING, MEMBER, "ir-1", "r", CONTENT, List.of(), GROUPS.version(), NOW))
                .when(answer).expectException(refused(StateConflict.class, "NO_INFORMATION_REQUESTED")).expectNoEvents();
        fixture.given(drafted()).when(answer)
                .expectException(refused(StateConflict.class, "NO_INFORMATION_REQUESTED")).expectNoEvents();
    }
}
