package gov.commerce.aiexports.notifications;

import gov.commerce.aiexports.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domain_logic_stays_free_of_frameworks() {
        ArchitectureRules.check("gov.commerce.aiexports.notifications");
    }
}
