package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OversightQueries;
import gov.commerce.aiexports.review.review.ReviewCommand;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.review.review.application.Bodies;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/** Commerce suspends, reinstates or revokes a designation: on the review's stream, which owns the designation's standing. */
@Singleton
public class ChangeStanding {

    /** Suspension, reinstatement and revocation all say why and from when. */
    public record StandingRequest(String reason, LocalDate effectiveDate) {
    }

    @Inject
    OversightQueries oversight;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public void change(String number, String ifMatch, ReviewCommand.Standing change, StandingRequest body) {
        Bodies.require(body);
        ReviewView review = oversight.designated(number);
        // the standing is the review's (GET /designations/{number} gives its ETag)
        preconditions.check(ifMatch, review.id, false);
        commands.send(new ReviewCommand.ChangeDesignationStanding(review.id, change, body.reason(), body.effectiveDate(),
                FederalTime.today(clock), clock.instant()));
    }
}
