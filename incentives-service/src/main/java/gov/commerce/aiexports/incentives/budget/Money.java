package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.events.UsdAmount;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import java.math.BigDecimal;

/** US dollars in cents: exact decimals with scale 2, never floating point. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    /** AMOUNT_INVALID (400): a valid {@link UsdAmount}; returned with scale 2. */
    public static BigDecimal positive(BigDecimal amount, String field) {
        if (amount == null) {
            throw new InvalidInput("FIELD_REQUIRED", field, field + " is required");
        }
        if (!UsdAmount.isValid(amount)) {
            throw new InvalidInput("AMOUNT_INVALID", field, UsdAmount.DESCRIPTION);
        }
        return amount.setScale(2);
    }
}
