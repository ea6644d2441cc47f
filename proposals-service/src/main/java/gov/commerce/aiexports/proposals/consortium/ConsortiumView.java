package gov.commerce.aiexports.proposals.consortium;

import java.util.ArrayList;
import java.util.List;

/** A consortium as readers see it; organisation is the anchor member's UEI, the owner of its proposals. */
public record ConsortiumView(String id, String name, String organisation, Member anchorMember, List<Member> members) {

    ConsortiumView with(List<Member> newMembers) {
        return new ConsortiumView(id, name, organisation, anchorMember, List.copyOf(newMembers));
    }

    public boolean hasMember(String uei) {
        return members.stream().anyMatch(m -> m.uei().equals(uei));
    }

    ConsortiumView plus(Member m) {
        List<Member> next = new ArrayList<>(members);
        next.add(m);
        return with(next);
    }

    ConsortiumView minus(String uei) {
        return with(members.stream().filter(m -> !m.uei().equals(uei)).toList());
    }
}
