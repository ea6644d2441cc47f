package gov.commerce.aiexports.incentives.budget.application;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.AvailabilityKind;
import gov.commerce.aiexports.incentives.budget.BudgetCommand;
import gov.commerce.aiexports.incentives.budget.BudgetId;
import gov.commerce.aiexports.incentives.budget.BudgetPolicies;
import gov.commerce.aiexports.incentives.budget.Money;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Records an appropriation (a new budget, or more authority on one): its checks, then the command in its own transaction. */
@Singleton
public class RecordAppropriation {

    /**
     * periodOfAvailability and lastFiscalYear are optional (added later; older clients send neither):
     * left out, a new budget is one-year and an existing one keeps its period.
     */
    public record AppropriationRequest(Integer fiscalYear, Instrument instrument, BigDecimal amountUsd,
            String appropriationReference, AvailabilityKind periodOfAvailability, Integer lastFiscalYear) {
    }

    @Inject
    Commands commands;

    /** The budget's id. */
    public String record(AppropriationRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        Checks checks = new Checks()
                .require(BudgetPolicies.validFiscalYear(body.fiscalYear()), BudgetPolicies.FISCAL_YEAR_INVALID, "/fiscalYear",
                        "fiscalYear is a federal fiscal year from 2025")
                .required(body.instrument(), "/instrument")
                .required(body.appropriationReference(), "/appropriationReference");
        checks.addAll(BudgetPolicies.checkPeriod(body.fiscalYear(), body.periodOfAvailability(), body.lastFiscalYear())).throwIfInvalid();
        BigDecimal amount = Money.positive(body.amountUsd(), "/amountUsd");
        String id = BudgetId.of(body.fiscalYear(), body.instrument());
        // the budget stream is shared with concurrent approvals: a lost race is retried on fresh state
        Retries.inFreshTransactions(() -> commands.send(new BudgetCommand.RecordAppropriation(id, body.fiscalYear(),
                body.instrument(), amount, body.appropriationReference().trim(), body.periodOfAvailability(),
                body.lastFiscalYear())));
        return id;
    }
}
