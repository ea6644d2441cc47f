package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.review.EvidenceSubmitted;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ObligationOverdue;
import gov.commerce.aiexports.events.review.ObligationRejected;
import gov.commerce.aiexports.events.review.OversightPlanSet;
import gov.commerce.aiexports.events.review.ProgressReportFiled;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the oversight of a designation tells the others (called by ReviewIntegrationEvents, the
 * service's one mapper). The plan goes out whole after each change, read from the read model,
 * so a consumer needs no earlier event to know the current conditions, milestones and schedule.
 */
@Singleton
public class OversightIntegrationEvents {

    @Inject
    Documents documents;

    public Optional<IntegrationPayload> toIntegration(OversightEvent event) {
        OversightRecord r = documents.find(OversightProjection.TABLE, event.designationNumber(), OversightRecord.class)
                .orElseThrow(() -> new IllegalStateException("oversight " + event.designationNumber() + " has no view yet"));
        String change = null;
        if (event instanceof OversightEvent.Opened) {
            change = "OPENED";
        } else if (event instanceof OversightEvent.ConditionDueDateSet e) {
            change = "CONDITION_DUE_DATE_SET " + e.conditionId();
        } else if (event instanceof OversightEvent.MilestoneAdded e) {
            change = "MILESTONE_ADDED " + e.milestoneId();
        } else if (event instanceof OversightEvent.ReportingScheduleSet) {
            change = "REPORTING_SCHEDULE_SET";
        }
        if (change != null) {
            return Optional.of(new OversightPlanSet(r.reviewId, r.proposalId, r.designationNumber, r.applicantOrganisation, change,
                    r.conditions.stream().map(c -> new OversightPlanSet.Condition(c.id, c.text, c.dueDate, c.status)).toList(),
                    r.milestones.stream().map(m -> new OversightPlanSet.Milestone(m.id, m.kind, m.text, m.country, m.lineNumber,
                            m.dueDate, m.status)).toList(),
                    r.reportingSchedule == null ? null : new OversightPlanSet.ReportingSchedule(r.reportingSchedule.frequency(),
                            r.reportingSchedule.firstPeriodStart(), r.reportingSchedule.reportDueDays())));
        }
        if (event instanceof OversightEvent.EvidenceSubmitted e) {
            return Optional.of(new EvidenceSubmitted(r.proposalId, r.designationNumber, r.applicantOrganisation, e.itemType(),
                    e.itemId(), e.evidenceId(), e.text(), e.documentIds(), e.submittedAt()));
        }
        if (event instanceof OversightEvent.EvidenceAccepted e) {
            return Optional.of(new ObligationAccepted(r.proposalId, r.designationNumber, r.applicantOrganisation, e.itemType(),
                    e.itemId(), e.lineNumber(), e.evidenceId(), e.reason(), e.decidedAt()));
        }
        if (event instanceof OversightEvent.EvidenceRejected e) {
            return Optional.of(new ObligationRejected(r.proposalId, r.designationNumber, r.applicantOrganisation, e.itemType(),
                    e.itemId(), e.lineNumber(), e.evidenceId(), e.reason(), e.decidedAt()));
        }
        if (event instanceof OversightEvent.ProgressReportFiled e) {
            return Optional.of(new ProgressReportFiled(r.proposalId, r.designationNumber, r.applicantOrganisation, e.reportId(),
                    e.period(), e.periodStart(), e.periodEnd(), e.dueDate(), e.late(), e.narrative(),
                    e.milestoneStatuses().stream().map(s -> new ProgressReportFiled.MilestoneStatus(s.milestoneId(), s.status(),
                            s.note())).toList(),
                    e.figures().stream().map(f -> new ProgressReportFiled.Figure(f.name(), f.value(), f.unit())).toList(),
                    e.filedAt()));
        }
        if (event instanceof OversightEvent.OverdueFlagged e) {
            return Optional.of(new ObligationOverdue(r.proposalId, r.designationNumber, r.applicantOrganisation, e.itemType(),
                    e.itemId(), e.description(), e.dueDate(), e.flaggedAt()));
        }
        return Optional.empty();
    }
}
