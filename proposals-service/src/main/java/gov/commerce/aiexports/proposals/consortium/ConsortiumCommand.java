package gov.commerce.aiexports.proposals.consortium;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public sealed interface ConsortiumCommand {

    record RegisterConsortium(@TargetAggregateIdentifier String consortiumId, String name, Member anchorMember,
            List<Member> members) implements ConsortiumCommand {
    }

    record AddMember(@TargetAggregateIdentifier String consortiumId, Member member) implements ConsortiumCommand {
    }

    record RemoveMember(@TargetAggregateIdentifier String consortiumId, String uei) implements ConsortiumCommand {
    }
}
