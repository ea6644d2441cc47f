package gov.commerce.aiexports.proposals.consortium;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipPoliciesTest {

    private static Member member(String uei, String incorporated, String controlled) {
        return new Member("Name", uei, incorporated, controlled, List.of("hardware"));
    }

    @Test
    void a_uei_is_twelve_capital_letters_and_digits() {
        assertDoesNotThrow(() -> Violations.invalidIfAny(MembershipPolicies.checkWellFormed(member("ABCDEF123456", "US", "US"), "/m")));
        for (String bad : List.of("ABC", "abcdef123456", "ABCDEF12345!", "ABCDEF1234567")) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> Violations.invalidIfAny(MembershipPolicies.checkWellFormed(member(bad, "US", "US"), "/m")));
            assertEquals("UEI_INVALID", e.first().rule());
            assertEquals("/m/uei", e.first().field());
        }
    }

    @Test
    void members_in_or_controlled_from_china_hong_kong_or_macau_are_refused() {
        for (String country : List.of("CN", "HK", "MO")) {
            RuleViolation located = assertThrows(RuleViolation.class,
                    () -> Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(member("ABCDEF123456", country, "US"), "/members/0")));
            assertEquals("COUNTRY_OF_CONCERN_MEMBER", located.first().rule());
            assertEquals("/members/0/countryOfIncorporation", located.first().field());
            RuleViolation controlled = assertThrows(RuleViolation.class,
                    () -> Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(member("ABCDEF123456", "SG", country), "")));
            assertEquals("/controlledFrom", controlled.first().field());
        }
        assertDoesNotThrow(() -> Violations.refuseIfAny(MembershipPolicies.checkNotFromCountryOfConcern(member("ABCDEF123456", "TW", "JP"), "")));
    }
}
