package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface ReviewCommand {

    record OpenReview(@TargetAggregateIdentifier String reviewId, ProposalSubmitted submission) implements ReviewCommand {
    }

    /** designationNumber is allocated in the same transaction, only for DESIGNATE. */
    record RecordDetermination(@TargetAggregateIdentifier String reviewId, ReviewEvent.Decision decision,
            String justification, List<String> acknowledgedFlags, List<IncentiveLine> endorsedIncentives,
            LocalDate effectiveDate, String designationNumber) implements ReviewCommand {
    }
}
