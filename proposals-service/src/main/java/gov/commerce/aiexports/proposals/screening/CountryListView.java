package gov.commerce.aiexports.proposals.screening;

import java.time.Instant;

/**
 * A version of the country-group list as readers see it. The bundled version (the one the service
 * ships with, in effect until Commerce loads another) has no loadedAt, loadedBy or rescreening.
 */
public record CountryListView(String version, Instant effectiveAt, Instant loadedAt, String loadedBy, CountryGroups groups,
        Rescreening rescreening) {

    /** When the proposals open at loading had all been screened again, and how many of them changed. */
    public record Rescreening(Instant completedAt, int proposalsChanged) {
    }
}
