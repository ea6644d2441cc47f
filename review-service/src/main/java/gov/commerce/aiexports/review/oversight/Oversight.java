package gov.commerce.aiexports.review.oversight;

import static gov.commerce.aiexports.review.oversight.ObligationItems.CONDITION;
import static gov.commerce.aiexports.review.oversight.ObligationItems.MILESTONE;
import static gov.commerce.aiexports.review.oversight.ObligationItems.PROGRESS_REPORT;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * What the consortium of one designation owes after it (its id is the designation number):
 * the determination's conditions and Commerce's milestones, each with a due date, evidence and
 * Commerce's acceptance or rejection; the reporting schedule and the progress report of each
 * period. Overdue items are flagged here once each: the flag is part of this state, so any
 * number of scans, on any instance and across restarts, flag an item once.
 */
public class Oversight {

    @AggregateIdentifier
    private String designationNumber;
    private final Map<String, Item> items = new LinkedHashMap<>();
    private int milestoneCount;
    private String frequency;
    private LocalDate firstPeriodStart;
    private int reportDueDays;
    private final Set<Integer> filedPeriods = new HashSet<>();
    private final Set<String> flagged = new HashSet<>();
    private final Set<String> documents = new HashSet<>();

    /** A condition or a milestone: status OPEN, EVIDENCE_SUBMITTED, ACCEPTED or REJECTED. */
    private static final class Item {
        final String type;
        final String text;
        final Integer lineNumber;
        LocalDate dueDate;
        String status = "OPEN";
        String lastEvidenceId;

        Item(String type, String text, Integer lineNumber, LocalDate dueDate) {
            this.type = type;
            this.text = text;
            this.lineNumber = lineNumber;
            this.dueDate = dueDate;
        }

        /** By value, so that Axon's test fixture can compare the state it rebuilt from the events. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && type.equals(i.type) && java.util.Objects.equals(text, i.text)
                    && java.util.Objects.equals(lineNumber, i.lineNumber) && java.util.Objects.equals(dueDate, i.dueDate)
                    && status.equals(i.status) && java.util.Objects.equals(lastEvidenceId, i.lastEvidenceId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(type, text, lineNumber, dueDate, status, lastEvidenceId);
        }
    }

    protected Oversight() {
    }

    @CommandHandler
    public Oversight(OversightCommand.OpenOversight c) {
        List<OversightEvent.Item> conditions = new ArrayList<>();
        for (int i = 0; i < c.conditions().size(); i++) {
            conditions.add(new OversightEvent.Item("C" + (i + 1), c.conditions().get(i), null));
        }
        apply(new OversightEvent.Opened(c.designationNumber(), c.reviewId(), c.proposalId(), c.applicantOrganisation(),
                conditions));
    }

    @CommandHandler
    void handle(OversightCommand.SetConditionDueDate c) {
        Violations.invalidIfAny(OversightPolicies.checkDueDateGiven(c.dueDate()));
        Item condition = item(CONDITION, c.conditionId());
        Violations.refuseIfAny(OversightPolicies.checkDueDate(c.dueDate(), c.today()));
        Violations.conflictIfAny(OversightPolicies.checkNotAccepted(condition.status, c.conditionId()));
        apply(new OversightEvent.ConditionDueDateSet(designationNumber, c.conditionId(), c.dueDate()));
    }

    @CommandHandler
    void handle(OversightCommand.AddMilestone c) {
        Violations.invalidIfAny(OversightPolicies.checkMilestoneInput(c));
        Violations.refuseIfAny(OversightPolicies.checkMilestone(c));
        apply(new OversightEvent.MilestoneAdded(designationNumber, "M" + (milestoneCount + 1), c.kind(), c.description().strip(),
                c.country(), c.lineNumber(), c.dueDate()));
    }

    @CommandHandler
    void handle(OversightCommand.SetReportingSchedule c) {
        int dueDays = c.reportDueDays() == null ? OversightPolicies.DEFAULT_REPORT_DUE_DAYS : c.reportDueDays();
        Violations.invalidIfAny(OversightPolicies.checkSchedule(c, dueDays));
        Violations.conflictIfAny(OversightPolicies.checkScheduleUnlocked(filedPeriods));
        apply(new OversightEvent.ReportingScheduleSet(designationNumber, c.frequency(), c.firstPeriodStart(), dueDays));
    }

    /** The file's bytes are stored and measured already; this records it as the consortium's, once per id. */
    @CommandHandler
    void handle(OversightCommand.AttachDocument c) {
        if (!documents.contains(c.documentId())) {
            apply(new OversightEvent.DocumentAttached(designationNumber, c.documentId(), c.fileId(), c.fileName(), c.mediaType(),
                    c.sizeBytes(), c.sha256(), c.confidentiality(), c.at()));
        }
    }

    @CommandHandler
    void handle(OversightCommand.SubmitEvidence c) {
        Violations.invalidIfAny(OversightPolicies.checkEvidenceInput(c.text()));
        Violations.refuseIfAny(OversightPolicies.checkDocuments(c.documentIds(), documents, "/documentIds"));
        Item item = item(c.itemType(), c.itemId());
        Violations.conflictIfAny(OversightPolicies.checkNotAccepted(item.status, c.itemId()));
        apply(new OversightEvent.EvidenceSubmitted(designationNumber, c.itemType(), c.itemId(), c.evidenceId(), c.text().strip(),
                c.documentIds() == null ? List.of() : List.copyOf(c.documentIds()), c.at()));
    }

    @CommandHandler
    void handle(OversightCommand.DecideEvidence c) {
        Violations.invalidIfAny(OversightPolicies.checkDecisionInput(c.accept(), c.reason()));
        Item item = item(c.itemType(), c.itemId());
        Violations.conflictIfAny(OversightPolicies.checkNotAccepted(item.status, c.itemId()));
        Violations.conflictIfAny(OversightPolicies.checkEvidenceAwaiting(item.status, c.itemId()));
        String reason = c.reason() == null ? null : c.reason().strip();
        if (c.accept()) {
            apply(new OversightEvent.EvidenceAccepted(designationNumber, c.itemType(), c.itemId(), item.lineNumber,
                    item.lastEvidenceId, reason, c.at()));
        } else {
            apply(new OversightEvent.EvidenceRejected(designationNumber, c.itemType(), c.itemId(), item.lineNumber,
                    item.lastEvidenceId, reason, c.at()));
        }
    }

    @CommandHandler
    void handle(OversightCommand.FileProgressReport c) {
        Violations.invalidIfAny(OversightPolicies.checkReportInput(c));
        Violations.conflictIfAny(OversightPolicies.checkScheduleSet(frequency));
        LocalDate start = OversightPolicies.periodStart(firstPeriodStart, frequency, c.period());
        Violations.refuseIfAny(OversightPolicies.checkReport(c, documents, milestoneIds(), start));
        Violations.conflictIfAny(OversightPolicies.checkNotFiled(filedPeriods, c.period()));
        List<OversightEvent.MilestoneStatus> statuses = c.milestoneStatuses() == null ? List.of() : c.milestoneStatuses();
        List<OversightEvent.Figure> figures = c.figures() == null ? List.of() : c.figures();
        LocalDate due = OversightPolicies.reportDue(firstPeriodStart, frequency, reportDueDays, c.period());
        apply(new OversightEvent.ProgressReportFiled(designationNumber, c.reportId(), c.period(), start,
                OversightPolicies.periodEnd(firstPeriodStart, frequency, c.period()), due, c.today().isAfter(due),
                c.narrative().strip(), statuses, figures, c.at(), c.documentIds() == null ? List.of() : List.copyOf(c.documentIds())));
    }

    /** Flags each condition not accepted by its due date and each report not filed by its due date, once. */
    @CommandHandler
    void handle(OversightCommand.FlagOverdue c) {
        items.forEach((id, item) -> {
            if (CONDITION.equals(item.type) && item.dueDate != null && c.today().isAfter(item.dueDate)
                    && !"ACCEPTED".equals(item.status) && !flagged.contains(CONDITION + ":" + id)) {
                apply(new OversightEvent.OverdueFlagged(designationNumber, CONDITION, id, item.text, item.dueDate, c.at()));
            }
        });
        if (frequency != null) {
            for (int period = 1; ; period++) {
                LocalDate due = OversightPolicies.reportDue(firstPeriodStart, frequency, reportDueDays, period);
                if (!c.today().isAfter(due)) {
                    break;
                }
                if (!filedPeriods.contains(period) && !flagged.contains(PROGRESS_REPORT + ":" + period)) {
                    apply(new OversightEvent.OverdueFlagged(designationNumber, PROGRESS_REPORT, String.valueOf(period),
                            "progress report of period " + period + " ("
                                    + OversightPolicies.periodStart(firstPeriodStart, frequency, period) + " to "
                                    + OversightPolicies.periodEnd(firstPeriodStart, frequency, period) + ")", due, c.at()));
                }
            }
        }
    }

    private Item item(String type, String id) {
        Item item = items.get(id);
        if (item == null || !item.type.equals(type)) {
            throw new NotFound(type.toLowerCase(), id);
        }
        return item;
    }

    private Set<String> milestoneIds() {
        Set<String> ids = new HashSet<>();
        items.forEach((id, item) -> {
            if (MILESTONE.equals(item.type)) {
                ids.add(id);
            }
        });
        return ids;
    }

    @EventSourcingHandler
    void on(OversightEvent.Opened e) {
        designationNumber = e.designationNumber();
        e.conditions().forEach(x -> items.put(x.id(), new Item(CONDITION, x.text(), null, x.dueDate())));
    }

    @EventSourcingHandler
    void on(OversightEvent.DocumentAttached e) {
        documents.add(e.documentId());
    }

    @EventSourcingHandler
    void on(OversightEvent.ConditionDueDateSet e) {
        items.get(e.conditionId()).dueDate = e.dueDate();
        // a new due date is a new chance: a later lapse is flagged again
        flagged.remove(CONDITION + ":" + e.conditionId());
    }

    @EventSourcingHandler
    void on(OversightEvent.MilestoneAdded e) {
        milestoneCount++;
        items.put(e.milestoneId(), new Item(MILESTONE, e.description(), e.lineNumber(), e.dueDate()));
    }

    @EventSourcingHandler
    void on(OversightEvent.ReportingScheduleSet e) {
        frequency = e.frequency();
        firstPeriodStart = e.firstPeriodStart();
        reportDueDays = e.reportDueDays();
    }

    @EventSourcingHandler
    void on(OversightEvent.EvidenceSubmitted e) {
        Item item = items.get(e.itemId());
        item.status = "EVIDENCE_SUBMITTED";
        item.lastEvidenceId = e.evidenceId();
    }

    @EventSourcingHandler
    void on(OversightEvent.EvidenceAccepted e) {
        items.get(e.itemId()).status = "ACCEPTED";
    }

    @EventSourcingHandler
    void on(OversightEvent.EvidenceRejected e) {
        items.get(e.itemId()).status = "REJECTED";
    }

    @EventSourcingHandler
    void on(OversightEvent.ProgressReportFiled e) {
        filedPeriods.add(e.period());
    }

    @EventSourcingHandler
    void on(OversightEvent.OverdueFlagged e) {
        flagged.add(e.itemType() + ":" + e.itemId());
    }
}
