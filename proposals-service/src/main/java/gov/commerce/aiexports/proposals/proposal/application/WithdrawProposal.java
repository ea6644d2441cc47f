package gov.commerce.aiexports.proposals.proposal.application;

import gov.commerce.aiexports.proposals.call.CallQueries;
import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.proposals.consortium.ConsortiumView;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The applicant withdraws its proposal (a designated one: the withdrawal relinquishes the designation). */
@Singleton
public class WithdrawProposal {

    public record WithdrawRequest(String reason) {
    }

    @Inject
    ApplicantSteps applicant;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public void withdraw(String id, String ifMatch, WithdrawRequest body) {
        applicant.own(id);
        preconditions.check(ifMatch, id, false);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInput("FIELD_REQUIRED", "/reason", "a reason is required");
        }
        onFreshState(new ProposalCommand.WithdrawProposal(id, body.reason(), clock.instant()));
    }

    /**
     * The review's outcome (e.g. a designation) may be recorded on the proposal by the consumer at the
     * moment the applicant withdraws: losing that append is no reason to refuse the applicant, so
     * the withdrawal is tried again on the fresh state (where it may become a relinquishment).
     */
    private void onFreshState(ProposalCommand.WithdrawProposal command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.send(command);
                return;
            } catch (org.axonframework.modelling.command.ConcurrencyException lostRace) {
                if (attempt == 5) {
                    throw lostRace;
                }
            }
        }
    }
}
