package gov.commerce.aiexports.notifications.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.Violations;
import org.junit.jupiter.api.Test;

class ContactPoliciesTest {

    @Test
    void plain_addresses_of_agencies_and_consortia_pass() {
        Violations.invalidIfAny(ContactPolicies.check("STATE", "ai-exports@state.gov", "State desk"));
        Violations.invalidIfAny(ContactPolicies.check("ACME00000001", "bids+aiep@acme.example.com", null));
    }

    @Test
    void addresses_that_could_inject_headers_or_are_not_addresses_are_refused() {
        assertEquals("EMAIL_INVALID", rule("STATE", "desk@state.gov\r\nBcc: x@evil.example", null));
        assertEquals("EMAIL_INVALID", rule("STATE", "Desk <desk@state.gov>", null));
        assertEquals("EMAIL_INVALID", rule("STATE", "no-at-sign", null));
        assertEquals("FIELD_REQUIRED", rule("STATE", " ", null));
    }

    @Test
    void the_organisation_is_an_agency_code_or_a_uei() {
        assertEquals("ORGANISATION_INVALID", rule("NASA", "desk@nasa.gov", null));
        assertEquals("ORGANISATION_INVALID", rule("acme", "desk@acme.example.com", null));
        assertEquals("NAME_TOO_LONG", rule("STATE", "desk@state.gov", "x".repeat(201)));
    }

    @Test
    void addresses_compare_without_case() {
        assertEquals("desk@state.gov", ContactPolicies.normalise(" Desk@State.GOV "));
    }

    private static String rule(String org, String email, String name) {
        return assertThrows(InvalidInput.class, () -> Violations.invalidIfAny(ContactPolicies.check(org, email, name))).first().rule();
    }
}
