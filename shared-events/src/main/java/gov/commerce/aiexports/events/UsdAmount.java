package gov.commerce.aiexports.events;

import java.math.BigDecimal;

/**
 * What an amount of US dollars may be anywhere in the program: positive, in whole cents, and no
 * more than a trillion dollars (above any appropriation or package; a larger figure is a typing
 * error, not a request). One rule, so the intake, the review and the ledger agree.
 */
public final class UsdAmount {

    public static final BigDecimal MAXIMUM = new BigDecimal("1000000000000.00");
    public static final String DESCRIPTION = "an amount is a positive number of US dollars with at most two decimals, "
            + "up to 1,000,000,000,000";

    private UsdAmount() {
    }

    public static boolean isValid(BigDecimal amount) {
        return amount != null && amount.signum() > 0 && amount.stripTrailingZeros().scale() <= 2 && amount.compareTo(MAXIMUM) <= 0;
    }
}
