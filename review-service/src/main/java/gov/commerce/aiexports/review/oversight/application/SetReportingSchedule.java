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

/** Commerce sets how often the consortium reports its progress (one transaction with the oversight's opening). */
@ApplicationScoped
public class SetReportingSchedule {

    public enum Frequency { MONTHLY, QUARTERLY, SEMI_ANNUAL, ANNUAL }

    public record ScheduleRequest(Frequency frequency, LocalDate firstPeriodStart, Integer reportDueDays) {
    }

    @Inject
    Obligations obligations;
    @Inject
    Commands commands;

    @Transactional
    public void set(String number, String ifMatch, ScheduleRequest body) {
        obligations.open(number, ifMatch, body);
        commands.send(new OversightCommand.SetReportingSchedule(number, body.frequency() == null ? null : body.frequency().name(),
                body.firstPeriodStart(), body.reportDueDays()));
    }
}
