package gov.commerce.aiexports.incentives.request.application;

import gov.commerce.aiexports.incentives.request.FinancingAgency;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.incentives.request.IncentiveRequestQueries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** EXIM's board approves a line above its threshold; only EXIM's financing officers record it. */
@Singleton
public class RecordBoardApproval {

    public record BoardApprovalRequest(String reference, String notes) {
    }

    @Inject
    IncentiveRequestQueries lines;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void record(String id, String ifMatch, BoardApprovalRequest body) {
        Caller caller = request.caller();
        if (!FinancingAgency.EXIM.name().equals(caller.organisation())) {
            throw new ForbiddenException("only EXIM's financing officers record EXIM board approvals");
        }
        Bodies.require(body);
        new Checks().required(body.reference(), "/reference").throwIfInvalid();
        lines.existing(id);
        preconditions.check(ifMatch, id, false);
        commands.send(new IncentiveRequestCommand.RecordBoardApproval(id, caller.organisation(), body.reference().trim(),
                body.notes()));
    }
}
