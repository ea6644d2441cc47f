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
import gov.commerce.aiexports.runtime.request.QueryParameters;
import java.util.UUID;

/** The applicant drafts a proposal for a call its consortium may see, for its own consortium. */
@Singleton
public class DraftProposal {

    @Inject
    ApplicantSteps applicant;
    @Inject
    CallQueries calls;
    @Inject
    RequestContext request;
    @Inject
    Commands commands;

    /** Returns the new proposal's id. */
    public String draft(ProposalRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        if (body.callId() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/callId", "callId is required");
        }
        // a malformed call id is bad input (400 at /callId), not a call that is not there (404)
        QueryParameters.identifier(body.callId(), "callId");
        ConsortiumView consortium = applicant.ownConsortium(body.consortiumId());
        calls.visible(request.caller(), body.callId());
        String id = UUID.randomUUID().toString();
        commands.send(new ProposalCommand.DraftProposal(id, body.callId(), consortium.id(), consortium.organisation(),
                body.content()));
        return id;
    }
}
