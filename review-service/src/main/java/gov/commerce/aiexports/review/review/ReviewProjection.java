package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.review.designation.DesignationView;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

@ReadModel(tables = {"review_view", "designation_view"})
@ProcessingGroup("review-projection")
public class ReviewProjection {

    public static final String TABLE = "review_view";
    private static final String REVOKED_BY_COMMERCE = Review.REVOKED_BY_COMMERCE;
    private final Documents documents;

    public ReviewProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ReviewEvent.Opened e, @Timestamp Instant at) {
        ReviewView v = new ReviewView();
        v.id = e.reviewId();
        v.proposalId = e.proposalId();
        v.trackingNumber = e.trackingNumber();
        v.consortiumId = e.consortiumId();
        v.consortiumName = e.consortiumName();
        v.applicantOrganisation = e.applicantOrganisation();
        v.title = e.title();
        v.fiscalYear = e.fiscalYear();
        v.status = ReviewStatus.OPEN.name();
        v.round = 1;
        v.targetCountries = e.targetCountries();
        v.requestedIncentives = e.requestedIncentives();
        v.requiredAgencies = e.requiredAgencies();
        v.flags = e.flags();
        v.countryListVersion = e.countryListVersion();
        v.confidentialSections = e.confidentialSections();
        v.openedAt = at;
        save(v);
    }

    @EventHandler
    void on(ReviewEvent.AssessmentRecorded e, @Timestamp Instant at) {
        update(e.reviewId(), v -> {
            Assessment.Recorded a = e.assessment();
            v.assessments.replaceAll(x -> x.agency().equals(a.agency()) && x.current() ? x.notCurrent() : x);
            v.assessments.add(new ReviewView.AssessmentEntry(a.assessmentId(), a.agency(), a.reviewer(), a.round(), a.scores(),
                    a.recommendation(), a.conditions(), a.comments(), a.supersedes(), true, at, a.capacity()));
        });
    }

    @EventHandler
    void on(ReviewEvent.ReviewerRecused e, @Timestamp Instant at) {
        update(e.reviewId(), v -> {
            v.recusals.add(new ReviewView.Recusal(e.agency(), e.reviewer(), e.description(), at));
            v.assessments.replaceAll(x -> x.current() && x.reviewer().equals(e.reviewer()) ? x.notCurrent() : x);
        });
    }

    @EventHandler
    void on(ReviewEvent.ReviewersAssigned e) {
        update(e.reviewId(), v -> {
            ReviewView.AssignmentEntry entry = v.assignment(e.agency());
            entry.reviewers = new ArrayList<>(e.reviewers());
            entry.awaitingReassignment.removeAll(e.removed());
            if (!e.dueDate().equals(entry.dueDate)) {
                entry.overdueFlaggedAt = null; // a new due date is chased anew
            }
            entry.dueDate = e.dueDate();
            v.assignmentHistory.add(new ReviewView.AssignmentChange(e.change(), e.agency(), e.added(), e.removed(), e.dueDate(),
                    e.reason(), e.assignedBy(), e.byLead(), e.at()));
        });
    }

    @EventHandler
    void on(ReviewEvent.ReassignmentRequested e, @Timestamp Instant at, @org.axonframework.messaging.annotation.MetaDataValue(
            gov.commerce.aiexports.runtime.axon.MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.reviewId(), v -> {
            ReviewView.AssignmentEntry entry = v.assignment(e.agency());
            entry.reviewers = new ArrayList<>(e.remainingReviewers());
            entry.awaitingReassignment.add(e.recusedReviewer());
            v.assignmentHistory.add(new ReviewView.AssignmentChange("REASSIGNMENT_REQUESTED", e.agency(), List.of(),
                    List.of(e.recusedReviewer()), e.dueDate(), "recused", actor, false, at));
        });
    }

    @EventHandler
    void on(ReviewEvent.AssessmentOverdue e) {
        update(e.reviewId(), v -> v.assignment(e.agency()).overdueFlaggedAt = e.flaggedAt());
    }

    @EventHandler
    void on(ReviewEvent.InformationRequested e, @Timestamp Instant at) {
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.INFORMATION_REQUESTED.name();
            v.informationRequests.add(new ReviewView.InformationRequestEntry(e.informationRequestId(), e.questions(),
                    e.requestedBy(), e.reason(), at, null, null));
        });
    }

    @EventHandler
    void on(ReviewEvent.Reopened e, @Timestamp Instant at) {
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.OPEN.name();
            v.round = e.round();
            v.assessments.replaceAll(ReviewView.AssessmentEntry::notCurrent);
            v.informationRequests = new ArrayList<>(v.informationRequests.stream().map(r -> r.answeredAt() == null
                    ? new ReviewView.InformationRequestEntry(r.informationRequestId(), r.questions(), r.requestedBy(), r.reason(),
                            r.requestedAt(), e.response(), at)
                    : r).toList());
            if (e.flags() != null) {
                v.flags = e.flags();
                v.countryListVersion = e.countryListVersion();
            }
            if (e.requestedIncentives() != null) {
                v.requestedIncentives = e.requestedIncentives();
            }
            if (e.targetCountries() != null) {
                v.targetCountries = e.targetCountries();
            }
            if (e.confidentialSections() != null) {
                // the answer may have changed the marking: the review's reads and its catalogue entry follow it
                v.confidentialSections = e.confidentialSections();
            }
        });
    }

    @EventHandler
    void on(ReviewEvent.Determined e, @Timestamp Instant at) {
        update(e.reviewId(), v -> {
            v.status = e.decision() == ReviewEvent.Decision.DESIGNATE ? ReviewStatus.DESIGNATED.name() : ReviewStatus.REJECTED.name();
            v.determination = e;
            if (e.decision() == ReviewEvent.Decision.DESIGNATE) {
                // the public catalogue: no confidential sections, no comments, no applicant organisation id
                DesignationView d = new DesignationView(e.designationNumber(), v.proposalId, v.title, v.consortiumName,
                        v.targetCountries, e.effectiveDate(), e.conditions(), e.endorsedIncentives(), at, DesignationView.ACTIVE, null,
                        v.confidentialSections, null);
                documents.upsert("designation_view", d.number(), Map.of("proposal_id", d.proposalId()), d);
            }
        });
    }

    @EventHandler
    void on(ReviewEvent.Closed e) {
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.CLOSED.name();
            v.closedReason = e.reason();
        });
    }

    @EventHandler
    void on(ReviewEvent.DesignationSuspended e, @org.axonframework.messaging.annotation.MetaDataValue(
            gov.commerce.aiexports.runtime.axon.MetadataKeys.ACTOR_SUBJECT) String actor) {
        ReviewView.StandingChange change = new ReviewView.StandingChange("SUSPENDED", e.reason(), e.effectiveDate(), actor,
                e.suspendedAt());
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.SUSPENDED.name();
            v.suspension = change;
            v.standingChanges.add(change);
        });
        catalogue(e.designationNumber(), d -> d.suspended(new DesignationView.Suspension(e.effectiveDate(), e.suspendedAt())));
    }

    @EventHandler
    void on(ReviewEvent.DesignationReinstated e, @org.axonframework.messaging.annotation.MetaDataValue(
            gov.commerce.aiexports.runtime.axon.MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.DESIGNATED.name();
            v.suspension = null;
            v.standingChanges.add(new ReviewView.StandingChange("REINSTATED", e.reason(), e.effectiveDate(), actor,
                    e.reinstatedAt()));
        });
        catalogue(e.designationNumber(), d -> d.suspended(null));
    }

    private void catalogue(String number, java.util.function.UnaryOperator<DesignationView> change) {
        documents.find("designation_view", number, DesignationView.class).ifPresent(d -> documents.upsert("designation_view",
                d.number(), Map.of("proposal_id", d.proposalId()), change.apply(d)));
    }

    @EventHandler
    void on(ReviewEvent.DesignationRevoked e, @org.axonframework.messaging.annotation.MetaDataValue(
            gov.commerce.aiexports.runtime.axon.MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.reviewId(), v -> {
            v.status = ReviewStatus.REVOKED.name();
            v.suspension = null;
            v.revocation = new ReviewView.Revocation(e.cause(), e.causeEventId(), e.reason(), e.revokedAt(), e.effectiveDate());
            if (REVOKED_BY_COMMERCE.equals(e.cause())) {
                v.standingChanges.add(new ReviewView.StandingChange("REVOKED", e.reason(), e.effectiveDate(), actor, e.revokedAt()));
            }
        });
        // the public catalogue: the cause and when, not the applicant's reason nor its withdrawal's id
        DesignationView.Revocation revocation = new DesignationView.Revocation(e.cause(), e.revokedAt(), e.effectiveDate());
        documents.find("designation_view", e.designationNumber(), DesignationView.class).ifPresent(d -> documents.upsert(
                "designation_view", d.number(), Map.of("proposal_id", d.proposalId()), d.revoked(revocation)));
    }

    private void update(String id, Consumer<ReviewView> change) {
        documents.find(TABLE, id, ReviewView.class).ifPresent(v -> {
            change.accept(v);
            save(v);
        });
    }

    private void save(ReviewView v) {
        v.recompute();
        documents.upsert(TABLE, v.id, Map.of("proposal_id", v.proposalId, "status", v.status), v);
    }
}
