package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.axon.AxonRuntime;
import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.domain.NotFound;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.jboss.logging.Logger;

/**
 * Builds a budget's Antideficiency evidence from its stored events (never from the read model), so
 * that what it shows is what was decided; a failed check is logged at ERROR for the alerting.
 */
@Singleton
public class AntideficiencyReports {

    private static final Logger LOG = Logger.getLogger(AntideficiencyReports.class);

    @Inject
    AxonRuntime axon;

    public AntideficiencyReport of(String budgetId) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        axon.configuration().eventStore().readEvents(budgetId).asStream().forEach(messages::add);
        // another aggregate's id (a request, a proposal) is no budget either
        if (messages.isEmpty() || !(messages.get(0).getPayload() instanceof BudgetEvent.AppropriationRecorded first)) {
            throw new NotFound("budget", budgetId);
        }
        AntideficiencyReport report = AntideficiencyReport.of(budgetId, first.fiscalYear(), first.instrument().name(),
                messages.stream().map(AntideficiencyReports::stored).toList());
        if (!report.check().passed()) {
            LOG.errorf("ANTIDEFICIENCY CHECK FAILED for budget %s: %s", budgetId, report.check().findings());
        }
        return report;
    }

    private static AntideficiencyReport.Stored stored(DomainEventMessage<?> m) {
        Object actor = m.getMetaData().get(MetadataKeys.ACTOR_SUBJECT);
        return new AntideficiencyReport.Stored(m.getSequenceNumber(), m.getTimestamp(), actor == null ? null : actor.toString(),
                (BudgetEvent) m.getPayload());
    }
}
