package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.Topics;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.incentives.request.IncentiveRequestCommand;
import gov.commerce.aiexports.runtime.consuming.IntegrationEventHandler;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A designation opens one incentive request per endorsed line. */
@Singleton
public class Designations implements IntegrationEventHandler {

    @Inject
    Commands commands;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REVIEW);
    }

    @Override
    public void handle(IntegrationEvent event) {
        if (!event.is(ProposalDesignated.class)) {
            return;
        }
        ProposalDesignated d = event.payloadAs(ProposalDesignated.class);
        List<IncentiveLine> lines = d.endorsedIncentives() == null ? List.of() : d.endorsedIncentives();
        for (int i = 0; i < lines.size(); i++) {
            IncentiveLine line = lines.get(i);
            String id = UUID.nameUUIDFromBytes((d.designationNumber() + ":" + (i + 1)).getBytes(StandardCharsets.UTF_8)).toString();
            commands.sendOnEvent(new IncentiveRequestCommand.OpenIncentiveRequest(id, d.proposalId(), d.designationNumber(),
                    i + 1, d.consortiumId(), d.applicantOrganisation(), line.instrument(), line.amountUsd(), line.tenorYears()),
                    event);
        }
    }
}
