package gov.commerce.aiexports.proposals.screening;

import java.util.Locale;
import java.util.Set;

/** The ISO 3166-1 alpha-2 codes (as the JDK knows them): "XX" or "usa" is not a country. */
public final class IsoCountries {

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private IsoCountries() {
    }

    public static boolean isCountry(String code) {
        return code != null && CODES.contains(code);
    }
}
