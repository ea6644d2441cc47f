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

/** Commerce sets the date by which a condition of the designation is to be met (one transaction with the oversight's opening). */
@ApplicationScoped
public class SetConditionDueDate {

    public record DueDateRequest(LocalDate dueDate) {
    }

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    @Transactional
    public void set(String number, String conditionId, String ifMatch, DueDateRequest body) {
        obligations.open(number, ifMatch, body);
        commands.send(new OversightCommand.SetConditionDueDate(number, conditionId, body.dueDate(), FederalTime.today(clock)));
    }
}
