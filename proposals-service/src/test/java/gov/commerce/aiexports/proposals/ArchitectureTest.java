package gov.commerce.aiexports.proposals;

import gov.commerce.aiexports.testsupport.ArchitectureRules;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String SERVICE = "gov.commerce.aiexports.proposals";
    private static final String RUNTIME = "gov.commerce.aiexports.runtime";

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

    @Test
    void rules_are_policies_whose_checks_return_their_violations() {
        ArchitectureRules.rulesHaveOneShape(SERVICE, Set.of());
    }

    /**
     * The rules of attached files are service-runtime's (DocumentPolicies, in runtime.files) and apply to
     * this service's documents: service-runtime has no ArchUnit, so they are held to the one shape here.
     */
    @Test
    void the_runtime_rules_this_service_applies_have_the_same_shape() {
        ArchitectureRules.rulesHaveOneShape(RUNTIME, Set.of());
    }
}
