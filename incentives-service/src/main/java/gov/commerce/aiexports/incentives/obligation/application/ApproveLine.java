package gov.commerce.aiexports.incentives.obligation.application;

import gov.commerce.aiexports.events.FiscalYear;
import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.BudgetCommand;
import gov.commerce.aiexports.incentives.budget.BudgetPolicies;
import gov.commerce.aiexports.incentives.budget.InsufficientBudgetAuthority;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand.ObligationToRecord;
import gov.commerce.aiexports.incentives.request.IncentiveRequestPolicies;
import gov.commerce.aiexports.incentives.request.application.LineDecision;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * The financing agency the line is routed to approves it, and the approval obligates the budget.
 * The line's command and the budget's command run in ONE JTA transaction (Axon joins it), so
 * either both streams get their event or neither does. When another approval, in this instance or
 * another, appended to the budget's stream first, the whole transaction is rolled back and run
 * again on fresh state ({@link Retries}); the Antideficiency guard then sees the other obligation.
 * INSUFFICIENT_BUDGET_AUTHORITY leaves only the refusal's own record, OUTSIDE_PERIOD_OF_AVAILABILITY
 * (the budget may not be obligated in the fiscal year of now, in Washington) leaves nothing.
 */
@Singleton
public class ApproveLine {

    private static final Logger LOG = Logger.getLogger(ApproveLine.class);

    /** requiredMilestoneId (optional): a milestone of the designation (M1, M2, ...) Commerce must accept before any disbursement. */
    public record ApprovalRequest(Integer fiscalYear, String requiredMilestoneId) {
    }

    @Inject
    LineDecision decision;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public ObligationToRecord approve(String id, String ifMatch, ApprovalRequest body) {
        String agency = decision.agencyDeciding(id, ifMatch, body);
        new Checks().require(BudgetPolicies.validFiscalYear(body.fiscalYear()), BudgetPolicies.FISCAL_YEAR_INVALID, "/fiscalYear",
                "fiscalYear is the federal fiscal year whose authority is obligated, from 2025")
                .require(body.requiredMilestoneId() == null || body.requiredMilestoneId().matches("M[1-9][0-9]{0,3}"),
                        IncentiveRequestPolicies.MILESTONE_ID_INVALID, "/requiredMilestoneId",
                        "requiredMilestoneId is a milestone of the designation, such as M1")
                .throwIfInvalid();
        return obligate(id, agency, body.fiscalYear(), body.requiredMilestoneId());
    }

    /** requiredMilestoneId: when set, the line's disbursements wait for Commerce's acceptance of that milestone. */
    private ObligationToRecord obligate(String incentiveRequestId, String actingAgency, int fiscalYear, String requiredMilestoneId) {
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
