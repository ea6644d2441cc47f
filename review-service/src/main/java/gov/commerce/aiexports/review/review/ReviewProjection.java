package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

@ProcessingGroup("review-projection")
public class ReviewProjection {

    public static final String TABLE = "review_view";
    private final Documents documents;

    public ReviewProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ReviewEvent.Opened e, @Timestamp Instant at) {
        save(new ReviewView(e.reviewId(), e.proposalId(), e.trackingNumber(), e.consortiumId(), e.consortiumName(),
                e.applicantOrganisation(), e.title(), e.fiscalYear(), "OPEN", e.targetCountries(), e.requestedIncentives(),
                e.requiredAgencies(), e.flags(), e.countryListVersion(), at, null));
    }

    @EventHandler
    void on(ReviewEvent.Determined e, @Timestamp Instant at) {
        documents.find(TABLE, e.reviewId(), ReviewView.class).ifPresent(v -> {
            String status = e.decision() == ReviewEvent.Decision.DESIGNATE ? "DESIGNATED" : "REJECTED";
            save(new ReviewView(v.id(), v.proposalId(), v.trackingNumber(), v.consortiumId(), v.consortiumName(),
                    v.applicantOrganisation(), v.title(), v.fiscalYear(), status, v.targetCountries(), v.requestedIncentives(),
                    v.requiredAgencies(), v.flags(), v.countryListVersion(), v.openedAt(), e));
            if (e.decision() == ReviewEvent.Decision.DESIGNATE) {
                // the public catalogue: no confidential sections, no internal comments, no applicant organisation id
                DesignationView d = new DesignationView(e.designationNumber(), v.proposalId(), v.title(), v.consortiumName(),
                        v.targetCountries(), e.effectiveDate(), e.conditions(), e.endorsedIncentives(), at);
                documents.upsert("designation_view", d.number(), Map.of("proposal_id", d.proposalId()), d);
            }
        });
    }

    private void save(ReviewView v) {
        documents.upsert(TABLE, v.id(), Map.of("proposal_id", v.proposalId(), "status", v.status()), v);
    }
}
