package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.InformationRequested;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.review.ReviewReopened;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * The proposal's status follows its review: under review when it opens or reopens, information
 * requested, designated with its number, rejected with the reasons.
 */
@Singleton
public class ReviewOutcomes implements IntegrationEventHandler {

    @Inject
    Commands commands;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REVIEW);
    }

    @Override
    public void handle(IntegrationEvent event) {
        String source = event.eventId().toString();
        if (event.is(ReviewOpened.class)) {
            ReviewOpened e = event.payloadAs(ReviewOpened.class);
            commands.sendOnEvent(new ProposalCommand.MarkUnderReview(e.proposalId(), e.reviewId(), source), event);
        } else if (event.is(ReviewReopened.class)) {
            ReviewReopened e = event.payloadAs(ReviewReopened.class);
            commands.sendOnEvent(new ProposalCommand.MarkUnderReview(e.proposalId(), e.reviewId(), source), event);
        } else if (event.is(InformationRequested.class)) {
            InformationRequested e = event.payloadAs(InformationRequested.class);
            commands.sendOnEvent(new ProposalCommand.RecordInformationRequest(e.proposalId(), e.reviewId(),
                    e.informationRequestId(), e.questions(), e.requestedBy(), source), event);
        } else if (event.is(ProposalDesignated.class)) {
            ProposalDesignated e = event.payloadAs(ProposalDesignated.class);
            commands.sendOnEvent(new ProposalCommand.RecordDesignation(e.proposalId(), e.designationNumber(), source), event);
        } else if (event.is(ProposalRejected.class)) {
            ProposalRejected e = event.payloadAs(ProposalRejected.class);
            commands.sendOnEvent(new ProposalCommand.RecordRejection(e.proposalId(), e.justification(), source), event);
        }
    }
}
