package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.util.List;
import java.util.Set;

/**
 * The rules of an assessment, each with its rule code:
 * <ul>
 * <li>{@code AGENCY_NOT_REQUIRED}: only the agencies the call requires assess;</li>
 * <li>{@code REVIEWER_RECUSED}: a reviewer who declared a conflict of interest cannot assess this review;</li>
 * <li>{@code CONFLICT_DECLARATION_REQUIRED}: every assessment starts with the declaration;</li>
 * <li>{@code SCORE_OUT_OF_RANGE}: each of the five criteria is scored 0 to 5;</li>
 * <li>{@code RECOMMENDATION_REQUIRED}, {@code COMMENT_VISIBILITY_REQUIRED}.</li>
 * </ul>
 * {@link #checkWellFormed} finds malformed input (400), {@link #checkMayAssess} the review's refusals (422).
 */
public final class AssessmentPolicies {

    private AssessmentPolicies() {
    }

    public static List<Violation> checkWellFormed(ReviewCommand.RecordAssessment c) {
        Checks checks = new Checks()
                .require(c.conflictOfInterest() != null, "CONFLICT_DECLARATION_REQUIRED", "/conflictOfInterest",
                        "declare whether you have a conflict of interest first");
        if (c.conflictOfInterest() != null && c.conflictOfInterest().declared()) {
            return checks.violations(); // a recusal needs no scores
        }
        checks.require(c.recommendation() != null, "RECOMMENDATION_REQUIRED", "/recommendation",
                "recommendation is CONCUR, CONCUR_WITH_CONDITIONS, NON_CONCUR or REQUIRES_MODIFICATION");
        Assessment.Scores s = c.scores();
        if (s == null) {
            // no scores at all: the missing part is named, not each of the five criteria it would hold
            checks.required(null, "/scores");
        } else {
            score(checks, s.strategicValue(), "strategicValue");
            score(checks, s.nationalSecurityRisk(), "nationalSecurityRisk");
            score(checks, s.commercialViability(), "commercialViability");
            score(checks, s.stackCompleteness(), "stackCompleteness");
            score(checks, s.partnerReadiness(), "partnerReadiness");
        }
        List<Assessment.Comment> comments = c.comments() == null ? List.of() : c.comments();
        for (int i = 0; i < comments.size(); i++) {
            checks.require(comments.get(i) != null && comments.get(i).visibility() != null, "COMMENT_VISIBILITY_REQUIRED",
                    "/comments/" + i + "/visibility", "a comment is SHARED with the applicant or INTERNAL to government");
        }
        return checks.violations();
    }

    public static List<Violation> checkMayAssess(ReviewCommand.RecordAssessment c, List<String> requiredAgencies, Set<String> recused) {
        if (!requiredAgencies.contains(c.agency())) {
            return List.of(new Violation("AGENCY_NOT_REQUIRED", "/agency",
                    c.agency() + " is not among the agencies this review requires: " + requiredAgencies));
        }
        if (recused.contains(c.reviewer())) {
            return List.of(new Violation("REVIEWER_RECUSED", "/conflictOfInterest",
                    c.reviewer() + " declared a conflict of interest on this review; another reviewer of " + c.agency()
                            + " must assess"));
        }
        return List.of();
    }

    private static void score(Checks checks, Integer value, String criterion) {
        checks.require(value != null && value >= 0 && value <= 5, "SCORE_OUT_OF_RANGE", "/scores/" + criterion,
                criterion + " is scored from 0 to 5");
    }
}
