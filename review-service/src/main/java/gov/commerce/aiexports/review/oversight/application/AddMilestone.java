package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.events.FederalTime;
import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.review.review.ReviewView;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commerce adds a milestone the consortium owes (one transaction with the oversight's opening). */
@ApplicationScoped
public class AddMilestone {

    public enum MilestoneKind { DEPLOYMENT, FINANCING_CLOSE, FIRST_REVENUE, OTHER }

    /** country: for a deployment, the target country (ISO 3166-1 alpha-2); lineNumber: the endorsed line it belongs to. */
    public record MilestoneRequest(MilestoneKind kind, String description, String country, Integer lineNumber, LocalDate dueDate) {
    }

    private static final java.util.Set<String> COUNTRIES = java.util.Set.copyOf(
            java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2));

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @Transactional
    public void add(String number, String ifMatch, MilestoneRequest body) {
        ReviewView review = obligations.open(number, ifMatch, body);
        if (body.country() != null && !COUNTRIES.contains(body.country())) {
            throw new gov.commerce.aiexports.runtime.domain.InvalidInput("COUNTRY_INVALID", "/country",
                    "country is an ISO 3166-1 alpha-2 code such as VN");
        }
        int lines = review.determination.endorsedIncentives() == null ? 0 : review.determination.endorsedIncentives().size();
        commands.send(new OversightCommand.AddMilestone(number, body.kind() == null ? null : body.kind().name(),
                body.description(), body.country(), body.lineNumber(), body.dueDate(), lines, FederalTime.today(clock)));
    }
}
