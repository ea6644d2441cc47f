package gov.commerce.aiexports.incentives.budget;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * Copies the figures each budget event recorded (it does not recompute them), so that a replay of
 * the events through {@link BudgetLedger} is an independent check of the read model.
 */
@ReadModel(tables = {"budget_view", "budget_obligation_view"})
@ProcessingGroup("budget-projection")
public class BudgetProjection {

    static final String TABLE = "budget_view";
    static final String OBLIGATIONS = "budget_obligation_view";
    private final Documents documents;

    public BudgetProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(BudgetEvent.AppropriationRecorded e, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        BudgetView view = documents.find(TABLE, e.budgetId(), BudgetView.class)
                .orElse(new BudgetView(e.budgetId(), e.fiscalYear(), e.instrument(), null, e.authorityAfterUsd()
                        .subtract(e.availableAfterUsd()), null, List.of(), at, null, null, null, null, null))
                .withPeriod(PeriodOfAvailability.recorded(e));
        save(view.withChange(new BudgetView.AuthorityChange("APPROPRIATION", e.amountUsd(), e.appropriationReference(), null,
                actor, at), e.authorityAfterUsd(), e.availableAfterUsd(), at));
    }

    @EventHandler
    void on(BudgetEvent.Adjusted e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        documents.find(TABLE, e.budgetId(), BudgetView.class).ifPresent(v -> save(v.withChange(
                new BudgetView.AuthorityChange(e.kind().name(), e.amountUsd(), e.reference(), e.reason(), actor, at),
                e.authorityAfterUsd(), e.availableAfterUsd(), at)));
    }

    @EventHandler
    void on(BudgetEvent.Obligated e, @Timestamp Instant at) {
        documents.find(TABLE, e.budgetId(), BudgetView.class).ifPresent(v -> save(v.withFigures(v.authorityUsd(),
                e.obligatedAfterUsd(), e.availableAfterUsd(), at)));
        BudgetView.ObligationLine line = new BudgetView.ObligationLine(e.incentiveRequestId(), e.proposalId(),
                e.designationNumber(), e.agency(), e.faceAmountUsd(), e.creditSubsidyRatePercent(), e.budgetCostUsd(),
                new java.math.BigDecimal("0.00"), e.budgetCostUsd(), at, at, null, null, null);
        documents.upsert(OBLIGATIONS, e.incentiveRequestId(), Map.of("budget_id", e.budgetId()), line);
    }

    @EventHandler
    void on(BudgetEvent.Deobligated e, @Timestamp Instant at) {
        documents.find(TABLE, e.budgetId(), BudgetView.class).ifPresent(v -> save(v.withFigures(v.authorityUsd(),
                e.obligatedAfterUsd(), e.availableAfterUsd(), at)));
        documents.find(OBLIGATIONS, e.incentiveRequestId(), BudgetView.ObligationLine.class).ifPresent(l -> documents.upsert(
                OBLIGATIONS, e.incentiveRequestId(), Map.of("budget_id", e.budgetId()), new BudgetView.ObligationLine(
                        l.incentiveRequestId(), l.proposalId(), l.designationNumber(), l.agency(), l.faceAmountUsd(),
                        l.creditSubsidyRatePercent(), l.budgetCostUsd(), l.returnedUsd().add(e.budgetCostReturnedUsd()),
                        l.netObligatedUsd().subtract(e.budgetCostReturnedUsd()), l.obligatedAt(), at,
                        l.flaggedForDeobligation(), l.flagCause(), l.flaggedForDeobligationUsd() == null ? null
                                : l.flaggedForDeobligationUsd().subtract(e.budgetCostReturnedUsd()).max(new java.math.BigDecimal("0.00")))));
    }

    /** The line's obligation shows its flag; the budget's flagged amount is summed from its lines when read. */
    @EventHandler
    void on(gov.commerce.aiexports.incentives.request.IncentiveRequestEvent.FlaggedForDeobligation e, @Timestamp Instant at) {
        documents.find(OBLIGATIONS, e.incentiveRequestId(), BudgetView.ObligationLine.class).ifPresent(l -> documents.upsert(
                OBLIGATIONS, e.incentiveRequestId(), Map.of("budget_id", e.budgetId()), l.flagged(e.cause(), e.budgetCostUsd(), at)));
    }

    private void save(BudgetView v) {
        documents.upsert(TABLE, v.id(), Map.of("fiscal_year", v.fiscalYear(), "instrument", v.instrument().name()), v);
    }
}
