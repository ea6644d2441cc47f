package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.math.BigDecimal;

/** US dollars in cents: exact decimals with scale 2, never floating point. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** AMOUNT_INVALID (400): a positive amount with at most two decimals; returned with scale 2. */
    public static BigDecimal positive(BigDecimal amount, String field) {
        if (amount == null) {
            throw new InvalidInput("FIELD_REQUIRED", field, field + " is required");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInput("AMOUNT_INVALID", field, "an amount is a positive number of US dollars with at most two decimals");
        }
        return amount.setScale(2);
    }
}
