package gov.commerce.aiexports.incentives.obligation.application;

import gov.commerce.aiexports.incentives.Retries;
import gov.commerce.aiexports.incentives.budget.Money;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.application.LineDecision;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/** Records a disbursement of an obligated line; two at once on one line are serialised by the line's own stream. */
@Singleton
public class RecordDisbursement {

    public record DisbursementRequest(BigDecimal amountUsd, String reference) {
    }

    @Inject
    LineDecision decision;
    @Inject
    Commands commands;

    public void disburse(String id, String ifMatch, DisbursementRequest body) {
        String agency = decision.agencyDeciding(id, ifMatch, body, DisbursementRequest::reference, "/reference");
        BigDecimal amountUsd = Money.positive(body.amountUsd(), "/amountUsd");
        String reference = body.reference().trim();
        Retries.inFreshTransactions(() -> commands.send(new IncentiveRequestCommand.RecordDisbursement(id, agency, amountUsd,
                reference)));
    }
}
