package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.incentives.request.IncentiveRequestEvent;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import jakarta.inject.Singleton;
import java.util.Optional;

@Singleton
public class IncentivesIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof IncentiveRequestEvent.Opened e) {
            return Optional.of(new IncentiveRequestOpened(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.consortiumId(), e.applicantOrganisation(), e.instrument(), e.amountUsd(), e.tenorYears()));
        }
        return Optional.empty();
    }
}
