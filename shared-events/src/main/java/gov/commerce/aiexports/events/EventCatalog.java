package gov.commerce.aiexports.events;

import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.events.notifications.NotificationRecorded;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import java.util.List;

/** Every published contract, in one place. docs/event-catalogue.md describes each. */
public final class EventCatalog {

    public static final List<Class<? extends IntegrationPayload>> CONTRACTS = List.of(
            CallPublished.class,
            gov.commerce.aiexports.events.proposals.CallAmended.class,
            gov.commerce.aiexports.events.proposals.ProposalResubmitted.class,
            gov.commerce.aiexports.events.proposals.ProposalRescreened.class,
            ProposalSubmitted.class,
            ProposalWithdrawn.class,
            ReviewOpened.class,
            ProposalDesignated.class,
            ProposalRejected.class,
            gov.commerce.aiexports.events.review.InformationRequested.class,
            gov.commerce.aiexports.events.review.ReviewReopened.class,
            gov.commerce.aiexports.events.review.AssessmentRecorded.class,
            gov.commerce.aiexports.events.review.DesignationRevoked.class,
            gov.commerce.aiexports.events.review.DesignationSuspended.class,
            gov.commerce.aiexports.events.review.DesignationReinstated.class,
            gov.commerce.aiexports.events.review.OversightPlanSet.class,
            gov.commerce.aiexports.events.review.EvidenceSubmitted.class,
            gov.commerce.aiexports.events.review.ObligationAccepted.class,
            gov.commerce.aiexports.events.review.ObligationRejected.class,
            gov.commerce.aiexports.events.review.ObligationOverdue.class,
            gov.commerce.aiexports.events.review.ProgressReportFiled.class,
            gov.commerce.aiexports.events.review.ReviewersAssigned.class,
            gov.commerce.aiexports.events.review.ReviewerReassignmentRequested.class,
            gov.commerce.aiexports.events.review.AssessmentOverdue.class,
            IncentiveRequestOpened.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestRouted.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestBoardApproved.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestApproved.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestDeclined.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestDeobligated.class,
            gov.commerce.aiexports.events.incentives.IncentiveDisbursementRecorded.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled.class,
            gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation.class,
            NotificationRecorded.class,
            gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead.class);

    private EventCatalog() {
    }

    public static EventContract contractOf(Class<? extends IntegrationPayload> type) {
        EventContract contract = type.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " has no @EventContract");
        }
        return contract;
    }
}
