package gov.commerce.aiexports.review;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** A submitted proposal opens its review. */
@Singleton
public class SubmittedProposals implements IntegrationEventHandler {

    @Inject
    Commands commands;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (event.is(ProposalSubmitted.class)) {
            ProposalSubmitted submitted = event.payloadAs(ProposalSubmitted.class);
            commands.sendOnEvent(new ReviewCommand.OpenReview(reviewIdFor(submitted), submitted), event);
        }
    }

    /** One review per submission, with an id derived from it so that it can never be opened twice. */
    static String reviewIdFor(ProposalSubmitted submitted) {
        return UUID.nameUUIDFromBytes(("review:" + submitted.proposalId() + ":" + submitted.trackingNumber())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
