package gov.commerce.aiexports.incentives;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.incentives.IncentiveDisbursementRecorded;
import gov.commerce.aiexports.events.incentives.IncentiveRequestApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestBoardApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeclined;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeobligated;
import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.incentives.request.IncentiveRequestEvent;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What incentives-service tells the other services: every decision on a line. Budget events and
 * refusal records stay inside (they concern no other service; auditors read them here).
 */
@Singleton
public class IncentivesIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof IncentiveRequestEvent.Opened e) {
            return Optional.of(new IncentiveRequestOpened(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.consortiumId(), e.applicantOrganisation(), e.instrument(), e.amountUsd(), e.tenorYears()));
        }
        if (event instanceof IncentiveRequestEvent.Routed e) {
            return Optional.of(new IncentiveRequestRouted(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), e.instrument(), e.amountUsd(), e.agency().name(), e.terms(),
                    e.creditSubsidyRatePercent()));
        }
        if (event instanceof IncentiveRequestEvent.BoardApproved e) {
            return Optional.of(new IncentiveRequestBoardApproved(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), "EXIM", e.amountUsd(), e.thresholdUsd(), e.reference()));
        }
        if (event instanceof IncentiveRequestEvent.Approved e) {
            return Optional.of(new IncentiveRequestApproved(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), e.agency().name(), e.instrument(), e.fiscalYear(), e.budgetId(),
                    e.faceAmountUsd(), e.creditSubsidyRatePercent(), e.budgetCostUsd()));
        }
        if (event instanceof IncentiveRequestEvent.Declined e) {
            return Optional.of(new IncentiveRequestDeclined(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), e.agency().name(), e.reason()));
        }
        if (event instanceof IncentiveRequestEvent.Deobligated e) {
            return Optional.of(new IncentiveRequestDeobligated(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), e.agency().name(), e.budgetId(), e.amountUsd(), e.budgetCostReturnedUsd(),
                    e.commitmentAfterUsd(), e.reason()));
        }
        if (event instanceof IncentiveRequestEvent.Disbursed e) {
            return Optional.of(new IncentiveDisbursementRecorded(e.incentiveRequestId(), e.proposalId(), e.designationNumber(),
                    e.applicantOrganisation(), e.agency().name(), e.amountUsd(), e.reference(), e.disbursedTotalUsd(),
                    e.undisbursedUsd()));
        }
        if (event instanceof IncentiveRequestEvent.Cancelled e) {
            return Optional.of(new gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled(e.incentiveRequestId(),
                    e.proposalId(), e.designationNumber(), e.applicantOrganisation(), e.agency() == null ? null : e.agency().name(),
                    e.instrument().name(), e.amountUsd(), e.cause(), e.reason()));
        }
        if (event instanceof IncentiveRequestEvent.FlaggedForDeobligation e) {
            return Optional.of(new gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation(
                    e.incentiveRequestId(), e.proposalId(), e.designationNumber(), e.applicantOrganisation(), e.agency().name(),
                    e.budgetId(), e.undisbursedUsd(), e.budgetCostUsd(), e.cause(), e.reason()));
        }
        return Optional.empty();
    }
}
