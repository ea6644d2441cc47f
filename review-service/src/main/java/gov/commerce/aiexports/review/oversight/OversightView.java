package gov.commerce.aiexports.review.oversight;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.review.review.ReviewView;
import java.util.List;

/**
 * GET /oversight/{number}: the designation's standing (status DESIGNATED, SUSPENDED or REVOKED,
 * the suspension in force, Commerce's changes, the revocation) and the consortium's obligations.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OversightView(String designationNumber, String reviewId, String proposalId, String status,
        ReviewView.StandingChange suspension, List<ReviewView.StandingChange> standingChanges, ReviewView.Revocation revocation,
        List<OversightRecord.Obligation> conditions, List<OversightRecord.Obligation> milestones,
        OversightRecord.Schedule reportingSchedule, List<OversightRecord.Report> reports, List<OversightRecord.Overdue> overdue) {

    /** Before the first oversight write, the determination's conditions as they will be opened: ids C1..., open, no due date. */
    private static List<OversightRecord.Obligation> notOpened(ReviewView review) {
        List<String> texts = review.determination == null || review.determination.conditions() == null ? List.of()
                : review.determination.conditions();
        List<OversightRecord.Obligation> conditions = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            OversightRecord.Obligation o = new OversightRecord.Obligation();
            o.id = "C" + (i + 1);
            o.text = texts.get(i);
            conditions.add(o);
        }
        return conditions;
    }

    static OversightView of(ReviewView review, OversightRecord r) {
        String number = review.determination == null ? null : review.determination.designationNumber();
        return new OversightView(number, review.id, review.proposalId, review.status, review.suspension, review.standingChanges,
                review.revocation, r == null ? notOpened(review) : r.conditions, r == null ? List.of() : r.milestones,
                r == null ? null : r.reportingSchedule, r == null ? List.of() : r.reports, r == null ? List.of() : r.overdue);
    }
}
