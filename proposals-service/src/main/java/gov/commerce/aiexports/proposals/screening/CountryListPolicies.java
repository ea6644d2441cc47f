package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a new version of the country-group list must be before it can screen anything:
 * COUNTRY_LIST_VERSION_INVALID, EFFECTIVE_AT_REQUIRED, EFFECTIVE_AT_NOT_AFTER_CURRENT (a version takes
 * effect after the one in effect), COUNTRY_CODE_UNKNOWN (every code in every group an ISO 3166-1
 * alpha-2 code), REGION_INVALID (an ISO 3166-2 code of its country, with at least one name).
 */
public final class CountryListPolicies {

    private CountryListPolicies() {
    }

    public static List<Violation> check(String version, CountryGroups g, Instant effectiveAt, Instant inEffectSince) {
        Checks checks = new Checks()
                .require(version != null && version.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "COUNTRY_LIST_VERSION_INVALID",
                        "/version", "a version is 1 to 64 letters, digits, dots, dashes or underscores")
                .require(effectiveAt != null, "EFFECTIVE_AT_REQUIRED", "/effectiveAt", "effectiveAt is required");
        if (effectiveAt != null && inEffectSince != null) {
            checks.require(effectiveAt.isAfter(inEffectSince), "EFFECTIVE_AT_NOT_AFTER_CURRENT", "/effectiveAt",
                    "a new version takes effect after the version in effect, which took effect at " + inEffectSince);
        }
        codes(checks, "E1", g.E1());
        codes(checks, "E2", g.E2());
        codes(checks, "ofacComprehensiveCountries", g.ofacComprehensiveCountries());
        codes(checks, "D1", g.D1());
        codes(checks, "D5", g.D5());
        List<CountryGroups.Region> regions = g.ofacComprehensiveRegions();
        for (int i = 0; i < regions.size(); i++) {
            CountryGroups.Region r = regions.get(i);
            String at = "/ofacComprehensiveRegions/" + i;
            if (r == null) {
                checks.require(false, "REGION_INVALID", at, "a region has its code, its country and at least one name");
                continue;
            }
            boolean countryKnown = r.country() != null && IsoCountries.isCountry(r.country());
            checks.require(countryKnown, "COUNTRY_CODE_UNKNOWN", at + "/country",
                    "a region's country is an ISO 3166-1 alpha-2 code");
            checks.require(r.code() != null && r.code().matches("[A-Z]{2}-[A-Z0-9]{1,3}")
                    && (!countryKnown || r.code().startsWith(r.country() + "-")), "REGION_INVALID", at + "/code",
                    "a region's code is the ISO 3166-2 code of a subdivision of its country");
            checks.require(r.names() != null && !r.names().isEmpty() && r.names().stream().allMatch(n -> n != null && !n.isBlank()),
                    "REGION_INVALID", at + "/names", "a region has at least one name, none blank");
        }
        for (Map.Entry<String, String> e : g.treatedAs().entrySet()) {
            checks.require(IsoCountries.isCountry(e.getKey()) && IsoCountries.isCountry(e.getValue()), "COUNTRY_CODE_UNKNOWN",
                    "/treatedAs/" + e.getKey(), "treatedAs maps an ISO 3166-1 alpha-2 code to another");
        }
        return checks.violations();
    }

    private static void codes(Checks checks, String group, List<String> codes) {
        checks.require(codes != null, "FIELD_REQUIRED", "/" + group, group + " is required (it may be empty)");
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            checks.require(c != null && IsoCountries.isCountry(c), "COUNTRY_CODE_UNKNOWN", "/" + group + "/" + i,
                    "an element of " + group + " is not an ISO 3166-1 alpha-2 code");
        }
    }
}
