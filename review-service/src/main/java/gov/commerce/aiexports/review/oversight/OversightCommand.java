package gov.commerce.aiexports.review.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** today: the day in Washington (FederalTime) when the command is sent; at: that instant. */
public sealed interface OversightCommand {

    record OpenOversight(@TargetAggregateIdentifier String designationNumber, String reviewId, String proposalId,
            String applicantOrganisation, List<String> conditions) implements OversightCommand {
    }

    record SetConditionDueDate(@TargetAggregateIdentifier String designationNumber, String conditionId, LocalDate dueDate,
            LocalDate today) implements OversightCommand {
    }

    record AddMilestone(@TargetAggregateIdentifier String designationNumber, String kind, String description, String country,
            Integer lineNumber, LocalDate dueDate, int endorsedLineCount, LocalDate today) implements OversightCommand {
    }

    record SetReportingSchedule(@TargetAggregateIdentifier String designationNumber, String frequency, LocalDate firstPeriodStart,
            Integer reportDueDays) implements OversightCommand {
    }

    record SubmitEvidence(@TargetAggregateIdentifier String designationNumber, String itemType, String itemId, String evidenceId,
            String text, List<String> documentIds, Instant at) implements OversightCommand {
    }

    record AttachDocument(@TargetAggregateIdentifier String designationNumber, String documentId, String fileId, String fileName,
            String mediaType, long sizeBytes, String sha256, String confidentiality, Instant at) implements OversightCommand {
    }

    record DecideEvidence(@TargetAggregateIdentifier String designationNumber, String itemType, String itemId, boolean accept,
            String reason, Instant at) implements OversightCommand {
    }

    record FileProgressReport(@TargetAggregateIdentifier String designationNumber, String reportId, Integer period,
            String narrative, List<OversightEvent.MilestoneStatus> milestoneStatuses, List<OversightEvent.Figure> figures,
            List<String> documentIds, LocalDate today, Instant at) implements OversightCommand {
    }

    /** From the scanner: does nothing when the item is met or already flagged, so any number of runs flag it once. */
    record FlagOverdue(@TargetAggregateIdentifier String designationNumber, LocalDate today, Instant at)
            implements OversightCommand {
    }
}
