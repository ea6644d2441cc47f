package gov.commerce.aiexports.incentives.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One endorsed line of a designation, on its way through EDAG routing, approval and obligation. */
public class IncentiveRequest {

    @AggregateIdentifier
    private String incentiveRequestId;
    private Instrument instrument;
    private BigDecimal amountUsd;

    protected IncentiveRequest() {
    }

    @CommandHandler
    public IncentiveRequest(IncentiveRequestCommand.OpenIncentiveRequest c) {
        apply(new IncentiveRequestEvent.Opened(c.incentiveRequestId(), c.proposalId(), c.designationNumber(), c.lineNumber(),
                c.consortiumId(), c.applicantOrganisation(), c.instrument(), c.amountUsd(), c.tenorYears()));
    }

    @EventSourcingHandler
    void on(IncentiveRequestEvent.Opened e) {
        incentiveRequestId = e.incentiveRequestId();
        instrument = e.instrument();
        amountUsd = e.amountUsd();
    }
}
