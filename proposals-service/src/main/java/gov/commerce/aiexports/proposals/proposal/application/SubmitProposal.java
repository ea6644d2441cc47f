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

/** The applicant submits its proposal: judged against its call's terms, its consortium and the country lists in effect now. */
@Singleton
public class SubmitProposal {

    @Inject
    ApplicantSteps applicant;
    @Inject
    CallQueries calls;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void submit(String id, String ifMatch) {
        ProposalView proposal = applicant.own(id);
        preconditions.check(ifMatch, id, false);
        CallView call = calls.visible(request.caller(), proposal.callId);
        ConsortiumView consortium = applicant.ownConsortium(proposal.consortiumId);
        commands.send(new ProposalCommand.SubmitProposal(id, call.fiscalYear(), consortium.name(), call.requiredAgencies(),
                applicant.context(call, consortium)));
    }
}
