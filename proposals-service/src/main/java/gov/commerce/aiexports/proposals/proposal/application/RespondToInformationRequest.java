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

/** The applicant answers an information request, changing its proposal's content or not; the changes are judged as a submission. */
@Singleton
public class RespondToInformationRequest {

    /** The answer to an information request; changes, when given, replace those top-level fields of the content they give (the rest is kept). */
    public record ResponseRequest(String informationRequestId, String response, ProposalRequest changes) {
    }

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

    public void respond(String id, String ifMatch, ResponseRequest body) {
        ProposalView proposal = applicant.own(id);
        preconditions.check(ifMatch, id, false);
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/response", "a response is required");
        }
        if (body.changes() != null) {
            ApplicantSteps.sameCallAndConsortium(body.changes(), proposal, "/changes");
        }
        CallView call = calls.visible(request.caller(), proposal.callId);
        ConsortiumView consortium = applicant.ownConsortium(proposal.consortiumId);
        commands.send(new ProposalCommand.RespondToInformationRequest(id, body.informationRequestId(), body.response(),
                body.changes() == null ? null : body.changes().content(), applicant.context(call, consortium)));
    }
}
