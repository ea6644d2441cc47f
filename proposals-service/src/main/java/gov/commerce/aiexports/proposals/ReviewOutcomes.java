package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;

/** The proposal's status follows the review: under review when it opens, designated when Commerce designates. */
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
        if (event.is(ReviewOpened.class)) {
            ReviewOpened opened = event.payloadAs(ReviewOpened.class);
            commands.sendOnEvent(new ProposalCommand.MarkUnderReview(opened.proposalId(), opened.reviewId(),
                    event.eventId().toString()), event);
        } else if (event.is(ProposalDesignated.class)) {
            ProposalDesignated designated = event.payloadAs(ProposalDesignated.class);
            commands.sendOnEvent(new ProposalCommand.RecordDesignation(designated.proposalId(),
                    designated.designationNumber(), event.eventId().toString()), event);
        }
    }
}
