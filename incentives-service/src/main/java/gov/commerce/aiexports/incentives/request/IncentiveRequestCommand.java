package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface IncentiveRequestCommand {

    record OpenIncentiveRequest(@TargetAggregateIdentifier String incentiveRequestId, String proposalId,
            String designationNumber, int lineNumber, String consortiumId, String applicantOrganisation,
            Instrument instrument, BigDecimal amountUsd, Integer tenorYears) implements IncentiveRequestCommand {
    }
}
