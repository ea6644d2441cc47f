package gov.commerce.aiexports.review.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What happens to a designation's obligations after it; each carries the designation number (the aggregate's id). */
public sealed interface OversightEvent {

    String designationNumber();

    /** Opened with the designation: the determination's conditions, each with its id (C1, C2, ...), no due date yet unless given. */
    record Opened(String designationNumber, String reviewId, String proposalId, String applicantOrganisation,
            List<Item> conditions) implements OversightEvent {
    }

    record ConditionDueDateSet(String designationNumber, String conditionId, LocalDate dueDate) implements OversightEvent {
    }

    /** kind DEPLOYMENT, FINANCING_CLOSE, FIRST_REVENUE or OTHER; lineNumber: the endorsed incentive line it belongs to, or null. */
    record MilestoneAdded(String designationNumber, String milestoneId, String kind, String description, String country,
            Integer lineNumber, LocalDate dueDate) implements OversightEvent {
    }

    record ReportingScheduleSet(String designationNumber, String frequency, LocalDate firstPeriodStart, int reportDueDays)
            implements OversightEvent {
    }

    /** itemType CONDITION or MILESTONE; documentIds empty until documents exist. */
    record EvidenceSubmitted(String designationNumber, String itemType, String itemId, String evidenceId, String text,
            List<String> documentIds, Instant submittedAt) implements OversightEvent {
    }

    record EvidenceAccepted(String designationNumber, String itemType, String itemId, Integer lineNumber, String evidenceId,
            String reason, Instant decidedAt) implements OversightEvent {
    }

    record EvidenceRejected(String designationNumber, String itemType, String itemId, Integer lineNumber, String evidenceId,
            String reason, Instant decidedAt) implements OversightEvent {
    }

    record ProgressReportFiled(String designationNumber, String reportId, int period, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, boolean late, String narrative, List<MilestoneStatus> milestoneStatuses, List<Figure> figures,
            Instant filedAt) implements OversightEvent {
    }

    /** itemType CONDITION (itemId C1...) or PROGRESS_REPORT (itemId the period); once per item. */
    record OverdueFlagged(String designationNumber, String itemType, String itemId, String description, LocalDate dueDate,
            Instant flaggedAt) implements OversightEvent {
    }

    record Item(String id, String text, LocalDate dueDate) {
    }

    record MilestoneStatus(String milestoneId, String status, String note) {
    }

    record Figure(String name, String value, String unit) {
    }
}
