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
    @Inject
    gov.commerce.aiexports.runtime.readmodel.Documents documents;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = gov.commerce.aiexports.events.EventCodec.mapper();

    /** How the report folded from the stored events compares with the one the replayable projection holds. */
    public enum ReplayAgreement { MATCHES, DIFFERS, BEHIND }

    /** A budget's stored events, in order. */
    public static List<AntideficiencyReport.Stored> history(org.axonframework.eventsourcing.eventstore.EventStore store, String budgetId) {
        return store.readEvents(budgetId).asStream().filter(m -> m.getPayload() instanceof BudgetEvent).map(AntideficiencyReports::stored)
                .toList();
    }

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

    /**
     * The report as the Antideficiency projection holds it (rebuilt by a replay of the event store,
     * one row per event worked out from the row before), or empty if it holds nothing of the budget.
     */
    public java.util.Optional<AntideficiencyReport> replayed(String budgetId) {
        List<AntideficiencyProjection.Row> rows = documents.query("select doc from " + AntideficiencyProjection.TABLE
                + " where budget_id = ? order by sequence", AntideficiencyProjection.Row.class, budgetId);
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<AntideficiencyReport.Entry> entries = rows.stream().map(AntideficiencyProjection.Row::entry).toList();
        List<AntideficiencyReport.Finding> findings = rows.stream().flatMap(r -> r.findings().stream()).toList();
        return java.util.Optional.of(AntideficiencyReport.of(budgetId, rows.get(0).fiscalYear(), rows.get(0).instrument(), entries,
                findings));
    }

    /**
     * MATCHES when the projection holds the same evidence (amounts compared by value), BEHIND while
     * it has not applied as many events as the fold read, DIFFERS otherwise (logged at ERROR).
     */
    public ReplayAgreement agreement(AntideficiencyReport folded) {
        java.util.Optional<AntideficiencyReport> replayed = replayed(folded.budgetId());
        if (replayed.isEmpty() || replayed.get().entries().size() != folded.entries().size()) {
            return ReplayAgreement.BEHIND;
        }
        if (same(folded, replayed.get())) {
            return ReplayAgreement.MATCHES;
        }
        LOG.errorf("ANTIDEFICIENCY EVIDENCE DIFFERS for budget %s: the replayable projection does not hold what the stored events fold to",
                folded.budgetId());
        return ReplayAgreement.DIFFERS;
    }

    /** Equal as JSON, numbers by value (0.0 and 0.00 are the same amount). */
    public static boolean same(AntideficiencyReport a, AntideficiencyReport b) {
        com.fasterxml.jackson.databind.JsonNode x = JSON.valueToTree(a);
        com.fasterxml.jackson.databind.JsonNode y = JSON.valueToTree(b);
        return x.equals((n1, n2) -> {
            if (n1.isNumber() && n2.isNumber()) {
                return n1.decimalValue().compareTo(n2.decimalValue());
            }
            return n1.equals(n2) ? 0 : 1;
        }, y);
    }

    static AntideficiencyReport.Stored stored(DomainEventMessage<?> m) {
        Object actor = m.getMetaData().get(MetadataKeys.ACTOR_SUBJECT);
        return new AntideficiencyReport.Stored(m.getSequenceNumber(), m.getTimestamp(), actor == null ? null : actor.toString(),
                (BudgetEvent) m.getPayload());
    }
}
