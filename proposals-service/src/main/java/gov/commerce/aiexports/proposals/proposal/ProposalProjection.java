package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

@ProcessingGroup("proposal-projection")
public class ProposalProjection {

    static final String TABLE = "proposal_view";
    private final Documents documents;

    public ProposalProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProposalEvent.Drafted e, @SequenceNumber long seq, @Timestamp Instant at) {
        save(new ProposalView(e.proposalId(), e.callId(), e.consortiumId(), e.applicantOrganisation(),
                ProposalStatus.DRAFT.name(), seq, e.content(), null, null, null, null, null, at));
    }

    @EventHandler
    void on(ProposalEvent.Edited e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), v -> new ProposalView(v.id(), v.callId(), v.consortiumId(), v.organisation(), v.status(), seq,
                e.content(), null, null, null, null, null, at));
    }

    @EventHandler
    void on(ProposalEvent.Submitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), v -> new ProposalView(v.id(), v.callId(), v.consortiumId(), v.organisation(),
                ProposalStatus.SUBMITTED.name(), seq, e.content(), e.trackingNumber(), e.flags(), e.countryListVersion(),
                e.submittedAt(), null, at));
    }

    @EventHandler
    void on(ProposalEvent.Withdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), v -> v.with(ProposalStatus.WITHDRAWN.name(), seq, at));
    }

    @EventHandler
    void on(ProposalEvent.UnderReview e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), v -> v.with(ProposalStatus.UNDER_REVIEW.name(), seq, at));
    }

    @EventHandler
    void on(ProposalEvent.DesignationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), v -> new ProposalView(v.id(), v.callId(), v.consortiumId(), v.organisation(),
                ProposalStatus.DESIGNATED.name(), seq, v.content(), v.trackingNumber(), v.flags(), v.countryListVersion(),
                v.submittedAt(), e.designationNumber(), at));
    }

    private void update(String id, java.util.function.UnaryOperator<ProposalView> change) {
        documents.find(TABLE, id, ProposalView.class).ifPresent(v -> save(change.apply(v)));
    }

    private void save(ProposalView v) {
        documents.upsert(TABLE, v.id(), Map.of("organisation", v.organisation(), "consortium_id", v.consortiumId(),
                "call_id", v.callId(), "status", v.status(), "updated_at", v.updatedAt()), v);
    }
}
