package gov.commerce.aiexports.proposals.consortium;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import gov.commerce.aiexports.runtime.request.OrganisationScope;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Every read of consortia: as a caller may read one, as its anchor member manages it, for a proposal drafted for it. */
@Singleton
public class ConsortiumQueries {

    @Inject
    Documents documents;

    public Optional<ConsortiumView> find(String id) {
        return documents.find(ConsortiumProjection.TABLE, id, ConsortiumView.class);
    }

    /** The consortium, if the caller may read it (another organisation's: 404). */
    public ConsortiumView readable(Caller caller, String id) {
        return OrganisationScope.readable(caller, find(id), ConsortiumView::organisation, "consortium", id);
    }

    /** Only the anchor member's organisation manages the consortium; others do not learn it exists. */
    public ConsortiumView managed(Caller caller, String id) {
        return OrganisationScope.owned(caller, find(id), ConsortiumView::organisation, "consortium", id);
    }
}
