package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.runtime.axon.MetadataKeys;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.readmodel.ReadModel;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;

@ReadModel(tables = {"oversight_view"})
@ProcessingGroup("oversight-projection")
public class OversightProjection {

    public static final String TABLE = "oversight_view";
    private final Documents documents;

    public OversightProjection(Documents documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(OversightEvent.Opened e, @Timestamp Instant at) {
        OversightRecord r = new OversightRecord();
        r.designationNumber = e.designationNumber();
        r.reviewId = e.reviewId();
        r.proposalId = e.proposalId();
        r.applicantOrganisation = e.applicantOrganisation();
        e.conditions().forEach(c -> {
            OversightRecord.Obligation o = new OversightRecord.Obligation();
            o.id = c.id();
            o.text = c.text();
            o.dueDate = c.dueDate();
            r.conditions.add(o);
        });
        r.updatedAt = at;
        save(r);
    }

    @EventHandler
    void on(OversightEvent.ConditionDueDateSet e, @Timestamp Instant at) {
        update(e.designationNumber(), at, r -> r.find(e.conditionId()).dueDate = e.dueDate());
    }

    @EventHandler
    void on(OversightEvent.MilestoneAdded e, @Timestamp Instant at) {
        update(e.designationNumber(), at, r -> {
            OversightRecord.Obligation m = new OversightRecord.Obligation();
            m.id = e.milestoneId();
            m.kind = e.kind();
            m.text = e.description();
            m.country = e.country();
            m.lineNumber = e.lineNumber();
            m.dueDate = e.dueDate();
            r.milestones.add(m);
        });
    }

    @EventHandler
    void on(OversightEvent.ReportingScheduleSet e, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> r.reportingSchedule = new OversightRecord.Schedule(e.frequency(),
                e.firstPeriodStart(), e.reportDueDays(), actor, at));
    }

    @EventHandler
    void on(OversightEvent.EvidenceSubmitted e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> {
            OversightRecord.Obligation o = r.find(e.itemId());
            o.status = "EVIDENCE_SUBMITTED";
            o.evidence.add(new OversightRecord.Evidence(e.evidenceId(), e.text(), e.documentIds(), actor, e.submittedAt()));
        });
    }

    @EventHandler
    void on(OversightEvent.EvidenceAccepted e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> {
            OversightRecord.Obligation o = r.find(e.itemId());
            o.status = "ACCEPTED";
            o.decisions.add(new OversightRecord.Decision("ACCEPTED", e.evidenceId(), e.reason(), actor, e.decidedAt()));
        });
    }

    @EventHandler
    void on(OversightEvent.EvidenceRejected e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> {
            OversightRecord.Obligation o = r.find(e.itemId());
            o.status = "REJECTED";
            o.decisions.add(new OversightRecord.Decision("REJECTED", e.evidenceId(), e.reason(), actor, e.decidedAt()));
        });
    }

    @EventHandler
    void on(OversightEvent.ProgressReportFiled e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> r.reports.add(new OversightRecord.Report(e.reportId(), e.period(), e.periodStart(),
                e.periodEnd(), e.dueDate(), e.late(), e.narrative(), e.milestoneStatuses(), e.figures(), actor, e.filedAt(),
                e.documentIds() == null ? java.util.List.of() : e.documentIds())));
    }

    @EventHandler
    void on(OversightEvent.DocumentAttached e, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_SUBJECT) String actor) {
        update(e.designationNumber(), at, r -> r.documents.add(new OversightRecord.Document(e.documentId(), e.fileId(), e.fileName(),
                e.mediaType(), e.sizeBytes(), e.sha256(), e.confidentiality(), actor, e.attachedAt())));
    }

    @EventHandler
    void on(OversightEvent.OverdueFlagged e, @Timestamp Instant at) {
        update(e.designationNumber(), at, r -> r.overdue.add(new OversightRecord.Overdue(e.itemType(), e.itemId(), e.description(),
                e.dueDate(), e.flaggedAt())));
    }

    private void update(String number, Instant at, Consumer<OversightRecord> change) {
        documents.find(TABLE, number, OversightRecord.class).ifPresent(r -> {
            change.accept(r);
            r.updatedAt = at;
            save(r);
        });
    }

    private void save(OversightRecord r) {
        documents.upsert(TABLE, r.designationNumber, Map.of("proposal_id", r.proposalId, "organisation", r.applicantOrganisation), r);
    }
}
