package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.proposals.screening.CountryGroups;
import java.time.Instant;
import java.util.Set;

/**
 * What the submission checks need beside the proposal itself, read by the application layer at
 * the moment of submission: whether the call is open on the server's clock, what it offers, who
 * the consortium's members are, and the country list in force.
 */
public record SubmissionContext(boolean callOpen, Set<String> offeredInstruments, Set<String> memberUeis,
        CountryGroups countryGroups, Instant now) {
}
