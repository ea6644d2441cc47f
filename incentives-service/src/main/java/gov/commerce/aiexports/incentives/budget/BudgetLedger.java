package gov.commerce.aiexports.incentives.budget;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The budget's figures as a fold over its events: authority, obligated, available, and what each
 * incentive request has obligated net of de-obligations. The aggregate keeps its state in one of
 * these, and a replay of the stored events through {@link #replay} gives the same figures.
 */
public record BudgetLedger(BigDecimal authorityUsd, BigDecimal obligatedUsd, Map<String, BigDecimal> obligatedByRequest) {

    public static final BudgetLedger EMPTY = new BudgetLedger(new BigDecimal("0.00"), new BigDecimal("0.00"), Map.of());

    public BudgetLedger {
        obligatedByRequest = Map.copyOf(obligatedByRequest);
    }

    public BigDecimal availableUsd() {
        return authorityUsd.subtract(obligatedUsd);
    }

    public BigDecimal obligatedFor(String incentiveRequestId) {
        return obligatedByRequest.getOrDefault(incentiveRequestId, new BigDecimal("0.00"));
    }

    public BudgetLedger apply(BudgetEvent event) {
        if (event instanceof BudgetEvent.AppropriationRecorded e) {
            return new BudgetLedger(authorityUsd.add(e.amountUsd()), obligatedUsd, obligatedByRequest);
        }
        if (event instanceof BudgetEvent.Adjusted e) {
            return new BudgetLedger(e.kind() == AdjustmentKind.SUPPLEMENTAL ? authorityUsd.add(e.amountUsd())
                    : authorityUsd.subtract(e.amountUsd()), obligatedUsd, obligatedByRequest);
        }
        Map<String, BigDecimal> byRequest = new HashMap<>(obligatedByRequest);
        if (event instanceof BudgetEvent.Obligated e) {
            byRequest.merge(e.incentiveRequestId(), e.budgetCostUsd(), BigDecimal::add);
            return new BudgetLedger(authorityUsd, obligatedUsd.add(e.budgetCostUsd()), byRequest);
        }
        BudgetEvent.Deobligated e = (BudgetEvent.Deobligated) event;
        byRequest.merge(e.incentiveRequestId(), e.budgetCostReturnedUsd().negate(), BigDecimal::add);
        return new BudgetLedger(authorityUsd, obligatedUsd.subtract(e.budgetCostReturnedUsd()), byRequest);
    }

    public static BudgetLedger replay(List<? extends BudgetEvent> events) {
        BudgetLedger ledger = EMPTY;
        for (BudgetEvent e : events) {
            ledger = ledger.apply(e);
        }
        return ledger;
    }
}
