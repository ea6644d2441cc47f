package gov.commerce.aiexports.review;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.review.review.ReviewEvent;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import jakarta.inject.Singleton;
import java.util.Optional;

/** What review-service tells the others. The determination event carries what the applicant and incentives need. */
@Singleton
public class ReviewIntegrationEvents implements IntegrationEventMapper {

    /** The review's opening data, needed by the determination's integration event. Kept by the projection's reader. */
    @jakarta.inject.Inject
    gov.commerce.aiexports.runtime.readmodel.Documents documents;

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof ReviewEvent.Opened e) {
            return Optional.of(new ReviewOpened(e.reviewId(), e.proposalId(), e.applicantOrganisation(), e.requiredAgencies()));
        }
        if (event instanceof ReviewEvent.Determined e) {
            var review = documents.find("review_view", e.reviewId(), gov.commerce.aiexports.review.review.ReviewView.class)
                    .orElseThrow(() -> new IllegalStateException("review " + e.reviewId() + " has no view yet"));
            if (e.decision() == ReviewEvent.Decision.DESIGNATE) {
                return Optional.of(new ProposalDesignated(e.reviewId(), e.proposalId(), e.designationNumber(),
                        review.consortiumId(), review.applicantOrganisation(), e.effectiveDate(), e.conditions(),
                        e.endorsedIncentives(), e.justification()));
            }
            return Optional.of(new ProposalRejected(e.reviewId(), e.proposalId(), review.applicantOrganisation(), e.justification()));
        }
        return Optional.empty();
    }
}
