package gov.commerce.aiexports.events;

import gov.commerce.aiexports.events.disclosure.ConfidentialSectionsRead;
import gov.commerce.aiexports.events.incentives.IncentiveDisbursementRecorded;
import gov.commerce.aiexports.events.incentives.IncentiveRequestApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestBoardApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeclined;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeobligated;
import gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation;
import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.notifications.NotificationRecorded;
import gov.commerce.aiexports.events.proposals.CallAmended;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.events.proposals.ProposalRescreened;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.AssessmentRecorded;
import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationRevoked;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.EvidenceSubmitted;
import gov.commerce.aiexports.events.review.InformationRequested;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ObligationOverdue;
import gov.commerce.aiexports.events.review.ObligationRejected;
import gov.commerce.aiexports.events.review.OversightPlanSet;
import gov.commerce.aiexports.events.review.ProgressReportFiled;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.review.ReviewReopened;
import java.util.List;

/** Every published contract, in one place. docs/event-catalogue.md describes each. */
public final class EventCatalog {

    public static final List<Class<? extends IntegrationPayload>> CONTRACTS = List.of(
            CallPublished.class,
            CallAmended.class,
            ProposalResubmitted.class,
            ProposalRescreened.class,
            ProposalSubmitted.class,
            ProposalWithdrawn.class,
            ReviewOpened.class,
            ProposalDesignated.class,
            ProposalRejected.class,
            InformationRequested.class,
            ReviewReopened.class,
            AssessmentRecorded.class,
            DesignationRevoked.class,
            DesignationSuspended.class,
            DesignationReinstated.class,
            OversightPlanSet.class,
            EvidenceSubmitted.class,
            ObligationAccepted.class,
            ObligationRejected.class,
            ObligationOverdue.class,
            ProgressReportFiled.class,
            ReviewersAssigned.class,
            ReviewerReassignmentRequested.class,
            AssessmentOverdue.class,
            IncentiveRequestOpened.class,
            IncentiveRequestRouted.class,
            IncentiveRequestBoardApproved.class,
            IncentiveRequestApproved.class,
            IncentiveRequestDeclined.class,
            IncentiveRequestDeobligated.class,
            IncentiveDisbursementRecorded.class,
            IncentiveRequestCancelled.class,
            IncentiveRequestFlaggedForDeobligation.class,
            NotificationRecorded.class,
            ConfidentialSectionsRead.class);

    private EventCatalog() {
    }

    /** A payload class's wire name and version, read from its annotation once (a rule asks for them on every event). */
    private record Name(String type, int version) {
    }

    private static final ClassValue<Name> NAMES = new ClassValue<>() {
        @Override
        protected Name computeValue(Class<?> type) {
            @SuppressWarnings("unchecked")
            EventContract c = contractOf((Class<? extends IntegrationPayload>) type);
            return new Name(c.type(), c.version());
        }
    };

    /** True when an event of this type and schema version carries this payload class. */
    public static boolean carries(Class<? extends IntegrationPayload> payload, String eventType, int schemaVersion) {
        Name n = NAMES.get(payload);
        return n.version() == schemaVersion && n.type().equals(eventType);
    }

    public static EventContract contractOf(Class<? extends IntegrationPayload> type) {
        EventContract contract = type.getAnnotation(EventContract.class);
        if (contract == null) {
            throw new IllegalArgumentException(type.getName() + " has no @EventContract");
        }
        return contract;
    }
}
