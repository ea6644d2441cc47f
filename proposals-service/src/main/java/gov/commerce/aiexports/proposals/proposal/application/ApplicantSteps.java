package gov.commerce.aiexports.proposals.proposal.application;

import gov.commerce.aiexports.proposals.call.CallView;
import gov.commerce.aiexports.proposals.consortium.ConsortiumQueries;
import gov.commerce.aiexports.proposals.consortium.ConsortiumView;
import gov.commerce.aiexports.proposals.proposal.ProposalQueries;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.proposals.proposal.SubmissionContext;
import gov.commerce.aiexports.proposals.screening.CountryLists;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The steps the applicant's use cases share: its own proposal, its own consortium, what a submission is judged against. */
@Singleton
public class ApplicantSteps {

    @Inject
    ProposalQueries proposals;
    @Inject
    ConsortiumQueries consortia;
    @Inject
    RequestContext request;
    @Inject
    CountryLists countryLists;
    @Inject
    Clock clock;

    /** The caller's consortium's proposal (another's: 404). */
    ProposalView own(String id) {
        return proposals.owned(request.caller(), id);
    }

    ConsortiumView ownConsortium(String consortiumId) {
        if (consortiumId == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/consortiumId", "consortiumId is required");
        }
        ConsortiumView consortium = consortia.find(consortiumId)
                .orElseThrow(() -> new RuleViolation("CONSORTIUM_UNKNOWN", "/consortiumId", "no such consortium"));
        Caller caller = request.caller();
        if (!consortium.organisation().equals(caller.organisation())) {
            throw new RuleViolation("CONSORTIUM_NOT_OWNED", "/consortiumId",
                    "only the anchor member's organisation submits for a consortium");
        }
        return consortium;
    }

    /** What the aggregate judges a submission (or an answer that changes it) against, now. */
    SubmissionContext context(CallView call, ConsortiumView consortium) {
        Set<String> offered = call.instruments().stream().map(Enum::name).collect(Collectors.toSet());
        Set<String> members = new HashSet<>();
        consortium.members().forEach(m -> members.add(m.uei()));
        Instant now = clock.instant();
        return new SubmissionContext(call.acceptsSubmissionsAt(now), offered, members, countryLists.inEffect(now).groups(), now);
    }

    /** PROPOSAL_CALL_FIXED, PROPOSAL_CONSORTIUM_FIXED: a proposal stays in its call and with its consortium. */
    static void sameCallAndConsortium(ProposalRequest body, ProposalView current, String under) {
        new Checks()
                .require(body.callId() == null || body.callId().equals(current.callId), "PROPOSAL_CALL_FIXED", under + "/callId",
                        "a proposal stays in its call; draft a new proposal for another call")
                .require(body.consortiumId() == null || body.consortiumId().equals(current.consortiumId),
                        "PROPOSAL_CONSORTIUM_FIXED", under + "/consortiumId", "a proposal stays with its consortium")
                .throwIfInvalid();
    }
}
