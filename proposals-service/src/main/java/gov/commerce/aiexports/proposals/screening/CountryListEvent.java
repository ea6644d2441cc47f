package gov.commerce.aiexports.proposals.screening;

import java.time.Instant;

/** What happened to a version of the country-group list. */
public sealed interface CountryListEvent {

    String version();

    /** Commerce loaded it; submissions from effectiveAt on are screened against it. */
    record Loaded(String version, Instant effectiveAt, CountryGroups groups) implements CountryListEvent {
    }

    /** The proposals open when it was loaded have all been screened again against it (proposalsChanged of them differ). */
    record RescreeningCompleted(String version, int proposalsChanged) implements CountryListEvent {
    }
}
