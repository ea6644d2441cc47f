package gov.commerce.aiexports.proposals.screening;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versions of the country-group list: the bundled one (resources/screening/country-groups.json,
 * in effect from its asOf date) and those Commerce loaded since, each in effect from its effectiveAt
 * until the next one's.
 */
@Singleton
public class CountryLists {

    private static final CountryGroups BUNDLED = CountryGroups.load();

    @Inject
    Documents documents;

    public static CountryListView bundled() {
        return new CountryListView(BUNDLED.version(), LocalDate.parse(BUNDLED.asOf()).atStartOfDay().toInstant(ZoneOffset.UTC), null,
                null, BUNDLED, null);
    }

    /** The version that screens a submission made at {@code at}. */
    public CountryListView inEffect(Instant at) {
        return documents.query("select doc from " + CountryListProjection.TABLE + " where effective_at <= ?"
                + " order by effective_at desc limit 1", CountryListView.class, at).stream().findFirst().orElse(bundled());
    }

    /** The latest version by effective date, in effect now or later: a new version must take effect after it. */
    public CountryListView latest() {
        return documents.query("select doc from " + CountryListProjection.TABLE + " order by effective_at desc limit 1",
                CountryListView.class).stream().findFirst().orElse(bundled());
    }

    public Optional<CountryListView> find(String version) {
        if (BUNDLED.version().equals(version)) {
            return Optional.of(bundled());
        }
        return documents.find(CountryListProjection.TABLE, version, CountryListView.class);
    }

    /** Every version, oldest first, the bundled one included. */
    public List<CountryListView> history() {
        List<CountryListView> all = new ArrayList<>(List.of(bundled()));
        all.addAll(documents.query("select doc from " + CountryListProjection.TABLE + " order by effective_at",
                CountryListView.class));
        return all;
    }

    /** Loaded versions whose rescreening has not been completed (a crash, or another instance still at work). */
    public List<CountryListView> awaitingRescreening() {
        return documents.query("select doc from " + CountryListProjection.TABLE + " where doc->'rescreening' is null"
                + " or jsonb_typeof(doc->'rescreening') = 'null' order by effective_at", CountryListView.class);
    }
}
