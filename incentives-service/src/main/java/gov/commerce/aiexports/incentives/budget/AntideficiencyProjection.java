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

    public AntideficiencyProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(BudgetEvent event, @SequenceNumber Long sequence, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        String budgetId = budgetId(event);
        Row previous = sequence == 0 ? null : documents.find(TABLE, id(budgetId, sequence - 1), Row.class).orElseThrow(
                () -> new IllegalStateException("the Antideficiency entry before " + budgetId + " #" + sequence + " is missing"));
        BudgetLedger before = previous == null ? BudgetLedger.EMPTY
                : new BudgetLedger(previous.entry().authorityAfterUsd(), previous.entry().obligatedAfterUsd(), Map.of());
        AntideficiencyReport.Step step = AntideficiencyReport.step(new AntideficiencyReport.Stored(sequence, at, actor, event), before);
        documents.upsert(TABLE, id(budgetId, sequence), Map.of("budget_id", budgetId, "sequence", sequence),
                new Row(budgetId, fiscalYear(event), instrument(event), step.entry(), step.findings()));
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
