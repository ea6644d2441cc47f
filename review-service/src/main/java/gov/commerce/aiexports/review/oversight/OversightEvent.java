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

    /**
     * A file the consortium attached to its designation's oversight, as its upload measured it: where
     * its bytes are (fileId, in the DocumentStore), its name, the media type its content was found to
     * be, size, SHA-256 (hex) and its own marking (BUSINESS_CONFIDENTIAL or NOT_CONFIDENTIAL).
     * Evidence and progress reports name it by documentId.
     */
    record DocumentAttached(String designationNumber, String documentId, String fileId, String fileName, String mediaType,
            long sizeBytes, String sha256, String confidentiality, Instant attachedAt) implements OversightEvent {
    }

    /** itemType CONDITION or MILESTONE; documentIds: attached documents the evidence points to (DocumentAttached). */
    record EvidenceSubmitted(String designationNumber, String itemType, String itemId, String evidenceId, String text,
            List<String> documentIds, Instant submittedAt) implements OversightEvent {
    }

    record EvidenceAccepted(String designationNumber, String itemType, String itemId, Integer lineNumber, String evidenceId,
            String reason, Instant decidedAt) implements OversightEvent {
    }

    record EvidenceRejected(String designationNumber, String itemType, String itemId, Integer lineNumber, String evidenceId,
            String reason, Instant decidedAt) implements OversightEvent {
    }

    /**
     * Revision 2: documentIds, the attached documents the report points to (DocumentAttached);
     * revision 1 had none ({@link ProgressReportFiledUpcaster} gives it an empty list).
     */
    @org.axonframework.serialization.Revision("2")
    record ProgressReportFiled(String designationNumber, String reportId, int period, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, boolean late, String narrative, List<MilestoneStatus> milestoneStatuses, List<Figure> figures,
            Instant filedAt, List<String> documentIds) implements OversightEvent {
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
