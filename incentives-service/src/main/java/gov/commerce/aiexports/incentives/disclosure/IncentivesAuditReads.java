package gov.commerce.aiexports.incentives.disclosure;

import gov.commerce.aiexports.runtime.disclosure.AuditedReads;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Auditors' /audit reads here are accounted for with the marking this service knows of each proposal. */
@Singleton
public class IncentivesAuditReads extends AuditedReads {

    @Inject
    IncentivesDisclosure disclosure;

    @Override
    protected Map<String, Set<String>> marking(Collection<String> proposalIds) {
        return disclosure.marking(proposalIds);
    }
}
