package gov.commerce.aiexports.proposals.consortium;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
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
        if (command.name() == null || command.name().isBlank()) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("FIELD_REQUIRED", "/name", "name is required");
        }
        Violations.invalidIfAny(MembershipPolicies.checkWellFormed(command.anchorMember(), "/anchorMember"));
        List<Member> others = command.members() == null ? List.of() : command.members();
        for (int i = 0; i < others.size(); i++) {
            Violations.invalidIfAny(MembershipPolicies.checkWellFormed(others.get(i), "/members/" + i));
        }
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.List.of(command.anchorMember().uei()));
        for (int i = 0; i < others.size(); i++) {
            if (!seen.add(others.get(i).uei()) && !others.get(i).uei().equals(command.anchorMember().uei())) {
                throw new gov.commerce.aiexports.runtime.domain.InvalidInput("MEMBER_ALREADY_PRESENT", "/members/" + i,
                        others.get(i).uei() + " is listed twice");
            }
        }
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
        if (members.containsKey(command.member().uei())) {
            throw new StateConflict("MEMBER_ALREADY_PRESENT", "/uei", command.member().uei() + " is already a member");
        }
        apply(new ConsortiumEvent.MemberAdded(consortiumId, command.member()));
    }

    @CommandHandler
    void handle(ConsortiumCommand.RemoveMember command) {
        if (command.uei().equals(anchorUei)) {
            throw new RuleViolation("ANCHOR_MEMBER_REQUIRED", "/uei", "the anchor member cannot be removed");
        }
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
