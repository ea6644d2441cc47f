package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The Antideficiency evidence kept as a read model, one row per budget event, each worked out from
 * the row before it (never from the aggregate's stream): an operator's replay
 * (POST /admin/projections/antideficiency-projection/replay) rebuilds it from the event store, and
 * {@link AntideficiencyReports#replayed} answers the report from it, to be held against the report
 * folded from the budget's stored events.
 */
@ReadModel(tables = {"antideficiency_entry"})
@ProcessingGroup(AntideficiencyProjection.NAME)
public class AntideficiencyProjection {

    public static final String NAME = "antideficiency-projection";
    static final String TABLE = "antideficiency_entry";

    /** A row: the budget's fiscal year and instrument, the entry and its findings. */
    public record Row(String budgetId, int fiscalYear, String instrument, AntideficiencyReport.Entry entry,
            List<AntideficiencyReport.Finding> findings) {
    }

    private final Documents documents;
    private final java.util.function.Function<String, List<AntideficiencyReport.Stored>> history;

    /** {@code history}: a budget's stored events, for a budget whose earlier rows this model never held. */
    public AntideficiencyProjection(Documents documents, java.util.function.Function<String, List<AntideficiencyReport.Stored>> history) {
        this.documents = documents;
        this.history = history;
    }

    @EventHandler
    void on(BudgetEvent event, @SequenceNumber Long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        String budgetId = budgetId(event);
        Row previous = sequence == 0 ? null : documents.find(TABLE, id(budgetId, sequence - 1), Row.class)
                .orElseGet(() -> catchUp(budgetId, sequence));
        apply(budgetId, new AntideficiencyReport.Stored(sequence, at, actor, event), previous);
    }

    private Row apply(String budgetId, AntideficiencyReport.Stored stored, Row previous) {
        BudgetLedger before = previous == null ? BudgetLedger.EMPTY
                : new BudgetLedger(previous.entry().authorityAfterUsd(), previous.entry().obligatedAfterUsd(), Map.of());
        AntideficiencyReport.Step step = AntideficiencyReport.step(stored, before);
        Row row = new Row(budgetId, fiscalYear(stored.event()), instrument(stored.event()), step.entry(), step.findings());
        documents.upsert(TABLE, id(budgetId, stored.sequence()), Map.of("budget_id", budgetId, "sequence", stored.sequence()), row);
        return row;
    }

    /**
     * A budget recorded before this model existed (a store upgraded to it, or events written behind
     * its back): its earlier rows are worked out from its stored events now, rather than failing the
     * command that appends to it.
     */
    private Row catchUp(String budgetId, long sequence) {
        Row previous = null;
        for (AntideficiencyReport.Stored stored : history.apply(budgetId)) {
            if (stored.sequence() < sequence) {
                previous = apply(budgetId, stored, previous);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("the Antideficiency entry before " + budgetId + " #" + sequence + " is missing");
        }
        return previous;
    }

    static String id(String budgetId, long sequence) {
        return budgetId + "#" + sequence;
    }

    private static String budgetId(BudgetEvent e) {
        if (e instanceof BudgetEvent.AppropriationRecorded a) {
            return a.budgetId();
        }
        if (e instanceof BudgetEvent.Adjusted a) {
            return a.budgetId();
        }
        if (e instanceof BudgetEvent.Obligated o) {
            return o.budgetId();
        }
        return ((BudgetEvent.Deobligated) e).budgetId();
    }

    private static int fiscalYear(BudgetEvent e) {
        if (e instanceof BudgetEvent.AppropriationRecorded a) {
            return a.fiscalYear();
        }
        if (e instanceof BudgetEvent.Adjusted a) {
            return a.fiscalYear();
        }
        if (e instanceof BudgetEvent.Obligated o) {
            return o.fiscalYear();
        }
        return ((BudgetEvent.Deobligated) e).fiscalYear();
    }

    private static String instrument(BudgetEvent e) {
        if (e instanceof BudgetEvent.AppropriationRecorded a) {
            return a.instrument().name();
        }
        if (e instanceof BudgetEvent.Adjusted a) {
            return a.instrument().name();
        }
        if (e instanceof BudgetEvent.Obligated o) {
            return o.instrument().name();
        }
        return ((BudgetEvent.Deobligated) e).instrument().name();
    }
}
