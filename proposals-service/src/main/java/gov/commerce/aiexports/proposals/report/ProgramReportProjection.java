package gov.commerce.aiexports.proposals.report;

import gov.commerce.aiexports.proposals.proposal.ProposalContent;
import gov.commerce.aiexports.proposals.proposal.ProposalEvent;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * The program report's facts, one row per proposal, from the Proposal aggregate's events: a
 * tracking projection like the others, so an operator's replay
 * (POST /admin/projections/program-report-projection/replay) rebuilds it from the event store.
 */
@ReadModel(tables = {"program_fact"})
@ProcessingGroup(ProgramReportProjection.NAME)
public class ProgramReportProjection {

    public static final String NAME = "program-report-projection";
    static final String TABLE = "program_fact";

    private final Documents documents;

    public ProgramReportProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProposalEvent.Drafted e, @Timestamp Instant at) {
        save(ProgramFact.drafted(e.proposalId(), e.callId(), at));
    }

    @EventHandler
    void on(ProposalEvent.Submitted e, @Timestamp Instant at) {
        update(e.proposalId(), f -> f.submitted(e.fiscalYear(), e.submittedAt() == null ? at : e.submittedAt(),
                e.content().targetCountries(), regions(e.content()), e.content().incentiveLines()));
    }

    /** A resubmission keeps the stage times; what it targets and requests now is what counts. */
    @EventHandler
    void on(ProposalEvent.Resubmitted e) {
        update(e.proposalId(), f -> f.submitted(f.fiscalYear(), f.submittedAt(), e.content().targetCountries(), regions(e.content()),
                e.content().incentiveLines()));
    }

    @EventHandler
    void on(ProposalEvent.UnderReview e, @Timestamp Instant at) {
        update(e.proposalId(), f -> f.underReview(at));
    }

    @EventHandler
    void on(ProposalEvent.DesignationRecorded e, @Timestamp Instant at) {
        update(e.proposalId(), f -> f.designated(at, e.designationNumber()));
    }

    @EventHandler
    void on(ProposalEvent.Rejected e, @Timestamp Instant at) {
        update(e.proposalId(), f -> f.rejected(at));
    }

    @EventHandler
    void on(ProposalEvent.Withdrawn e, @Timestamp Instant at) {
        update(e.proposalId(), f -> f.withdrawn(e.withdrawnAt() == null ? at : e.withdrawnAt()));
    }

    private static List<String> regions(ProposalContent c) {
        return c.targets() == null ? List.of() : c.targets().stream().map(ProposalContent.Target::region).filter(Objects::nonNull)
                .distinct().toList();
    }

    private void update(String id, java.util.function.UnaryOperator<ProgramFact> change) {
        documents.find(TABLE, id, ProgramFact.class).ifPresent(f -> save(change.apply(f)));
    }

    private void save(ProgramFact f) {
        documents.upsert(TABLE, f.proposalId(), Map.of("call_id", f.callId()), f);
    }
}
