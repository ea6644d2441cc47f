package gov.commerce.aiexports.proposals.consortium.application;

import gov.commerce.aiexports.proposals.consortium.ConsortiumCommand;
import gov.commerce.aiexports.proposals.consortium.Member;
import gov.commerce.aiexports.proposals.consortium.MembershipPolicies;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violations;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** An applicant registers a consortium: it belongs to its anchor member's organisation, the only one that may register it. */
@Singleton
public class RegisterConsortium {

    public record RegisterRequest(String name, Member anchorMember, List<Member> members) {
    }

    @Inject
    RequestContext request;
    @Inject
    Commands commands;

    /** Returns the new consortium's id. */
    public String register(RegisterRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        // the missing part is named: the anchor member itself, or its uei
        if (body.anchorMember() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/anchorMember", "anchorMember is required");
        }
        if (body.anchorMember().uei() == null) {
            throw new InvalidInput("FIELD_REQUIRED", "/anchorMember/uei", "anchorMember's uei is required");
        }
        Violations.invalidIfAny(MembershipPolicies.checkWellFormed(body.anchorMember(), "/anchorMember"));
        // a consortium belongs to its anchor member's organisation: only that organisation may register it
        if (!body.anchorMember().uei().equals(request.caller().organisation())) {
            throw new ForbiddenException("the token's organisation must be the anchor member's UEI");
        }
        String id = UUID.randomUUID().toString();
        commands.send(new ConsortiumCommand.RegisterConsortium(id, body.name(), body.anchorMember(), body.members()));
        return id;
    }
}
