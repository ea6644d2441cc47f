package gov.commerce.aiexports.proposals.consortium.application;

import gov.commerce.aiexports.proposals.consortium.ConsortiumCommand;
import gov.commerce.aiexports.proposals.consortium.ConsortiumQueries;
import gov.commerce.aiexports.proposals.consortium.Member;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.Preconditions;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The anchor member's organisation adds or removes a member: the same steps (its own consortium, If-Match, the command). */
@Singleton
public class ChangeMembers {

    @Inject
    ConsortiumQueries consortia;
    @Inject
    RequestContext request;
    @Inject
    Preconditions preconditions;
    @Inject
    Commands commands;

    public void add(String id, String ifMatch, Member member) {
        checked(id, ifMatch);
        commands.send(new ConsortiumCommand.AddMember(id, member));
    }

    public void remove(String id, String ifMatch, String uei) {
        checked(id, ifMatch);
        commands.send(new ConsortiumCommand.RemoveMember(id, uei));
    }

    private void checked(String id, String ifMatch) {
        consortia.managed(request.caller(), id);
        preconditions.check(ifMatch, id, false);
    }
}
