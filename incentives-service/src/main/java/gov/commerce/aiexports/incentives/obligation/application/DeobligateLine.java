package gov.commerce.aiexports.incentives.obligation.application;

import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.BudgetCommand;
import gov.commerce.aiexports.incentives.budget.Money;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ObligationToRecord;
import gov.commerce.aiexports.incentives.request.application.LineDecision;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/**
 * Cancels part of a line's commitment and returns its budget cost to the budget: the line's and
 * the budget's commands in one transaction, run again on fresh state after a lost race.
 */
@Singleton
public class DeobligateLine {

    public record DeobligationRequest(BigDecimal amountUsd, String reason) {
    }

    @Inject
    LineDecision decision;
    @Inject
    Commands commands;

    public ObligationToRecord deobligate(String id, String ifMatch, DeobligationRequest body) {
        String agency = decision.agencyDeciding(id, ifMatch, body, DeobligationRequest::reason, "/reason");
        BigDecimal amountUsd = Money.positive(body.amountUsd(), "/amountUsd");
        return Retries.inFreshTransactions(() -> {
            ObligationToRecord o = commands.send(new IncentiveRequestCommand.DeobligateIncentiveRequest(id, agency, amountUsd,
                    body.reason()));
            commands.send(new BudgetCommand.DeobligateBudget(o.budgetId(), o.incentiveRequestId(), o.budgetCostUsd(), body.reason()));
            return o;
        });
    }
}
