package gov.commerce.aiexports.proposals.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The export-control country groups as data with a version (resources/screening/country-groups.json),
 * so that a list change is a data change and every screening records which version it used.
 * Regions under a comprehensive programme are data too (code, country, the names applicants write),
 * and so is the treatment of one country as another ({@code treatedAs}: since 2020 the EAR treat
 * Hong Kong as China, so it takes China's groups).
 */
public record CountryGroups(String version, String source, String asOf, List<String> E1, List<String> E2,
        List<String> ofacComprehensiveCountries, List<Region> ofacComprehensiveRegions, List<String> D1, List<String> D5,
        Map<String, String> treatedAs) {

    /** A region by its ISO 3166-2 code, its country and the names it is written under. */
    public record Region(String code, String country, List<String> names) {

        /** Whether an applicant's region (a code or a name, in any case, spacing or accents) designates this region. */
        boolean designatedBy(String written) {
            String w = normalised(written);
            if (w.isEmpty()) {
                return false;
            }
            if (w.equals(normalised(code))) {
                return true;
            }
            for (String name : names) {
                String n = normalised(name);
                // "Donetsk region", "Crimea (Krym)": the region's own name inside what was written
                if (w.equals(n) || (n.length() >= 5 && w.contains(n))) {
                    return true;
                }
            }
            return false;
        }
    }

    public CountryGroups {
        treatedAs = treatedAs == null ? Map.of() : Map.copyOf(treatedAs);
        ofacComprehensiveRegions = ofacComprehensiveRegions == null ? List.of() : List.copyOf(ofacComprehensiveRegions);
    }

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

    /** The country whose groups apply to this one: itself, or the one the list treats it as. */
    public String groupsOf(String country) {
        return treatedAs.getOrDefault(country, country);
    }

    public boolean embargoed(String country) {
        String c = groupsOf(country);
        return E1.contains(c) || E2.contains(c) || ofacComprehensiveCountries.contains(c);
    }

    public boolean inD1(String country) {
        return D1.contains(groupsOf(country));
    }

    public boolean inD5(String country) {
        return D5.contains(groupsOf(country));
    }

    /** The sanctioned region a target's region designates, whatever country it is given under. */
    public Optional<Region> sanctionedRegion(String written) {
        if (written == null) {
            return Optional.empty();
        }
        return ofacComprehensiveRegions.stream().filter(r -> r.designatedBy(written)).findFirst();
    }

    private static String normalised(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
