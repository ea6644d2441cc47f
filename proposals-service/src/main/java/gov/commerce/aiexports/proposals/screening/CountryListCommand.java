package gov.commerce.aiexports.proposals.screening;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands on a version of the country-group list. */
public sealed interface CountryListCommand {

    /** Commerce loads a new version; {@code inEffectSince} is when the version in effect now took effect (rules compare). */
    record LoadCountryList(@TargetAggregateIdentifier String version, CountryGroups groups, Instant effectiveAt,
            Instant inEffectSince) implements CountryListCommand {
    }

    /** Every open proposal has been screened again against this version. */
    record CompleteRescreening(@TargetAggregateIdentifier String version, int proposalsChanged) implements CountryListCommand {
    }
}
