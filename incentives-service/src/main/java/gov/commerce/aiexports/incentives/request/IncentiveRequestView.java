package gov.commerce.aiexports.incentives.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Instant;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncentiveRequestView(String id, String proposalId, String designationNumber, int lineNumber,
        String consortiumId, String organisation, Instrument instrument, BigDecimal amountUsd, Integer tenorYears,
        String status, String agency, Instant openedAt) {
}
