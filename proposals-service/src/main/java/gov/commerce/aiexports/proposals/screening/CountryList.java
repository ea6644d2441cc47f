package gov.commerce.aiexports.proposals.screening;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.Violations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One version of the country-group list, loaded by Commerce. Its id is its version, so a version is
 * loaded once (a second load collides in the event store). Its rescreening is completed once.
 */
public class CountryList {

    @AggregateIdentifier
    private String version;
    private boolean rescreened;

    protected CountryList() {
    }

    @CommandHandler
    public CountryList(CountryListCommand.LoadCountryList c) {
        Violations.invalidIfAny(CountryListPolicies.check(c.version(), c.groups(), c.effectiveAt(), c.inEffectSince()));
        apply(new CountryListEvent.Loaded(c.version(), c.effectiveAt(), c.groups()));
    }

    @CommandHandler
    void handle(CountryListCommand.CompleteRescreening c) {
        if (!rescreened) {
            apply(new CountryListEvent.RescreeningCompleted(version, c.proposalsChanged()));
        }
    }

    @EventSourcingHandler
    void on(CountryListEvent.Loaded e) {
        version = e.version();
    }

    @EventSourcingHandler
    void on(CountryListEvent.RescreeningCompleted e) {
        rescreened = true;
    }
}
