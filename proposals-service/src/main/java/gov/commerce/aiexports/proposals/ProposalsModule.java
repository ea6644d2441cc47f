package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.proposals.call.Call;
import gov.commerce.aiexports.proposals.call.CallProjection;
import gov.commerce.aiexports.proposals.consortium.Consortium;
import gov.commerce.aiexports.proposals.consortium.ConsortiumProjection;
import gov.commerce.aiexports.proposals.proposal.Proposal;
import gov.commerce.aiexports.proposals.proposal.ProposalProjection;
import gov.commerce.aiexports.runtime.axon.ServiceModule;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** proposals-service's aggregates and read models. */
@Singleton
public class ProposalsModule implements ServiceModule {

    @Inject
    Documents documents;

    @Override
    public List<Class<?>> aggregates() {
        return List.of(Call.class, Consortium.class, Proposal.class, gov.commerce.aiexports.proposals.screening.CountryList.class);
    }

    @Override
    public List<Object> projections() {
        return List.of(new CallProjection(documents), new ConsortiumProjection(documents), new ProposalProjection(documents),
                new gov.commerce.aiexports.proposals.screening.CountryListProjection(documents),
                new gov.commerce.aiexports.proposals.report.ProgramReportProjection(documents),
                new gov.commerce.aiexports.proposals.document.DocumentProjection(documents));
    }

    @Override
    public List<org.axonframework.serialization.upcasting.event.EventUpcaster> upcasters() {
        return List.of(new gov.commerce.aiexports.proposals.consortium.MemberAddedUpcaster());
    }
}
