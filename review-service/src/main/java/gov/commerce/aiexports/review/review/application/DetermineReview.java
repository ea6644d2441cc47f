package gov.commerce.aiexports.review.review.application;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.review.designation.DesignationNumbers;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewEvent;
import gov.commerce.aiexports.review.review.ReviewQueries;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Commerce designates or rejects. The designation number is taken in this transaction together
 * with the determination's event, so a refused or conflicting determination leaves no gap in the
 * numbers. Its year is the fiscal year in Washington's time (FederalTime), not in the server's or UTC.
 */
@ApplicationScoped
public class DetermineReview {

    public record DeterminationRequest(ReviewEvent.Decision decision, String justification, List<String> acknowledgedFlags,
            List<IncentiveLine> endorsedIncentives, LocalDate effectiveDate) {
    }

    @Inject
    ReviewQueries reviews;
    @Inject
    DesignationNumbers numbers;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @Transactional
    public void determine(String id, String ifMatch, DeterminationRequest body) {
        if (body == null || body.decision() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/decision", "decision is DESIGNATE or REJECT");
        }
        reviews.existing(id);
        // a determination decides on what was read: made on a review changed meanwhile, it would overlook it
        preconditions.check(ifMatch, id, true);
        String number = body.decision() == ReviewEvent.Decision.DESIGNATE ? numbers.next(FiscalYear.of(clock.instant())) : null;
        commands.send(new ReviewCommand.RecordDetermination(id, body.decision(), body.justification(),
                body.acknowledgedFlags(), body.endorsedIncentives(), body.effectiveDate(), number));
    }
}
