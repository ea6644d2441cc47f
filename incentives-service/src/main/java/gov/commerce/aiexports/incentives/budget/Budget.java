package gov.commerce.aiexports.incentives.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The budget authority of one fiscal year and instrument. Every obligation is appended to this one
 * stream, so two approvals that both read the same version cannot both be stored: the event
 * store's (aggregate, sequence) key refuses the second, which is then retried on fresh state.
 */
public class Budget {

    @AggregateIdentifier
    private String budgetId;
    private int fiscalYear;
    private Instrument instrument;
    private PeriodOfAvailability period;
    private BudgetLedger ledger = BudgetLedger.EMPTY;

    protected Budget() {
    }

    /**
     * The first appropriation of a fiscal year and instrument opens its budget, with its period of
     * availability (one-year unless stated); later ones add to it and keep that period.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BudgetCommand.RecordAppropriation c) {
        if (budgetId != null && (fiscalYear != c.fiscalYear() || instrument != c.instrument())) {
            throw new StateConflict("BUDGET_MISMATCH", "budget " + budgetId + " is FY" + fiscalYear + " " + instrument);
        }
        PeriodOfAvailability stated = c.periodOfAvailability() == null ? null
                : new PeriodOfAvailability(c.periodOfAvailability(), c.fiscalYear(), c.lastFiscalYear());
        PeriodOfAvailability recorded;
        if (budgetId == null) {
            recorded = stated != null ? stated : PeriodOfAvailability.oneYear(c.fiscalYear());
        } else {
            Violations.refuseIfAny(BudgetPolicies.checkSamePeriod(budgetId, period, stated));
            recorded = period;
        }
        BigDecimal authorityAfter = ledger.authorityUsd().add(c.amountUsd());
        apply(new BudgetEvent.AppropriationRecorded(c.budgetId(), c.fiscalYear(), c.instrument(), c.amountUsd(),
                c.appropriationReference(), authorityAfter, authorityAfter.subtract(ledger.obligatedUsd()), recorded.kind(),
                recorded.lastFiscalYear()));
    }

    @CommandHandler
    void handle(BudgetCommand.AdjustBudget c) {
        BigDecimal authorityAfter;
        if (c.kind() == AdjustmentKind.RESCISSION) {
            Violations.refuseIfAny(BudgetPolicies.checkRescissionWithinAvailable(ledger, c.amountUsd()));
            authorityAfter = ledger.authorityUsd().subtract(c.amountUsd());
        } else {
            authorityAfter = ledger.authorityUsd().add(c.amountUsd());
        }
        apply(new BudgetEvent.Adjusted(budgetId, fiscalYear, instrument, c.kind(), c.amountUsd(), c.reference(), c.reason(),
                authorityAfter, authorityAfter.subtract(ledger.obligatedUsd())));
    }

    @CommandHandler
    void handle(BudgetCommand.ObligateBudget c) {
        Violations.conflictIfAny(BudgetPolicies.checkNotYetObligated(ledger, c.incentiveRequestId()));
        Violations.refuseIfAny(BudgetPolicies.checkWithinPeriodOfAvailability(budgetId, period, c.obligationFiscalYear()));
        if (!BudgetPolicies.checkAntideficiency(ledger, fiscalYear, instrument, c.budgetCostUsd()).isEmpty()) {
            // the refusal carries the figures compared, for the record of the refused obligation
            throw new InsufficientBudgetAuthority(fiscalYear, instrument, c.budgetCostUsd(), ledger.availableUsd());
        }
        BigDecimal obligatedAfter = ledger.obligatedUsd().add(c.budgetCostUsd());
        apply(new BudgetEvent.Obligated(budgetId, fiscalYear, instrument, c.incentiveRequestId(), c.proposalId(),
                c.designationNumber(), c.agency(), c.faceAmountUsd(), c.creditSubsidyRatePercent(), c.budgetCostUsd(),
                ledger.availableUsd(), obligatedAfter, ledger.authorityUsd().subtract(obligatedAfter)));
    }

    /** Not bound by the period of availability: expired authority still adjusts the obligations made in its period. */
    @CommandHandler
    void handle(BudgetCommand.DeobligateBudget c) {
        Violations.refuseIfAny(BudgetPolicies.checkDeobligationWithinObligation(ledger, c.incentiveRequestId(), c.budgetCostReturnedUsd()));
        BigDecimal obligatedAfter = ledger.obligatedUsd().subtract(c.budgetCostReturnedUsd());
        apply(new BudgetEvent.Deobligated(budgetId, fiscalYear, instrument, c.incentiveRequestId(), c.budgetCostReturnedUsd(),
                c.reason(), obligatedAfter, ledger.authorityUsd().subtract(obligatedAfter)));
    }

    @EventSourcingHandler
    void on(BudgetEvent.AppropriationRecorded e) {
        budgetId = e.budgetId();
        fiscalYear = e.fiscalYear();
        instrument = e.instrument();
        if (period == null) {
            period = PeriodOfAvailability.recorded(e);
        }
        ledger = ledger.apply(e);
    }

    @EventSourcingHandler
    void on(BudgetEvent.Adjusted e) {
        ledger = ledger.apply(e);
    }

    @EventSourcingHandler
    void on(BudgetEvent.Obligated e) {
        ledger = ledger.apply(e);
    }

    @EventSourcingHandler
    void on(BudgetEvent.Deobligated e) {
        ledger = ledger.apply(e);
    }
}
