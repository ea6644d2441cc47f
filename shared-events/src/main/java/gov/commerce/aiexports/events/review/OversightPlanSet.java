package gov.commerce.aiexports.events.review;

import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IntegrationPayload;
import java.time.LocalDate;
import java.util.List;

/**
 * What the consortium of a designation owes after it, as Commerce set it (at designation, then
 * after each change: change says which): the determination's conditions with their ids and due
 * dates, the milestones per package (kind DEPLOYMENT, FINANCING_CLOSE, FIRST_REVENUE or OTHER;
 * lineNumber: the endorsed incentive line it belongs to, if any) and the reporting schedule.
 */
@EventContract(type = "OversightPlanSet", version = 1, producer = "review-service")
public record OversightPlanSet(
        String reviewId,
        String proposalId,
        String designationNumber,
        String applicantOrganisation,
        String change,
        List<Condition> conditions,
        List<Milestone> milestones,
        ReportingSchedule reportingSchedule) implements IntegrationPayload {

    public record Condition(String conditionId, String text, LocalDate dueDate, String status) {
    }

    public record Milestone(String milestoneId, String kind, String description, String country, Integer lineNumber,
            LocalDate dueDate, String status) {
    }

    /** frequency MONTHLY, QUARTERLY, SEMI_ANNUAL or ANNUAL; the report of a period is due reportDueDays after it ends. */
    public record ReportingSchedule(String frequency, LocalDate firstPeriodStart, int reportDueDays) {
    }
}
