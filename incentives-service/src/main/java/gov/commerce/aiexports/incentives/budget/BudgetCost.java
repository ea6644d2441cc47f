package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a line costs the budget (Federal Credit Reform Act): for DIRECT_LOAN and CREDIT_GUARANTEE
 * the subsidy cost, face amount × credit subsidy rate; for the other instruments the full amount.
 *
 * <p>Rounding: the subsidy cost is rounded to the cent UP (towards more cost), not HALF_EVEN. The
 * recorded obligation must cover the whole subsidy cost; rounding down could leave a fraction of
 * a cent obligated nowhere, which is exactly what the Antideficiency Act forbids. Partial
 * de-obligations return cost rounded DOWN for the same reason: the budget never gets back more
 * than was obligated, and the cent fractions come back when the whole commitment is cancelled.
 */
public final class BudgetCost {

    private BudgetCost() {
    }

    /** The budget cost obligated when the line is approved. */
    public static BigDecimal of(Instrument instrument, BigDecimal faceAmountUsd, BigDecimal creditSubsidyRatePercent) {
        if (!instrument.isCredit()) {
            return faceAmountUsd.setScale(2, RoundingMode.UNNECESSARY);
        }
        if (creditSubsidyRatePercent == null) {
            throw new IllegalArgumentException("a credit instrument needs its credit subsidy rate");
        }
        // multiply and move the point: exact, then one rounding at the end
        return faceAmountUsd.multiply(creditSubsidyRatePercent).movePointLeft(2).setScale(2, RoundingMode.UP);
    }

    /**
     * The budget cost a de-obligation of {@code cancelledFaceUsd} returns: all that is still
     * obligated when nothing of the commitment remains (and nothing was disbursed), else the
     * cancelled part's own cost rounded down, never more than is still obligated.
     */
    public static BigDecimal returnedOnDeobligation(Instrument instrument, BigDecimal creditSubsidyRatePercent,
            BigDecimal cancelledFaceUsd, BigDecimal commitmentAfterUsd, BigDecimal obligatedCostUsd) {
        if (commitmentAfterUsd.signum() == 0) {
            return obligatedCostUsd;
        }
        BigDecimal cost = instrument.isCredit()
                ? cancelledFaceUsd.multiply(creditSubsidyRatePercent).movePointLeft(2).setScale(2, RoundingMode.DOWN)
                : cancelledFaceUsd.setScale(2, RoundingMode.UNNECESSARY);
        return cost.min(obligatedCostUsd);
    }
}
