package gov.commerce.aiexports.events;

import java.math.BigDecimal;

/** One line of federal support: instrument, amount in US dollars (cents), tenor in years where it applies. */
public record IncentiveLine(Instrument instrument, BigDecimal amountUsd, Integer tenorYears) {
}
