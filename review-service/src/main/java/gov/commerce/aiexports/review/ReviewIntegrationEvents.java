package gov.commerce.aiexports.review;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.review.AssessmentRecorded;
import gov.commerce.aiexports.events.review.InformationRequested;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.review.ReviewReopened;
import gov.commerce.aiexports.review.review.Assessment;
import gov.commerce.aiexports.review.review.ReviewEvent;
import gov.commerce.aiexports.review.review.ReviewProjection;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What review-service tells the others. Internal comments, scores and reviewers stay here; the
 * review's identifying data (proposal, applicant) comes from the review's read model.
 */
@Singleton
public class ReviewIntegrationEvents implements IntegrationEventMapper {

    @Inject
    Documents documents;
    @Inject
    gov.commerce.aiexports.review.oversight.OversightIntegrationEvents oversight;

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof ReviewEvent.Opened e) {
            return Optional.of(new ReviewOpened(e.reviewId(), e.proposalId(), e.applicantOrganisation(), e.requiredAgencies()));
        }
        if (event instanceof gov.commerce.aiexports.review.oversight.OversightEvent o) {
            return oversight.toIntegration(o);
        }
        if (!(event instanceof ReviewEvent e)) {
            return Optional.empty();
        }
        ReviewView review = documents.find(ReviewProjection.TABLE, e.reviewId(), ReviewView.class)
                .orElseThrow(() -> new IllegalStateException("review " + e.reviewId() + " has no view yet"));
        if (event instanceof ReviewEvent.AssessmentRecorded a) {
            var x = a.assessment();
            return Optional.of(new AssessmentRecorded(a.reviewId(), review.proposalId, x.assessmentId(), x.agency(), x.round(),
                    x.recommendation().name(), x.conditions(), x.comments().stream()
                            .filter(c -> c.visibility() == Assessment.Visibility.SHARED).map(Assessment.Comment::text).toList()));
        }
        if (event instanceof ReviewEvent.InformationRequested r) {
            return Optional.of(new InformationRequested(r.reviewId(), review.proposalId, r.informationRequestId(),
                    review.applicantOrganisation, r.questions(), r.requestedBy()));
        }
        if (event instanceof ReviewEvent.Reopened r) {
            return Optional.of(new ReviewReopened(r.reviewId(), review.proposalId, review.applicantOrganisation, r.round(),
                    review.requiredAgencies));
        }
        if (event instanceof ReviewEvent.Determined d) {
            if (d.decision() == ReviewEvent.Decision.DESIGNATE) {
                return Optional.of(new ProposalDesignated(d.reviewId(), d.proposalId(), d.designationNumber(),
                        review.consortiumId, review.applicantOrganisation, d.effectiveDate(), d.conditions(),
                        d.endorsedIncentives(), d.justification(), review.requiredAgencies,
                        // names only; a review that never learnt the marking says all were marked
                        review.confidentialSections == null ? Sections.ALL : review.confidentialSections));
            }
            return Optional.of(new ProposalRejected(d.reviewId(), d.proposalId(), review.applicantOrganisation, d.justification()));
        }
        if (event instanceof ReviewEvent.DesignationRevoked r) {
            return Optional.of(new gov.commerce.aiexports.events.review.DesignationRevoked(r.reviewId(), r.proposalId(),
                    r.designationNumber(), review.consortiumId, review.applicantOrganisation, r.cause(), r.causeEventId(),
                    r.endorsedLineCount(), r.revokedAt(), r.effectiveDate() != null ? r.effectiveDate()
                            : gov.commerce.aiexports.events.FederalTime.dateOf(r.revokedAt())));
        }
        if (event instanceof ReviewEvent.DesignationSuspended s) {
            return Optional.of(new gov.commerce.aiexports.events.review.DesignationSuspended(s.reviewId(), s.proposalId(),
                    s.designationNumber(), review.consortiumId, review.applicantOrganisation, s.reason(), s.effectiveDate(),
                    s.endorsedLineCount(), s.suspendedAt()));
        }
        if (event instanceof ReviewEvent.DesignationReinstated s) {
            return Optional.of(new gov.commerce.aiexports.events.review.DesignationReinstated(s.reviewId(), s.proposalId(),
                    s.designationNumber(), review.consortiumId, review.applicantOrganisation, s.reason(), s.effectiveDate(),
                    s.endorsedLineCount(), s.reinstatedAt()));
        }
        if (event instanceof ReviewEvent.ReviewersAssigned a) {
            return Optional.of(new gov.commerce.aiexports.events.review.ReviewersAssigned(a.reviewId(), review.proposalId, a.agency(),
                    a.change(), a.reviewers(), a.added(), a.removed(), a.dueDate(), a.reason(), a.assignedBy(), a.byLead(), a.at()));
        }
        if (event instanceof ReviewEvent.ReassignmentRequested r) {
            return Optional.of(new gov.commerce.aiexports.events.review.ReviewerReassignmentRequested(r.reviewId(), review.proposalId,
                    r.agency(), r.recusedReviewer(), r.remainingReviewers(), r.dueDate()));
        }
        if (event instanceof ReviewEvent.AssessmentOverdue o) {
            return Optional.of(new gov.commerce.aiexports.events.review.AssessmentOverdue(o.reviewId(), review.proposalId, o.agency(),
                    o.reviewers(), o.dueDate(), o.round(), o.flaggedAt()));
        }
        return Optional.empty();
    }
}
