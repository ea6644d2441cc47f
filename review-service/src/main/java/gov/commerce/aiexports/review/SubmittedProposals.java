package gov.commerce.aiexports.review;

import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

/** Intake drives the review: a submission opens it, a resubmission reopens it, a withdrawal closes it or
 * relinquishes its designation. */
@Singleton
public class SubmittedProposals implements IntegrationEventHandler {

    @Inject
    Commands commands;
    @Inject
    java.time.Clock clock;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PROPOSALS);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (event.is(ProposalSubmitted.class)) {
            ProposalSubmitted submitted = event.payloadAs(ProposalSubmitted.class);
            commands.sendOnEvent(new ReviewCommand.OpenReview(reviewIdFor(submitted.proposalId()), submitted), event);
        } else if (event.is(ProposalResubmitted.class)) {
            ProposalResubmitted resubmitted = event.payloadAs(ProposalResubmitted.class);
            commands.sendOnEvent(new ReviewCommand.ReopenReview(reviewIdFor(resubmitted.proposalId()), resubmitted), event);
        } else if (event.is(ProposalWithdrawn.class)) {
            ProposalWithdrawn withdrawn = event.payloadAs(ProposalWithdrawn.class);
            // whether or not proposals-service knew of a designation: the review decides (see Review)
            commands.sendOnEvent(new ReviewCommand.RecordWithdrawal(reviewIdFor(withdrawn.proposalId()),
                    event.eventId().toString(), withdrawn.reason(), clock.instant()), event);
        }
    }

    /** One review per proposal, with an id derived from it so that it can never be opened twice. */
    public static String reviewIdFor(String proposalId) {
        return UUID.nameUUIDFromBytes(("review:" + proposalId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
