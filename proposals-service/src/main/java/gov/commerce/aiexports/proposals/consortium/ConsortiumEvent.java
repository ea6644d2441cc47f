package gov.commerce.aiexports.proposals.consortium;

import org.axonframework.serialization.Revision;

public sealed interface ConsortiumEvent {

    String consortiumId();

    record Registered(String consortiumId, String name, Member anchorMember) implements ConsortiumEvent {
    }

    /**
     * Revision 2: a member's country of incorporation and the country it is controlled from are
     * two fields; revision 1 stored one {@code country}. {@link MemberAddedUpcaster} reads the old ones.
     */
    @Revision("2")
    record MemberAdded(String consortiumId, Member member) implements ConsortiumEvent {
    }

    record MemberRemoved(String consortiumId, String uei) implements ConsortiumEvent {
    }
}
