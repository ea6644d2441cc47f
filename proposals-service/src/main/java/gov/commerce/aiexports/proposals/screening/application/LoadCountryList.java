package gov.commerce.aiexports.proposals.screening.application;

import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.proposals.screening.CountryListCommand;
import gov.commerce.aiexports.proposals.screening.CountryLists;
import gov.commerce.aiexports.proposals.screening.Rescreening;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Commerce loads a new version of the country groups: it screens submissions from its effective
 * date and, at once, every open proposal and designation again.
 */
@Singleton
public class LoadCountryList {

    public record CountryListRequest(String version, Instant effectiveAt, String source, List<String> E1, List<String> E2,
            List<String> ofacComprehensiveCountries, List<CountryGroups.Region> ofacComprehensiveRegions, List<String> D1,
            List<String> D5, Map<String, String> treatedAs) {
    }

    @Inject
    CountryLists lists;
    @Inject
    Commands commands;
    @Inject
    Rescreening rescreening;

    public void load(CountryListRequest body) {
        if (body == null) {
            throw new InvalidInput("FIELD_REQUIRED", "", "a body is required");
        }
        if (body.version() != null && lists.find(body.version()).isPresent()) {
            throw new StateConflict("COUNTRY_LIST_VERSION_EXISTS", "/version", "version " + body.version() + " is already loaded");
        }
        CountryGroups groups = new CountryGroups(body.version(), body.source(),
                body.effectiveAt() == null ? null : body.effectiveAt().atZone(ZoneOffset.UTC).toLocalDate().toString(), body.E1(),
                body.E2(), body.ofacComprehensiveCountries(), body.ofacComprehensiveRegions(), body.D1(), body.D5(), body.treatedAs());
        commands.send(new CountryListCommand.LoadCountryList(body.version(), groups, body.effectiveAt(),
                lists.latest().effectiveAt()));
        rescreening.startAfterLoad(body.version());
    }
}
