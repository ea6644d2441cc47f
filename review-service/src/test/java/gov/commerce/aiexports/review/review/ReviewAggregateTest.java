package gov.commerce.aiexports.review.review;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.review.review.Assessment.Comment;
import gov.commerce.aiexports.review.review.Assessment.ConflictOfInterest;
import gov.commerce.aiexports.review.review.Assessment.Recommendation;
import gov.commerce.aiexports.review.review.Assessment.Scores;
import gov.commerce.aiexports.review.review.Assessment.Visibility;
import gov.commerce.aiexports.review.review.ReviewCommand.OpenReview;
import gov.commerce.aiexports.review.review.ReviewCommand.RecordAssessment;
import gov.commerce.aiexports.review.review.ReviewCommand.RecordDetermination;
import gov.commerce.aiexports.review.review.ReviewCommand.RecordWithdrawal;
import gov.commerce.aiexports.review.review.ReviewCommand.ReopenReview;
import gov.commerce.aiexports.review.review.ReviewCommand.RequestInformation;
import gov.commerce.aiexports.review.review.ReviewEvent.Decision;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.testsupport.QuietRefusals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interagency review, given/when/then on the aggregate alone: OPEN ⇄ INFORMATION_REQUESTED
 * (rounds), DESIGNATED or REJECTED by the determination, CLOSED by a withdrawal before it,
 * REVOKED by a withdrawal after a designation.
 */
@ExtendWith(QuietRefusals.class)
class ReviewAggregateTest {

    private static final String ID = "review-1";
    private static final String PROPOSAL = "proposal-1";
    private static final Instant NOW = Instant.parse("2027-02-01T12:00:00Z");
    private static final List<String> AGENCIES = List.of("COMMERCE", "STATE");
    private static final List<IncentiveLine> REQUESTED = List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000000.00"), 10));
    private static final List<ScreeningFlag> FLAGS = List.of(new ScreeningFlag("US_CONTENT_BELOW_51", "/stack/hardware", "40%"));
    private static final Scores SCORES = new Scores(4, 3, 4, 5, 3);
    private static final ConflictOfInterest NO_CONFLICT = new ConflictOfInterest(false, null);
    private static final LocalDate EFFECTIVE = LocalDate.parse("2027-03-01");

    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    /** The one place that builds the consumed contract, so a new version of it changes one method. */
    private static ProposalSubmitted submission() {
        return new ProposalSubmitted(PROPOSAL, "AIEP-2027-0F1E2D3C4B5A", "call-1", 2027, "consortium-1", "Acme", "ACME00000001",
                "Grid AI", List.of("DE"), REQUESTED, AGENCIES, FLAGS, "list-1", NOW, List.of("businessModel"));
    }

    private static ReviewEvent.Opened opened() {
        ProposalSubmitted s = submission();
        return new ReviewEvent.Opened(ID, PROPOSAL, s.trackingNumber(), s.consortiumId(), s.consortiumName(), s.applicantOrganisation(),
                s.title(), s.fiscalYear(), s.targetCountries(), REQUESTED, AGENCIES, FLAGS, "list-1", List.of("businessModel"));
    }

    private static RecordAssessment assess(String id, String agency, String reviewer, Recommendation recommendation,
            List<String> conditions) {
        return new RecordAssessment(ID, id, agency, reviewer, NO_CONFLICT, SCORES, recommendation, conditions,
                List.of(new Comment("fine", Visibility.INTERNAL)));
    }

    private static ReviewEvent.AssessmentRecorded recorded(String id, String agency, String reviewer, int round,
            Recommendation recommendation, List<String> conditions, String supersedes) {
        return new ReviewEvent.AssessmentRecorded(ID, new Assessment.Recorded(id, agency, reviewer, round, SCORES, recommendation,
                conditions, List.of(new Comment("fine", Visibility.INTERNAL)), supersedes));
    }

    private static ReviewEvent.AssessmentRecorded concurred(String agency, List<String> conditions) {
        return recorded("a-" + agency, agency, "r-" + agency, 1,
                conditions.isEmpty() ? Recommendation.CONCUR : Recommendation.CONCUR_WITH_CONDITIONS, conditions, null);
    }

    private static ReviewEvent.InformationRequested informationRequested() {
        return new ReviewEvent.InformationRequested(ID, "ir-1", List.of("which grid?"), "officer-1", "requested by Commerce");
    }

    private static ReviewEvent.Reopened reopened() {
        return new ReviewEvent.Reopened(ID, 2, "ir-1", "the northern one", REQUESTED, FLAGS, "list-2", List.of("DE"),
                List.of("businessModel"));
    }

    private static RecordDetermination designate(List<String> acknowledged, List<IncentiveLine> endorsed, LocalDate effective) {
        return new RecordDetermination(ID, Decision.DESIGNATE, "strategic", acknowledged, endorsed, effective, "AIEP-D-2027-001");
    }

    private static RecordDetermination designate() {
        return designate(List.of("US_CONTENT_BELOW_51"), REQUESTED, EFFECTIVE);
    }

    private static ReviewEvent.Determined designated() {
        return new ReviewEvent.Determined(ID, PROPOSAL, Decision.DESIGNATE, "strategic", List.of("US_CONTENT_BELOW_51"),
                "AIEP-D-2027-001", EFFECTIVE, List.of("report yearly"), REQUESTED);
    }

    private static ReviewEvent.Determined rejected() {
        return new ReviewEvent.Determined(ID, PROPOSAL, Decision.REJECT, "weak", List.of(), null, null, List.of(), List.of());
    }

    private static ReviewEvent.Closed closed() {
        return new ReviewEvent.Closed(ID, "withdrawn by the applicant: changed plans");
    }

    private static ReviewEvent.DesignationRevoked revoked() {
        return new ReviewEvent.DesignationRevoked(ID, PROPOSAL, "AIEP-D-2027-001", Review.RELINQUISHED, "e-withdrawn", "changed plans",
                1, NOW, gov.commerce.aiexports.events.FederalTime.dateOf(NOW));
    }

    private static RecordWithdrawal withdrawal() {
        return new RecordWithdrawal(ID, "e-withdrawn", "changed plans", NOW);
    }

    // --- opening

    @Test
    void a_submission_opens_the_review_with_what_intake_found() {
        fixture.givenNoPriorActivity().when(new OpenReview(ID, submission())).expectEvents(opened());
    }

    // --- assessments

    @Test
    void a_required_agency_assesses_and_a_later_assessment_supersedes_its_earlier_one() {
        fixture.given(opened()).when(assess("a-1", "STATE", "r-1", Recommendation.CONCUR, List.of()))
                .expectEvents(recorded("a-1", "STATE", "r-1", 1, Recommendation.CONCUR, List.of(), null));
        fixture.given(opened(), recorded("a-1", "STATE", "r-1", 1, Recommendation.CONCUR, List.of(), null))
                .when(assess("a-2", "STATE", "r-2", Recommendation.NON_CONCUR, List.of()))
                .expectEvents(recorded("a-2", "STATE", "r-2", 1, Recommendation.NON_CONCUR, List.of(), "a-1"));
    }

    @Test
    void requiring_modifications_asks_the_applicant_the_conditions_and_shared_comments() {
        RecordAssessment c = new RecordAssessment(ID, "a-1", "STATE", "r-1", NO_CONFLICT, SCORES, Recommendation.REQUIRES_MODIFICATION,
                List.of("name the grid"), List.of(new Comment("which site?", Visibility.SHARED), new Comment("secret", Visibility.INTERNAL)));
        fixture.given(opened()).when(c).expectEvents(
                new ReviewEvent.AssessmentRecorded(ID, new Assessment.Recorded("a-1", "STATE", "r-1", 1, SCORES,
                        Recommendation.REQUIRES_MODIFICATION, List.of("name the grid"), c.comments(), null)),
                new ReviewEvent.InformationRequested(ID, "a-1", List.of("name the grid", "which site?"), "STATE",
                        "STATE requires modifications"));
    }

    @Test
    void a_reviewer_declaring_a_conflict_is_recused_instead_of_assessing() {
        fixture.given(opened()).when(new RecordAssessment(ID, "a-1", "STATE", "r-1", new ConflictOfInterest(true, "my cousin"), null,
                        null, null, null))
                .expectEvents(new ReviewEvent.ReviewerRecused(ID, "STATE", "r-1", "my cousin"));
    }

    @Test
    void a_recused_reviewer_does_not_assess() {
        fixture.given(opened(), new ReviewEvent.ReviewerRecused(ID, "STATE", "r-1", "my cousin"))
                .when(assess("a-1", "STATE", "r-1", Recommendation.CONCUR, List.of()))
                .expectException(refused(RuleViolation.class, "REVIEWER_RECUSED", "/conflictOfInterest")).expectNoEvents();
    }

    @Test
    void only_a_required_agency_assesses() {
        fixture.given(opened()).when(assess("a-1", "ENERGY", "r-1", Recommendation.CONCUR, List.of()))
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_REQUIRED", "/agency")).expectNoEvents();
    }

    @Test
    void an_assessment_is_well_formed() {
        fixture.given(opened()).when(new RecordAssessment(ID, "a-1", "STATE", "r-1", null, SCORES, Recommendation.CONCUR, null, null))
                .expectException(refused(InvalidInput.class, "CONFLICT_DECLARATION_REQUIRED", "/conflictOfInterest")).expectNoEvents();
        fixture.given(opened()).when(new RecordAssessment(ID, "a-1", "STATE", "r-1", NO_CONFLICT, new Scores(6, 3, null, 5, 3), null,
                        null, List.of(new Comment("no visibility", null))))
                .expectException(refused(InvalidInput.class, "RECOMMENDATION_REQUIRED", "/recommendation"))
                .expectException(refused(InvalidInput.class, "SCORE_OUT_OF_RANGE", "/scores/strategicValue"))
                .expectException(refused(InvalidInput.class, "SCORE_OUT_OF_RANGE", "/scores/commercialViability"))
                .expectException(refused(InvalidInput.class, "COMMENT_VISIBILITY_REQUIRED", "/comments/0/visibility"))
                .expectNoEvents();
        // no scores at all: the scores are named, not each of the five criteria
        fixture.given(opened()).when(new RecordAssessment(ID, "a-1", "STATE", "r-1", NO_CONFLICT, null, Recommendation.CONCUR, null,
                        null))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/scores")).expectNoEvents();
    }

    @Test
    void assessments_are_taken_only_while_open() {
        RecordAssessment c = assess("a-9", "STATE", "r-1", Recommendation.CONCUR, List.of());
        fixture.given(opened(), informationRequested()).when(c)
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")), designated()).when(c)
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
        fixture.given(opened(), closed()).when(c)
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
    }

    // --- information requests and rounds

    @Test
    void commerce_asks_for_information_while_open() {
        fixture.given(opened()).when(new RequestInformation(ID, "ir-1", List.of("which grid?"), "officer-1"))
                .expectEvents(informationRequested());
    }

    @Test
    void an_information_request_asks_something_and_only_while_open() {
        fixture.given(opened()).when(new RequestInformation(ID, "ir-1", List.of(" "), "officer-1"))
                .expectException(refused(InvalidInput.class, "QUESTIONS_REQUIRED", "/questions")).expectNoEvents();
        fixture.given(opened(), informationRequested()).when(new RequestInformation(ID, "ir-2", List.of("q"), "officer-1"))
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
    }

    @Test
    void a_resubmission_reopens_the_review_in_the_next_round() {
        ProposalResubmitted r = new ProposalResubmitted(PROPOSAL, "AIEP-2027-0F1E2D3C4B5A", "ACME00000001", "ir-1", "the northern one",
                "Grid AI", List.of("DE"), REQUESTED, FLAGS, "list-2", NOW, List.of("businessModel"));
        fixture.given(opened(), informationRequested()).when(new ReopenReview(ID, r)).expectEvents(reopened());
        // seen twice, or with nothing asked: nothing to reopen
        fixture.given(opened(), informationRequested(), reopened()).when(new ReopenReview(ID, r)).expectNoEvents();
        fixture.given(opened()).when(new ReopenReview(ID, r)).expectNoEvents();
    }

    @Test
    void assessments_of_an_earlier_round_stop_counting() {
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of()), informationRequested(), reopened())
                .when(designate())
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_CONCURRED", "/decision")).expectNoEvents();
    }

    // --- determination

    @Test
    void with_every_agency_concurring_the_proposal_is_designated_with_the_union_of_conditions() {
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")))
                .when(designate()).expectEvents(designated());
    }

    @Test
    void a_rejection_needs_no_concurrence_and_keeps_no_designation() {
        fixture.given(opened()).when(new RecordDetermination(ID, Decision.REJECT, "weak", null, REQUESTED, EFFECTIVE, "ignored"))
                .expectEvents(rejected());
    }

    @Test
    void a_designation_needs_every_agency_to_concur_and_a_recused_reviewers_assessment_does_not_count() {
        fixture.given(opened(), concurred("COMMERCE", List.of())).when(designate())
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_CONCURRED", "/decision")).expectNoEvents();
        fixture.given(opened(), concurred("COMMERCE", List.of()), recorded("a-s", "STATE", "r-s", 1, Recommendation.NON_CONCUR, List.of(),
                        null)).when(designate())
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_CONCURRED", "/decision")).expectNoEvents();
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of()),
                        new ReviewEvent.ReviewerRecused(ID, "STATE", "r-STATE", "late conflict")).when(designate())
                .expectException(refused(RuleViolation.class, "AGENCY_NOT_CONCURRED", "/decision")).expectNoEvents();
    }

    @Test
    void a_designation_acknowledges_the_flags_has_a_date_a_justification_and_endorses_within_the_request() {
        List<IncentiveLine> tooMuch = List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("2000000.00"), 10),
                new IncentiveLine(null, new BigDecimal("-1"), 99));
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of()))
                .when(new RecordDetermination(ID, Decision.DESIGNATE, " ", List.of(), tooMuch, null, "AIEP-D-2027-001"))
                .expectException(refused(RuleViolation.class, "JUSTIFICATION_REQUIRED", "/justification"))
                .expectException(refused(RuleViolation.class, "FLAG_NOT_ACKNOWLEDGED", "/acknowledgedFlags"))
                .expectException(refused(RuleViolation.class, "EFFECTIVE_DATE_REQUIRED", "/effectiveDate"))
                .expectException(refused(RuleViolation.class, "ENDORSEMENT_EXCEEDS_REQUEST", "/endorsedIncentives"))
                .expectException(refused(RuleViolation.class, "ENDORSEMENT_INVALID", "/endorsedIncentives/1"))
                .expectException(refused(RuleViolation.class, "ENDORSEMENT_INVALID", "/endorsedIncentives/1/tenorYears"))
                .expectNoEvents();
    }

    @Test
    void a_rejection_gives_its_justification_too() {
        fixture.given(opened()).when(new RecordDetermination(ID, Decision.REJECT, null, null, null, null, null))
                .expectException(refused(RuleViolation.class, "JUSTIFICATION_REQUIRED", "/justification")).expectNoEvents();
    }

    @Test
    void a_review_is_determined_once() {
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")), designated())
                .when(designate()).expectException(refused(StateConflict.class, "ALREADY_DETERMINED")).expectNoEvents();
        fixture.given(opened(), rejected()).when(designate())
                .expectException(refused(StateConflict.class, "ALREADY_DETERMINED")).expectNoEvents();
    }

    @Test
    void a_withdrawn_proposal_is_not_determined() {
        fixture.given(opened(), closed()).when(designate())
                .expectException(refused(StateConflict.class, Review.PROPOSAL_WITHDRAWN)).expectNoEvents();
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")), designated(), revoked())
                .when(designate()).expectException(refused(StateConflict.class, Review.PROPOSAL_WITHDRAWN)).expectNoEvents();
    }

    @Test
    void a_review_awaiting_information_is_not_determined() {
        fixture.given(opened(), informationRequested()).when(designate())
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
    }

    // --- withdrawal

    @Test
    void a_withdrawal_closes_an_undecided_review() {
        fixture.given(opened()).when(withdrawal()).expectEvents(closed());
        fixture.given(opened(), informationRequested()).when(withdrawal()).expectEvents(closed());
    }

    @Test
    void a_withdrawal_after_the_designation_revokes_it_as_relinquished() {
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")), designated())
                .when(withdrawal()).expectEvents(revoked());
    }

    @Test
    void a_withdrawal_seen_again_or_after_a_rejection_changes_nothing() {
        fixture.given(opened(), closed()).when(withdrawal()).expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(opened(), rejected()).when(withdrawal()).expectNoEvents();
        fixture.given(opened(), concurred("COMMERCE", List.of()), concurred("STATE", List.of("report yearly")), designated(), revoked())
                .when(withdrawal()).expectNoEvents();
    }

    // --- the review desk: assignment, reassignment, recusal, overdue

    private static final LocalDate TODAY = LocalDate.parse("2027-02-01");
    private static final LocalDate DUE = LocalDate.parse("2027-02-15");

    private static ReviewCommand.AssignReviewers assignState(List<String> reviewers, LocalDate due) {
        return new ReviewCommand.AssignReviewers(ID, "STATE", reviewers, due, "officer-1", false, TODAY, NOW);
    }

    private static ReviewEvent.ReviewersAssigned assigned(List<String> reviewers, List<String> added, LocalDate due) {
        return new ReviewEvent.ReviewersAssigned(ID, "STATE", "ASSIGNED", reviewers, added, List.of(), due, null, "officer-1", false,
                NOW);
    }

    private static RecordAssessment assessAs(String reviewer, boolean lead, ConflictOfInterest conflict) {
        return new RecordAssessment(ID, "a-1", "STATE", reviewer, conflict, SCORES, Recommendation.CONCUR, List.of(),
                List.of(new Comment("fine", Visibility.INTERNAL)), lead);
    }

    private static ReviewEvent.AssessmentRecorded recordedAs(String reviewer, String capacity) {
        return new ReviewEvent.AssessmentRecorded(ID, new Assessment.Recorded("a-1", "STATE", reviewer, 1, SCORES,
                Recommendation.CONCUR, List.of(), List.of(new Comment("fine", Visibility.INTERNAL)), null, capacity));
    }

    @Test
    void commerce_assigns_named_reviewers_with_a_due_date_and_more_join_them() {
        fixture.given(opened()).when(assignState(List.of("alice", "bob", "alice"), DUE))
                .expectEvents(assigned(List.of("alice", "bob"), List.of("alice", "bob"), DUE));
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE))
                .when(assignState(List.of("alice", "carol"), DUE.plusDays(3)))
                .expectEvents(assigned(List.of("alice", "carol"), List.of("carol"), DUE.plusDays(3)));
        // the same assignment again changes nothing
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE)).when(assignState(List.of("alice"), DUE))
                .expectNoEvents();
    }

    @Test
    void an_assignment_is_refused_for_an_agency_not_required_a_past_date_a_recused_reviewer_or_a_decided_review() {
        fixture.given(opened()).when(new ReviewCommand.AssignReviewers(ID, "ENERGY", List.of("erin"), DUE, "officer-1", false,
                TODAY, NOW)).expectException(refused(RuleViolation.class, "AGENCY_NOT_REQUIRED", "/agency")).expectNoEvents();
        fixture.given(opened()).when(assignState(List.of("alice"), TODAY.minusDays(1)))
                .expectException(refused(RuleViolation.class, "DUE_DATE_IN_PAST", "/dueDate")).expectNoEvents();
        fixture.given(opened(), new ReviewEvent.ReviewerRecused(ID, "STATE", "bob", "tie")).when(assignState(List.of("alice", "bob"), DUE))
                .expectException(refused(RuleViolation.class, "REVIEWER_RECUSED", "/reviewers/1")).expectNoEvents();
        fixture.given(opened()).when(assignState(List.of(), DUE))
                .expectException(refused(InvalidInput.class, "REVIEWERS_REQUIRED", "/reviewers")).expectNoEvents();
        fixture.given(opened(), rejected()).when(assignState(List.of("alice"), DUE))
                .expectException(refused(StateConflict.class, "REVIEW_NOT_OPEN")).expectNoEvents();
    }

    @Test
    void before_any_assignment_any_reviewer_of_the_agency_assesses_as_before() {
        fixture.given(opened()).when(assessAs("anyone", false, NO_CONFLICT)).expectEvents(recordedAs("anyone", null));
        fixture.given(opened()).when(assessAs("the-lead", true, NO_CONFLICT)).expectEvents(recordedAs("the-lead", Assessment.AGENCY_LEAD));
    }

    @Test
    void once_assigned_only_the_assigned_reviewers_or_the_agency_lead_assess() {
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE)).when(assessAs("mallory", false, NO_CONFLICT))
                .expectException(refused(StateConflict.class, "REVIEWER_NOT_ASSIGNED")).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE))
                .when(assessAs("mallory", false, new ConflictOfInterest(true, "tie")))
                .expectException(refused(StateConflict.class, "REVIEWER_NOT_ASSIGNED")).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE)).when(assessAs("alice", false, NO_CONFLICT))
                .expectEvents(recordedAs("alice", Assessment.ASSIGNED_REVIEWER));
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE)).when(assessAs("the-lead", true, NO_CONFLICT))
                .expectEvents(recordedAs("the-lead", Assessment.AGENCY_LEAD));
    }

    @Test
    void an_assigned_reviewer_recusing_asks_for_reassignment_and_the_successor_assesses() {
        fixture.given(opened(), assigned(List.of("alice", "bob"), List.of("alice", "bob"), DUE))
                .when(assessAs("alice", false, new ConflictOfInterest(true, "former employer")))
                .expectEvents(new ReviewEvent.ReviewerRecused(ID, "STATE", "alice", "former employer"),
                        new ReviewEvent.ReassignmentRequested(ID, "STATE", "alice", List.of("bob"), DUE));
        ReviewEvent.ReassignmentRequested requested = new ReviewEvent.ReassignmentRequested(ID, "STATE", "alice", List.of(), DUE);
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE),
                        new ReviewEvent.ReviewerRecused(ID, "STATE", "alice", "former employer"), requested)
                .when(new ReviewCommand.ReassignReviewer(ID, "STATE", "alice", "dave", null, "recusal", "lead-1", true, TODAY, NOW))
                .expectEvents(new ReviewEvent.ReviewersAssigned(ID, "STATE", "REASSIGNED", List.of("dave"), List.of("dave"),
                        List.of("alice"), DUE, "recusal", "lead-1", true, NOW));
        ReviewEvent.ReviewersAssigned reassigned = new ReviewEvent.ReviewersAssigned(ID, "STATE", "REASSIGNED", List.of("dave"),
                List.of("dave"), List.of("alice"), DUE, "recusal", "lead-1", true, NOW);
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE),
                        new ReviewEvent.ReviewerRecused(ID, "STATE", "alice", "former employer"), requested, reassigned)
                .when(assessAs("dave", false, NO_CONFLICT)).expectEvents(recordedAs("dave", Assessment.ASSIGNED_REVIEWER));
        // the recused reviewer is neither assigned nor assessing any more
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE),
                        new ReviewEvent.ReviewerRecused(ID, "STATE", "alice", "former employer"), requested, reassigned)
                .when(new ReviewCommand.ReassignReviewer(ID, "STATE", "dave", "alice", null, null, "lead-1", true, TODAY, NOW))
                .expectException(refused(RuleViolation.class, "REVIEWER_RECUSED", "/to")).expectNoEvents();
    }

    @Test
    void a_reassignment_replaces_an_assigned_reviewer_by_one_not_assigned_yet() {
        fixture.given(opened(), assigned(List.of("alice", "bob"), List.of("alice", "bob"), DUE))
                .when(new ReviewCommand.ReassignReviewer(ID, "STATE", "zed", "carol", null, null, "officer-1", false, TODAY, NOW))
                .expectException(refused(RuleViolation.class, "ASSIGNEE_UNKNOWN", "/from")).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice", "bob"), List.of("alice", "bob"), DUE))
                .when(new ReviewCommand.ReassignReviewer(ID, "STATE", "alice", "bob", null, null, "officer-1", false, TODAY, NOW))
                .expectException(refused(RuleViolation.class, "REVIEWER_ALREADY_ASSIGNED", "/to")).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice", "bob"), List.of("alice", "bob"), DUE))
                .when(new ReviewCommand.ReassignReviewer(ID, "STATE", "alice", "carol", DUE.plusDays(7), "workload", "officer-1",
                        false, TODAY, NOW))
                .expectEvents(new ReviewEvent.ReviewersAssigned(ID, "STATE", "REASSIGNED", List.of("bob", "carol"), List.of("carol"),
                        List.of("alice"), DUE.plusDays(7), "workload", "officer-1", false, NOW));
    }

    @Test
    void an_overdue_assessment_is_flagged_once_per_due_date_and_not_once_assessed() {
        ReviewCommand.FlagOverdueAssessments scanAfter = new ReviewCommand.FlagOverdueAssessments(ID, DUE.plusDays(1), NOW);
        ReviewEvent.AssessmentOverdue overdue = new ReviewEvent.AssessmentOverdue(ID, "STATE", List.of("alice"), DUE, 1, NOW);
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE))
                .when(new ReviewCommand.FlagOverdueAssessments(ID, DUE, NOW)).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE)).when(scanAfter).expectEvents(overdue);
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE), overdue).when(scanAfter).expectNoEvents();
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE), recordedAs("alice", Assessment.ASSIGNED_REVIEWER))
                .when(scanAfter).expectNoEvents();
        // a new due date is chased anew; a review awaiting the applicant's answer is not the reviewers' to chase
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE), overdue,
                        assigned(List.of("alice"), List.of(), DUE.plusDays(5)))
                .when(new ReviewCommand.FlagOverdueAssessments(ID, DUE.plusDays(6), NOW))
                .expectEvents(new ReviewEvent.AssessmentOverdue(ID, "STATE", List.of("alice"), DUE.plusDays(5), 1, NOW));
        fixture.given(opened(), assigned(List.of("alice"), List.of("alice"), DUE), informationRequested()).when(scanAfter)
                .expectNoEvents();
    }
}
