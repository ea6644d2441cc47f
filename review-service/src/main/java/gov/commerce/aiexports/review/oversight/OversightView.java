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
        OversightRecord.Schedule reportingSchedule, List<OversightRecord.Report> reports, List<OversightRecord.Overdue> overdue,
        List<DocumentShown> documents) {

    /**
     * An attached document as this caller may see it: all of it, or, when the disclosure rule
     * withholds a confidential one, its id and marking with {@code withheld} and {@code because}
     * (its name may be as confidential as its content). Its bytes: GET .../documents/{documentId}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DocumentShown(String documentId, String confidentiality, String fileName, String mediaType, Long sizeBytes,
            String sha256, String attachedBy, java.time.Instant attachedAt, String withheld, String because) {

        static DocumentShown shown(OversightRecord.Document d) {
            return new DocumentShown(d.documentId(), d.confidentiality(), d.fileName(), d.mediaType(), d.sizeBytes(), d.sha256(),
                    d.attachedBy(), d.attachedAt(), null, null);
        }

        static DocumentShown withheld(OversightRecord.Document d, String because) {
            return new DocumentShown(d.documentId(), d.confidentiality(), null, null, null, null, null, null,
                    gov.commerce.aiexports.events.disclosure.Disclosure.WITHHELD, because);
        }
    }

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

    static OversightView of(ReviewView review, OversightRecord r, List<DocumentShown> documents) {
        String number = review.determination == null ? null : review.determination.designationNumber();
        return new OversightView(number, review.id, review.proposalId, review.status, review.suspension, review.standingChanges,
                review.revocation, r == null ? notOpened(review) : r.conditions, r == null ? List.of() : r.milestones,
                r == null ? null : r.reportingSchedule, r == null ? List.of() : r.reports, r == null ? List.of() : r.overdue,
                documents);
    }
}
