package gov.commerce.aiexports.incentives.request;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

@ReadModel(tables = {"incentive_request_view"})
@ProcessingGroup("incentive-request-projection")
public class IncentiveRequestProjection {

    public static final String TABLE = "incentive_request_view";
    private final Documents documents;

    public IncentiveRequestProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(IncentiveRequestEvent.Opened e, @Timestamp Instant at) {
        save(IncentiveRequestView.opened(e, at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Routed e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> v.routed(new IncentiveRequestView.Routing(e.agency().name(), e.terms(),
                e.creditSubsidyRatePercent(), actor, at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.BoardApproved e, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> v.boardApproved(new IncentiveRequestView.BoardApproval(e.reference(), e.notes(), actor,
                at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Approved e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> v.obligated(IncentiveStatus.OBLIGATED.name(), new IncentiveRequestView.Obligation(
                e.fiscalYear(), e.budgetId(), e.faceAmountUsd(), e.budgetCostUsd(), e.faceAmountUsd(),
                new java.math.BigDecimal("0.00"), e.faceAmountUsd(), actor, at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Declined e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> v.declined(new IncentiveRequestView.Decision(e.reason(), actor, at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Deobligated e, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.Obligation o = v.obligation();
            IncentiveRequestView.Obligation after = new IncentiveRequestView.Obligation(o.fiscalYear(), o.budgetId(),
                    o.faceAmountUsd(), e.budgetCostObligatedAfterUsd(), e.commitmentAfterUsd(), o.disbursedUsd(),
                    e.commitmentAfterUsd().subtract(o.disbursedUsd()), o.approvedBy(), o.obligatedAt());
            return v.deobligated(statusAfter(after), after, new IncentiveRequestView.Deobligation(e.amountUsd(),
                    e.budgetCostReturnedUsd(), e.reason(), actor, at), at);
        });
    }

    @EventHandler
    void on(IncentiveRequestEvent.Disbursed e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.Obligation o = v.obligation();
            IncentiveRequestView.Obligation after = new IncentiveRequestView.Obligation(o.fiscalYear(), o.budgetId(),
                    o.faceAmountUsd(), o.budgetCostUsd(), o.commitmentUsd(), e.disbursedTotalUsd(), e.undisbursedUsd(),
                    o.approvedBy(), o.obligatedAt());
            return v.disbursed(statusAfter(after), after, new IncentiveRequestView.Disbursement(e.amountUsd(), e.reference(),
                    actor, at), at);
        });
    }

    @EventHandler
    void on(IncentiveRequestEvent.ApprovalRefused e, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.incentiveRequestId(), v -> v.refused(new IncentiveRequestView.Refusal(e.rule(), e.fiscalYear(),
                e.budgetCostUsd(), e.availableUsd(), actor, at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Cancelled e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> v.cancelled(new IncentiveRequestView.Cancellation(e.cause(), e.causeEventId(), e.reason(),
                at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.CancelledUnopened e, @Timestamp Instant at) {
        save(IncentiveRequestView.cancelledUnopened(e, at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.FlaggedForDeobligation e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> v.flagged(new IncentiveRequestView.DeobligationFlag(e.cause(), e.causeEventId(),
                e.reason(), e.undisbursedUsd(), e.budgetCostUsd(), at), at));
    }

    @EventHandler
    void on(IncentiveRequestEvent.Suspended e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.LineOversight o = v.oversightOrEmpty();
            return v.withOversight(new IncentiveRequestView.LineOversight(new IncentiveRequestView.Suspension(e.reason(),
                    e.effectiveDate(), at), o.requiredMilestoneId(), o.acceptedMilestones()), at);
        });
    }

    @EventHandler
    void on(IncentiveRequestEvent.Reinstated e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.LineOversight o = v.oversightOrEmpty();
            return v.withOversight(new IncentiveRequestView.LineOversight(null, o.requiredMilestoneId(), o.acceptedMilestones()), at);
        });
    }

    @EventHandler
    void on(IncentiveRequestEvent.MilestoneRequired e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.LineOversight o = v.oversightOrEmpty();
            return v.withOversight(new IncentiveRequestView.LineOversight(o.suspension(), e.milestoneId(), o.acceptedMilestones()),
                    at);
        });
    }

    @EventHandler
    void on(IncentiveRequestEvent.MilestoneAccepted e, @Timestamp Instant at) {
        update(e.incentiveRequestId(), v -> {
            IncentiveRequestView.LineOversight o = v.oversightOrEmpty();
            java.util.List<String> accepted = new java.util.ArrayList<>(o.acceptedMilestones() == null ? java.util.List.of()
                    : o.acceptedMilestones());
            accepted.add(e.milestoneId());
            return v.withOversight(new IncentiveRequestView.LineOversight(o.suspension(), o.requiredMilestoneId(), accepted), at);
        });
    }

    /** The same closing rule as the aggregate's: nothing left to disburse closes the line. */
    private static String statusAfter(IncentiveRequestView.Obligation o) {
        if (o.undisbursedUsd().signum() == 0) {
            return o.disbursedUsd().signum() == 0 ? IncentiveStatus.DEOBLIGATED.name() : IncentiveStatus.CLOSED.name();
        }
        return IncentiveStatus.OBLIGATED.name();
    }

    private void update(String id, UnaryOperator<IncentiveRequestView> change) {
        documents.find(TABLE, id, IncentiveRequestView.class).ifPresent(v -> save(change.apply(v)));
    }

    private void save(IncentiveRequestView v) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("designation_number", v.designationNumber());
        columns.put("proposal_id", v.proposalId());
        columns.put("organisation", v.organisation());
        columns.put("status", v.status());
        columns.put("agency", v.agency());
        documents.upsert(TABLE, v.id(), columns, v);
    }
}
