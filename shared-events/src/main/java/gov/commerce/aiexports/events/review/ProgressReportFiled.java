package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The consortium filed its progress report for a period of the reporting schedule (late: after
 * its due date): the status of each milestone, a narrative and figures (value as a decimal text,
 * with its unit).
 */
@EventContract(type = "ProgressReportFiled", version = 1, producer = "review-service")
public record ProgressReportFiled(
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String reportId,
        int period,
        LocalDate periodStart,
        LocalDate periodEnd,
        LocalDate dueDate,
        boolean late,
        String narrative,
        List<MilestoneStatus> milestoneStatuses,
        List<Figure> figures,
        Instant filedAt) implements IntegrationPayload {

    /** status NOT_STARTED, ON_TRACK, AT_RISK, DELAYED or ACHIEVED. */
    public record MilestoneStatus(String milestoneId, String status, String note) {
    }

    public record Figure(String name, String value, String unit) {
    }
}
