package gov.commerce.aiexports.proposals.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The export-control country groups as data with a version (resources/screening/country-groups.json),
 * so that a list change is a data change and every screening records which version it used.
 */
public record CountryGroups(String version, String source, String asOf, Set<String> E1, Set<String> E2,
        Set<String> ofacComprehensiveCountries, Set<String> ofacComprehensiveRegions, Set<String> D1, Set<String> D5) {

    public static CountryGroups load() {
        try (InputStream in = CountryGroups.class.getResourceAsStream("/screening/country-groups.json")) {
            if (in == null) {
                throw new IllegalStateException("screening/country-groups.json is missing");
            }
            return new ObjectMapper().readValue(in, CountryGroups.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean embargoed(String country) {
        return E1.contains(country) || E2.contains(country) || ofacComprehensiveCountries.contains(country);
    }
}
