package gov.commerce.aiexports.proposals.consortium;

public sealed interface ConsortiumEvent {

    String consortiumId();

    record Registered(String consortiumId, String name, Member anchorMember) implements ConsortiumEvent {
    }

    record MemberAdded(String consortiumId, Member member) implements ConsortiumEvent {
    }

    record MemberRemoved(String consortiumId, String uei) implements ConsortiumEvent {
    }
}
