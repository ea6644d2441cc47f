package gov.commerce.aiexports.review.review;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentPoliciesTest {

    private static ReviewCommand.RecordAssessment assessment(String agency, String reviewer, boolean conflict, Assessment.Scores scores) {
        return new ReviewCommand.RecordAssessment("r", "a", agency, reviewer, new Assessment.ConflictOfInterest(conflict, "x"),
                scores, Assessment.Recommendation.CONCUR, List.of(), List.of(new Assessment.Comment("ok", Assessment.Visibility.SHARED)));
    }

    @Test
    void scores_are_0_to_5_on_each_criterion() {
        assertDoesNotThrow(() -> Violations.invalidIfAny(AssessmentPolicies.checkWellFormed(assessment("STATE", "r1", false, new Assessment.Scores(0, 5, 3, 2, 1)))));
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> Violations.invalidIfAny(AssessmentPolicies.checkWellFormed(assessment("STATE", "r1", false, new Assessment.Scores(6, 5, null, 2, -1)))));
        assertEquals(List.of("/scores/strategicValue", "/scores/commercialViability", "/scores/partnerReadiness"),
                e.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void a_recusal_needs_no_scores_but_the_declaration_is_required() {
        assertDoesNotThrow(() -> Violations.invalidIfAny(AssessmentPolicies.checkWellFormed(assessment("STATE", "r1", true, null))));
        var noDeclaration = new ReviewCommand.RecordAssessment("r", "a", "STATE", "r1", null, null, null, null, null);
        assertEquals("CONFLICT_DECLARATION_REQUIRED",
                assertThrows(InvalidInput.class, () -> Violations.invalidIfAny(AssessmentPolicies.checkWellFormed(noDeclaration))).first().rule());
    }

    @Test
    void only_required_agencies_and_unrecused_reviewers_assess() {
        var ok = assessment("STATE", "r1", false, new Assessment.Scores(1, 1, 1, 1, 1));
        assertDoesNotThrow(() -> Violations.refuseIfAny(AssessmentPolicies.checkMayAssess(ok, List.of("STATE"), Set.of("r2"))));
        assertEquals("AGENCY_NOT_REQUIRED", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(AssessmentPolicies.checkMayAssess(ok, List.of("DEFENSE"), Set.of()))).first().rule());
        assertEquals("REVIEWER_RECUSED", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(AssessmentPolicies.checkMayAssess(ok, List.of("STATE"), Set.of("r1")))).first().rule());
    }
}
