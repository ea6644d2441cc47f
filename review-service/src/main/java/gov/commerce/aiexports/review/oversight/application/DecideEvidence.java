package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commerce accepts or rejects the evidence of a condition or a milestone (the four endpoints of acceptance and rejection). */
@ApplicationScoped
public class DecideEvidence {

    public record DecisionRequest(String reason) {
    }

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    /** type: ObligationItems.CONDITION or MILESTONE. */
    @Transactional
    public void decide(String number, String type, String itemId, boolean accept, String ifMatch, DecisionRequest body) {
        obligations.open(number, ifMatch, body);
        commands.send(new OversightCommand.DecideEvidence(number, type, itemId, accept, body.reason(), clock.instant()));
    }
}
