package gov.commerce.aiexports.review.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** The interagency review of one submitted proposal, ending in Commerce's determination. */
public class Review {

    @AggregateIdentifier
    private String reviewId;
    private String proposalId;
    private List<ScreeningFlag> flags;
    private List<IncentiveLine> requested;
    private boolean determined;

    protected Review() {
    }

    @CommandHandler
    public Review(ReviewCommand.OpenReview command) {
        ProposalSubmitted s = command.submission();
        apply(new ReviewEvent.Opened(command.reviewId(), s.proposalId(), s.trackingNumber(), s.consortiumId(),
                s.consortiumName(), s.applicantOrganisation(), s.title(), s.fiscalYear(), s.targetCountries(),
                s.requestedIncentives(), s.requiredAgencies(), s.flags(), s.countryListVersion()));
    }

    @CommandHandler
    void handle(ReviewCommand.RecordDetermination command) {
        if (determined) {
            throw new StateConflict("ALREADY_DETERMINED", "the determination of this review is already recorded");
        }
        List<Violation> violations = DeterminationPolicies.check(command, flags, requested);
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
        boolean designate = command.decision() == ReviewEvent.Decision.DESIGNATE;
        apply(new ReviewEvent.Determined(reviewId, proposalId, command.decision(), command.justification(),
                command.acknowledgedFlags() == null ? List.of() : command.acknowledgedFlags(),
                designate ? command.designationNumber() : null, designate ? command.effectiveDate() : null,
                List.of(), designate ? command.endorsedIncentives() : List.of()));
    }

    @EventSourcingHandler
    void on(ReviewEvent.Opened e) {
        reviewId = e.reviewId();
        proposalId = e.proposalId();
        flags = e.flags() == null ? List.of() : e.flags();
        requested = e.requestedIncentives() == null ? List.of() : e.requestedIncentives();
    }

    @EventSourcingHandler
    void on(ReviewEvent.Determined e) {
        determined = true;
    }
}
