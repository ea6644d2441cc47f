package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

@ReadModel(tables = {"proposal_view"})
@ProcessingGroup("proposal-projection")
public class ProposalProjection {

    public static final String TABLE = "proposal_view";
    private final Documents documents;

    public ProposalProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProposalEvent.Drafted e, @SequenceNumber long seq, @Timestamp Instant at) {
        ProposalView v = new ProposalView();
        v.id = e.proposalId();
        v.callId = e.callId();
        v.consortiumId = e.consortiumId();
        v.organisation = e.applicantOrganisation();
        v.status = ProposalStatus.DRAFT.name();
        v.content = e.content();
        save(v, seq, at);
    }

    @EventHandler
    void on(ProposalEvent.Edited e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> v.content = e.content());
    }

    @EventHandler
    void on(ProposalEvent.Submitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.SUBMITTED.name();
            v.content = e.content();
            v.trackingNumber = e.trackingNumber();
            v.flags = e.flags();
            v.countryListVersion = e.countryListVersion();
            v.submittedAt = e.submittedAt();
            v.requiredAgencies = e.requiredAgencies();
        });
    }

    @EventHandler
    void on(ProposalEvent.Withdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.WITHDRAWN.name();
            v.withdrawalReason = e.reason();
            v.relinquishedDesignation = e.relinquishedDesignation();
        });
    }

    @EventHandler
    void on(ProposalEvent.DesignationAfterWithdrawal e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.relinquishedDesignation = e.designationNumber();
            v.designatedAfterWithdrawal = true;
        });
    }

    @EventHandler
    void on(ProposalEvent.UnderReview e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.UNDER_REVIEW.name();
            v.reviewId = e.reviewId();
        });
    }

    @EventHandler
    void on(ProposalEvent.InformationRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.INFORMATION_REQUESTED.name();
            v.reviewId = e.reviewId();
            v.informationRequests.add(new ProposalView.InformationRequest(e.informationRequestId(), e.questions(),
                    e.requestedBy(), at, null, null));
        });
    }

    @EventHandler
    void on(ProposalEvent.Resubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.SUBMITTED.name();
            v.content = e.content();
            v.flags = e.flags();
            v.countryListVersion = e.countryListVersion();
            v.informationRequests.replaceAll(r -> r.informationRequestId().equals(e.informationRequestId())
                    ? new ProposalView.InformationRequest(r.informationRequestId(), r.questions(), r.requestedBy(), r.requestedAt(),
                            e.response(), at)
                    : r);
        });
    }

    @EventHandler
    void on(ProposalEvent.DesignationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.DESIGNATED.name();
            v.designationNumber = e.designationNumber();
        });
    }

    @EventHandler
    void on(ProposalEvent.Rejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.status = ProposalStatus.REJECTED.name();
            v.rejectionJustification = e.justification();
        });
    }

    @EventHandler
    void on(ProposalEvent.Rescreened e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.proposalId(), seq, at, v -> {
            v.countryListVersion = e.listVersion();
            v.rescreenings = new java.util.ArrayList<>(v.rescreenings == null ? java.util.List.of() : v.rescreenings);
            v.rescreenings.add(new ProposalView.Rescreening(e.listVersion(), e.previousListVersion(), e.findings(), e.rescreenedAt()));
        });
    }

    private void update(String id, long seq, Instant at, Consumer<ProposalView> change) {
        documents.find(TABLE, id, ProposalView.class).ifPresent(v -> {
            change.accept(v);
            save(v, seq, at);
        });
    }

    private void save(ProposalView v, long seq, Instant at) {
        v.version = seq;
        v.updatedAt = at;
        Map<String, Object> columns = new HashMap<>();
        columns.put("organisation", v.organisation);
        columns.put("consortium_id", v.consortiumId);
        columns.put("call_id", v.callId);
        columns.put("status", v.status);
        columns.put("updated_at", v.updatedAt);
        documents.upsert(TABLE, v.id, columns, v);
    }
}
