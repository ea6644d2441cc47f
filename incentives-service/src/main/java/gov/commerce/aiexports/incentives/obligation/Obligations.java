package gov.commerce.aiexports.incentives.obligation;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.BudgetCommand;
import gov.commerce.aiexports.incentives.budget.InsufficientBudgetAuthority;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ObligationToRecord;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The steps that change a line and its budget together. Each runs the line's command and the
 * budget's command in ONE JTA transaction (Axon joins it), so either both streams get their event
 * or neither does. When another approval, in this instance or another, appended to the budget's
 * stream first, the whole transaction is rolled back and run again on fresh state
 * ({@link Retries}); the Antideficiency guard then sees the other obligation.
 */
@Singleton
public class Obligations {

    private static final Logger LOG = Logger.getLogger(Obligations.class);

    @Inject
    Commands commands;
    @Inject
    Clock clock;

    /**
     * Approves and obligates; INSUFFICIENT_BUDGET_AUTHORITY leaves only the refusal's own record,
     * OUTSIDE_PERIOD_OF_AVAILABILITY (the budget may not be obligated in the fiscal year of now, in
     * Washington) leaves nothing.
     */
    public ObligationToRecord approve(String incentiveRequestId, String actingAgency, int fiscalYear) {
        return approve(incentiveRequestId, actingAgency, fiscalYear, null);
    }

    /** requiredMilestoneId: when set, the line's disbursements wait for Commerce's acceptance of that milestone. */
    public ObligationToRecord approve(String incentiveRequestId, String actingAgency, int fiscalYear, String requiredMilestoneId) {
        // judged once, at the request: a retry after a lost race obligates in the same fiscal year
        int obligationFiscalYear = FiscalYear.current(clock);
        try {
            return Retries.inFreshTransactions(() -> {
                ObligationToRecord o = commands.send(new IncentiveRequestCommand.ApproveIncentiveRequest(incentiveRequestId,
                        actingAgency, fiscalYear, requiredMilestoneId));
                try {
                    commands.send(new BudgetCommand.ObligateBudget(o.budgetId(), o.incentiveRequestId(), o.proposalId(),
                            o.designationNumber(), o.agency(), o.faceAmountUsd(), o.creditSubsidyRatePercent(),
                            o.budgetCostUsd(), obligationFiscalYear));
                } catch (NotFound noBudget) {
                    // no appropriation recorded for that fiscal year and instrument: no authority at all
                    throw new InsufficientBudgetAuthority(fiscalYear, o.instrument(), o.budgetCostUsd(), new BigDecimal("0.00"));
                }
                return o;
            });
        } catch (InsufficientBudgetAuthority refused) {
            recordRefusal(incentiveRequestId, fiscalYear, refused);
            throw refused;
        }
    }

    /** Cancels part of the commitment and returns its budget cost to the budget. */
    public ObligationToRecord deobligate(String incentiveRequestId, String actingAgency, BigDecimal amountUsd, String reason) {
        return Retries.inFreshTransactions(() -> {
            ObligationToRecord o = commands.send(new IncentiveRequestCommand.DeobligateIncentiveRequest(incentiveRequestId,
                    actingAgency, amountUsd, reason));
            commands.send(new BudgetCommand.DeobligateBudget(o.budgetId(), o.incentiveRequestId(), o.budgetCostUsd(), reason));
            return o;
        });
    }

    /** Records a disbursement; two at once on one line are serialised by the line's own stream. */
    public void disburse(String incentiveRequestId, String actingAgency, BigDecimal amountUsd, String reference) {
        Retries.inFreshTransactions(() -> commands.send(new IncentiveRequestCommand.RecordDisbursement(incentiveRequestId,
                actingAgency, amountUsd, reference)));
    }

    /** Written in its own transaction after the rollback: the auditor sees what was refused and on which figures. */
    private void recordRefusal(String incentiveRequestId, int fiscalYear, InsufficientBudgetAuthority refused) {
        try {
            Retries.inFreshTransactions(() -> commands.send(new IncentiveRequestCommand.RecordApprovalRefusal(incentiveRequestId,
                    fiscalYear, refused.budgetId(), refused.first().rule(), refused.budgetCostUsd(), refused.availableUsd())));
        } catch (RuntimeException e) {
            // the refusal stands (nothing was obligated) even if its record could not be written
            LOG.warnf("could not record the refusal of %s: %s", incentiveRequestId, e.toString());
        }
    }
}
