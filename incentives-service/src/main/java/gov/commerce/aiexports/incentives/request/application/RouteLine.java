package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.incentives.request.FinancingAgency;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.IncentiveRequestQueries;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** EDAG routes a line to a financing agency, with its terms and credit subsidy rate. */
@Singleton
public class RouteLine {

    public record RoutingRequest(FinancingAgency agency, String terms, BigDecimal creditSubsidyRatePercent) {
    }

    @Inject
    IncentiveRequestQueries lines;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void route(String id, String ifMatch, RoutingRequest body) {
        Bodies.require(body);
        lines.existing(id);
        preconditions.check(ifMatch, id, false);
        if (body.terms() != null && body.terms().length() > 4000) {
            throw new InvalidInput("TERMS_TOO_LONG", "/terms", "terms are at most 4000 characters");
        }
        commands.send(new IncentiveRequestCommand.RouteIncentiveRequest(id, body.agency(), body.terms(),
                body.creditSubsidyRatePercent()));
    }
}
