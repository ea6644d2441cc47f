package gov.commerce.aiexports.proposals.consortium;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A standing team of member organisations, managed by its anchor member. */
public class Consortium {

    @AggregateIdentifier
    private String consortiumId;
    private String anchorUei;
    private final Map<String, Member> members = new LinkedHashMap<>();

    protected Consortium() {
    }

    @CommandHandler
    public Consortium(ConsortiumCommand.RegisterConsortium command) {
        Violations.invalidIfAny(MembershipPolicies.checkName(command.name()));
        Violations.invalidIfAny(MembershipPolicies.checkWellFormed(command.anchorMember(), "/anchorMember"));
        List<Member> others = command.members() == null ? List.of() : command.members();
        for (int i = 0; i < others.size(); i++) {
            Violations.invalidIfAny(MembershipPolicies.checkWellFormed(others.get(i), "/members/" + i));
        }
        Violations.invalidIfAny(MembershipPolicies.checkListedOnce(command.anchorMember(), others));
        Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(command.anchorMember(), "/anchorMember"));
        for (int i = 0; i < others.size(); i++) {
            Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(others.get(i), "/members/" + i));
        }
        apply(new ConsortiumEvent.Registered(command.consortiumId(), command.name().trim(), command.anchorMember()));
        for (Member m : others) {
            if (!m.uei().equals(command.anchorMember().uei())) {
                apply(new ConsortiumEvent.MemberAdded(command.consortiumId(), m));
            }
        }
    }

    @CommandHandler
    void handle(ConsortiumCommand.AddMember command) {
        Violations.invalidIfAny(MembershipPolicies.checkWellFormed(command.member(), ""));
        Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(command.member(), ""));
        Violations.conflictIfAny(MembershipPolicies.checkNotYetMember(members.keySet(), command.member().uei()));
        apply(new ConsortiumEvent.MemberAdded(consortiumId, command.member()));
    }

    @CommandHandler
    void handle(ConsortiumCommand.RemoveMember command) {
        Violations.refuseIfAny(MembershipPolicies.checkNotAnchor(anchorUei, command.uei()));
        if (!members.containsKey(command.uei())) {
            throw new NotFound("member", command.uei());
        }
        apply(new ConsortiumEvent.MemberRemoved(consortiumId, command.uei()));
    }

    @EventSourcingHandler
    void on(ConsortiumEvent.Registered e) {
        consortiumId = e.consortiumId();
        anchorUei = e.anchorMember().uei();
        members.put(anchorUei, e.anchorMember());
    }

    @EventSourcingHandler
    void on(ConsortiumEvent.MemberAdded e) {
        members.put(e.member().uei(), e.member());
    }

    @EventSourcingHandler
    void on(ConsortiumEvent.MemberRemoved e) {
        members.remove(e.uei());
    }
}
