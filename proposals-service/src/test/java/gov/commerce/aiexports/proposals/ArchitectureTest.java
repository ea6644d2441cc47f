package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.testsupport.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String SERVICE = "gov.commerce.aiexports.proposals";

    @Test
    void domain_logic_stays_free_of_frameworks() {
        ArchitectureRules.check(SERVICE);
    }

    /** ProposalResource reads calls through CallQueries, the public feed its stamps through CallQueries: no known gap left. */
    @Test
    void resources_map_http_only() {
        ArchitectureRules.resourcesStayAtTheEdge(SERVICE, Set.of());
    }

    @Test
    void use_cases_are_application_classes_and_resources_call_them() {
        ArchitectureRules.useCasesLiveInApplicationPackages(SERVICE);
    }

    /**
     * DocumentRules (codes only) and ContentPolicy (what a file may be) are the document concept's
     * rules under other names: left while they move to service-runtime's files package.
     */
    @Test
    void rules_are_policies_whose_checks_return_their_violations() {
        ArchitectureRules.rulesHaveOneShape(SERVICE, Set.of("DocumentRules", "ContentPolicy"));
    }
}
