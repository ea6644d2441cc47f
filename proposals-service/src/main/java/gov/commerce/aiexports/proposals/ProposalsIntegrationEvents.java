package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.proposals.call.CallEvent;
import gov.commerce.aiexports.proposals.proposal.ProposalEvent;
import gov.commerce.aiexports.runtime.publishing.IntegrationEventMapper;
import jakarta.inject.Singleton;
import java.util.Optional;

/** What proposals-service tells the other services. Drafts and edits stay inside. */
@Singleton
public class ProposalsIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationPayload> toIntegration(Object event) {
        if (event instanceof CallEvent.Published e) {
            var t = e.terms();
            return Optional.of(new CallPublished(e.callId(), t.title(), t.fiscalYear(), t.opensAt(), t.closesAt(),
                    t.gracePeriodHours(), t.instruments(), t.requiredAgencies(), e.version()));
        }
        if (event instanceof CallEvent.Amended e) {
            var t = e.terms();
            return Optional.of(new gov.commerce.aiexports.events.proposals.CallAmended(e.callId(), t.title(), t.fiscalYear(),
                    t.opensAt(), t.closesAt(), t.gracePeriodHours(), t.instruments(), t.requiredAgencies(), e.version(),
                    e.modificationComment()));
        }
        if (event instanceof ProposalEvent.Resubmitted e) {
            return Optional.of(new gov.commerce.aiexports.events.proposals.ProposalResubmitted(e.proposalId(), e.trackingNumber(),
                    e.applicantOrganisation(), e.informationRequestId(), e.response(), e.content().title(),
                    e.content().targetCountries(), e.content().incentiveLines(), e.flags(), e.countryListVersion(),
                    e.resubmittedAt(), confidentialSections(e.content())));
        }
        if (event instanceof ProposalEvent.Submitted e) {
            return Optional.of(new ProposalSubmitted(e.proposalId(), e.trackingNumber(), e.callId(), e.fiscalYear(),
                    e.consortiumId(), e.consortiumName(), e.applicantOrganisation(), e.content().title(),
                    e.content().targetCountries(), e.content().incentiveLines(), e.requiredAgencies(), e.flags(),
                    e.countryListVersion(), e.submittedAt(), confidentialSections(e.content())));
        }
        if (event instanceof ProposalEvent.Rescreened e) {
            return Optional.of(new gov.commerce.aiexports.events.proposals.ProposalRescreened(e.proposalId(), e.trackingNumber(),
                    e.applicantOrganisation(), e.status(), e.previousListVersion(), e.listVersion(), e.findings(), e.rescreenedAt(),
                    e.confidentialSections()));
        }
        if (event instanceof ProposalEvent.Withdrawn e) {
            return Optional.of(new ProposalWithdrawn(e.proposalId(), e.applicantOrganisation(), e.reason(), e.withdrawnAt(),
                    e.relinquishedDesignation() != null, e.relinquishedDesignation()));
        }
        return Optional.empty();
    }

    /** The names of the sections marked confidential, never their values or justifications. */
    private static java.util.List<String> confidentialSections(gov.commerce.aiexports.proposals.proposal.ProposalContent content) {
        return content == null || content.confidentialSections() == null ? java.util.List.of()
                : content.confidentialSections().stream().filter(c -> c != null && c.section() != null)
                        .map(gov.commerce.aiexports.proposals.proposal.ProposalContent.ConfidentialSection::section).distinct().toList();
    }
}
