package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The financing agency the line is routed to declines it. */
@Singleton
public class DeclineLine {

    public record DeclineRequest(String reason) {
    }

    @Inject
    LineDecision decision;
    @Inject
    Commands commands;

    public void decline(String id, String ifMatch, DeclineRequest body) {
        String agency = decision.agencyDeciding(id, ifMatch, body, DeclineRequest::reason, "/reason");
        commands.send(new IncentiveRequestCommand.DeclineIncentiveRequest(id, agency, body.reason()));
    }
}
