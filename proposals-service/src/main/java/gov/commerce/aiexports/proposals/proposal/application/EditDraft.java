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

/** The applicant edits its draft; If-Match carries the version read (428 without, 412 when stale). */
@Singleton
public class EditDraft {

    @Inject
    ApplicantSteps applicant;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void edit(String id, String ifMatch, ProposalRequest body) {
        ProposalView current = applicant.own(id);
        preconditions.check(ifMatch, id, true);
        // the version checked (null for If-Match: *, a deliberate overwrite)
        Long expected = request.expectation() == null ? null : request.expectation().version();
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        ApplicantSteps.sameCallAndConsortium(body, current, "");
        commands.send(new ProposalCommand.EditProposal(current.id, expected, body.content()));
    }
}
