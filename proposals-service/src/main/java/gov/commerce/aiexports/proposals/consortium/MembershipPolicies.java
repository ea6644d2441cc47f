package gov.commerce.aiexports.proposals.consortium;

import gov.commerce.aiexports.proposals.screening.IsoCountries;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules on who may be a member, in one place:
 * <ul>
 * <li>{@code UEI_INVALID}: a UEI is 12 letters and digits (SAM.gov's Unique Entity ID);</li>
 * <li>{@code COUNTRY_INVALID}: countries are ISO 3166-1 alpha-2 codes;</li>
 * <li>{@code COUNTRY_OF_CONCERN_MEMBER}: no member located in or owned or controlled from a
 * country of concern (China, including Hong Kong and Macau);</li>
 * <li>{@code MEMBER_ALREADY_PRESENT}: a member is listed and added once; {@code ANCHOR_MEMBER_REQUIRED}: the
 * anchor member stays; {@code FIELD_REQUIRED}: a consortium has a name.</li>
 * </ul>
 * Each {@code check...} returns what it finds; the aggregate makes the refusal (400, 422 or 409, as
 * each method says).
 */
public final class MembershipPolicies {

    public static final Set<String> COUNTRIES_OF_CONCERN = Set.of("CN", "HK", "MO");
    private static final Pattern UEI = Pattern.compile("[A-Z0-9]{12}");
    private static final Set<String> LAYERS = Set.of("hardware", "dataPipelines", "models", "security", "applications");

    private MembershipPolicies() {
    }

    /** FIELD_REQUIRED (400): a consortium has a name. */
    public static List<Violation> checkName(String name) {
        return Violations.unless(name != null && !name.isBlank(), "FIELD_REQUIRED", "/name", "name is required");
    }

    /** MEMBER_ALREADY_PRESENT (400): a registration lists each member once (the first one listed twice is named). */
    public static List<Violation> checkListedOnce(Member anchor, List<Member> others) {
        Set<String> seen = new HashSet<>(List.of(anchor.uei()));
        for (int i = 0; i < others.size(); i++) {
            if (!seen.add(others.get(i).uei()) && !others.get(i).uei().equals(anchor.uei())) {
                return List.of(new Violation("MEMBER_ALREADY_PRESENT", "/members/" + i, others.get(i).uei() + " is listed twice"));
            }
        }
        return List.of();
    }

    /** MEMBER_ALREADY_PRESENT (409): a member is added once. */
    public static List<Violation> checkNotYetMember(Set<String> memberUeis, String uei) {
        return Violations.unless(!memberUeis.contains(uei), "MEMBER_ALREADY_PRESENT", "/uei", uei + " is already a member");
    }

    /** ANCHOR_MEMBER_REQUIRED (422): the anchor member stays. */
    public static List<Violation> checkNotAnchor(String anchorUei, String uei) {
        return Violations.unless(!uei.equals(anchorUei), "ANCHOR_MEMBER_REQUIRED", "/uei", "the anchor member cannot be removed");
    }

    /** Shape of the member's data: 400 when malformed. */
    public static List<Violation> checkWellFormed(Member m, String field) {
        Checks checks = new Checks().required(m, field);
        if (m != null) {
            checks.required(m.legalName(), field + "/legalName")
                    .require(m.uei() != null && UEI.matcher(m.uei()).matches(), "UEI_INVALID", field + "/uei",
                            "a UEI is 12 capital letters and digits")
                    .require(IsoCountries.isCountry(m.countryOfIncorporation()),
                            "COUNTRY_INVALID", field + "/countryOfIncorporation", "an ISO 3166-1 alpha-2 code is required")
                    .require(IsoCountries.isCountry(m.controlledFrom()),
                            "COUNTRY_INVALID", field + "/controlledFrom", "an ISO 3166-1 alpha-2 code is required")
                    .require(m.layers() == null || LAYERS.containsAll(m.layers()), "LAYER_INVALID", field + "/layers",
                            "layers are among " + LAYERS);
        }
        return checks.violations();
    }

    /** COUNTRY_OF_CONCERN_MEMBER: 422. */
    public static List<Violation> checkNotFromCountryOfConcern(Member m, String field) {
        if (COUNTRIES_OF_CONCERN.contains(m.countryOfIncorporation())) {
            return List.of(new Violation("COUNTRY_OF_CONCERN_MEMBER", field + "/countryOfIncorporation",
                    m.legalName() + " is located in a country of concern (" + m.countryOfIncorporation() + ")"));
        }
        if (COUNTRIES_OF_CONCERN.contains(m.controlledFrom())) {
            return List.of(new Violation("COUNTRY_OF_CONCERN_MEMBER", field + "/controlledFrom",
                    m.legalName() + " is owned or controlled from a country of concern (" + m.controlledFrom() + ")"));
        }
        return List.of();
    }
}
