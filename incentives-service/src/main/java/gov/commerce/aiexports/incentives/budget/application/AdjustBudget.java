package gov.commerce.aiexports.incentives.budget.application;

import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.AdjustmentKind;
import gov.commerce.aiexports.incentives.budget.BudgetCommand;
import gov.commerce.aiexports.incentives.budget.BudgetQueries;
import gov.commerce.aiexports.incentives.budget.Money;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Adjusts a budget's authority (supplement, rescission, ...), held to the version the caller read. */
@Singleton
public class AdjustBudget {

    public record AdjustmentRequest(AdjustmentKind kind, BigDecimal amountUsd, String reference, String reason) {
    }

    @Inject
    Commands commands;
    @Inject
    BudgetQueries budgets;
    @Inject
    Preconditions preconditions;

    public void adjust(String id, String ifMatch, AdjustmentRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        new Checks().required(body.kind(), "/kind").required(body.reference(), "/reference").throwIfInvalid();
        BigDecimal amount = Money.positive(body.amountUsd(), "/amountUsd");
        budgets.existing(id);
        // an adjustment changes the authority read: made on figures changed meanwhile, it would be a lost update
        preconditions.check(ifMatch, id, true);
        Retries.inFreshTransactions(() -> commands.send(new BudgetCommand.AdjustBudget(id, body.kind(), amount,
                body.reference().trim(), body.reason())));
    }
}
