package gov.commerce.aiexports.notifications.recipients;

import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.notifications.disclosure.ProposalFactsStore;
import gov.commerce.aiexports.notifications.routing.Directory;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** The routing rules' look-ups, on this service's read models. */
@Singleton
public class ReadModelDirectory implements Directory {

    @Inject
    Documents documents;

    @Inject
    ProposalFactsStore facts;

    @Override
    public ProposalFacts facts(String proposalId) {
        return facts.facts(proposalId);
    }

    /**
     * Through Documents, so that the consortia this poll group met and has not written yet (they join the group's
     * batched rows: KnownConsortiaProjection) are written first and counted: a call amended in the same group goes to
     * them too.
     */
    @Override
    public List<String> knownConsortia() {
        return documents.query("select to_jsonb(organisation) from " + KnownConsortiaProjection.TABLE + " order by organisation",
                String.class);
    }
}
