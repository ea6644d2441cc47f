package gov.commerce.aiexports.notifications.routing;

import static gov.commerce.aiexports.notifications.routing.RoutingRules.rule;

import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.EvidenceSubmitted;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ObligationOverdue;
import gov.commerce.aiexports.events.review.ObligationRejected;
import gov.commerce.aiexports.events.review.OversightPlanSet;
import gov.commerce.aiexports.events.review.ProgressReportFiled;
import gov.commerce.aiexports.notifications.routing.RoutingRules.Rule;
import java.util.List;

/**
 * The rules of post-designation oversight (suspension, reinstatement, conditions, milestones,
 * progress reports, overdue items), kept beside RoutingRules, which lists them in its ALL.
 * Commerce is told as the agency COMMERCE (its officers' organisation).
 * Routing tables, not validation rules: they refuse nothing (the program's rules are the domain
 * {@code *Policies} classes, each {@code check...} returning its violations).
 */
public final class OversightRoutingRules {

    static final String COMMERCE = "COMMERCE";

    /** The consortium learns its designation is suspended, why, and what it stops. */
    public static final Rule DESIGNATION_SUSPENDED = rule("DESIGNATION_SUSPENDED", DesignationSuspended.class, (s, d) -> List.of(
            new Notice("DESIGNATION_SUSPENDED", Recipient.consortium(s.applicantOrganisation()), s.proposalId(),
                    "Designation " + s.designationNumber() + " suspended",
                    "Commerce suspended designation " + s.designationNumber() + ", effective " + s.effectiveDate() + ": "
                            + s.reason() + ". No incentive is approved or disbursed until it is reinstated.")));

    /** EDAG learns the designation's lines are frozen. */
    public static final Rule DESIGNATION_SUSPENDED_TO_EDAG = rule("DESIGNATION_SUSPENDED_TO_EDAG", DesignationSuspended.class,
            (s, d) -> List.of(new Notice("DESIGNATION_SUSPENDED_TO_EDAG", Recipient.agency("EDAG"), s.proposalId(),
                    "Designation " + s.designationNumber() + " suspended",
                    "Designation " + s.designationNumber() + " is suspended from " + s.effectiveDate() + "; its "
                            + s.endorsedLineCount() + " incentive line(s) take no approval or disbursement until reinstated.")));

    public static final Rule DESIGNATION_REINSTATED = rule("DESIGNATION_REINSTATED", DesignationReinstated.class, (r, d) -> List.of(
            new Notice("DESIGNATION_REINSTATED", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                    "Designation " + r.designationNumber() + " reinstated",
                    "Commerce reinstated designation " + r.designationNumber() + ", effective " + r.effectiveDate() + ": "
                            + r.reason() + ".")));

    public static final Rule DESIGNATION_REINSTATED_TO_EDAG = rule("DESIGNATION_REINSTATED_TO_EDAG", DesignationReinstated.class,
            (r, d) -> List.of(new Notice("DESIGNATION_REINSTATED_TO_EDAG", Recipient.agency("EDAG"), r.proposalId(),
                    "Designation " + r.designationNumber() + " reinstated",
                    "Designation " + r.designationNumber() + " is reinstated from " + r.effectiveDate()
                            + "; its incentive lines may be approved and disbursed again.")));

    /** The consortium learns what it owes changed (a due date, a milestone, the reporting schedule). */
    public static final Rule OVERSIGHT_PLAN = rule("OVERSIGHT_PLAN", OversightPlanSet.class, (p, d) -> List.of(
            new Notice("OVERSIGHT_PLAN", Recipient.consortium(p.applicantOrganisation()), p.proposalId(),
                    "Obligations of " + p.designationNumber() + " updated",
                    "Commerce updated the obligations of designation " + p.designationNumber() + " (" + p.change() + "): "
                            + p.conditions().size() + " condition(s), " + p.milestones().size() + " milestone(s)"
                            + (p.reportingSchedule() == null ? "" : ", " + p.reportingSchedule().frequency() + " progress reports")
                            + ".")));

    /** Commerce learns evidence awaits its decision. */
    public static final Rule EVIDENCE_TO_COMMERCE = rule("EVIDENCE_TO_COMMERCE", EvidenceSubmitted.class, (e, d) -> List.of(
            new Notice("EVIDENCE_TO_COMMERCE", Recipient.agency(COMMERCE), e.proposalId(),
                    "Evidence for " + e.itemId() + " of " + e.designationNumber(),
                    "The consortium submitted evidence for " + e.itemType().toLowerCase() + " " + e.itemId() + " of designation "
                            + e.designationNumber() + "; it awaits acceptance or rejection.")));

    public static final Rule OBLIGATION_ACCEPTED = rule("OBLIGATION_ACCEPTED", ObligationAccepted.class, (a, d) -> List.of(
            new Notice("OBLIGATION_ACCEPTED", Recipient.consortium(a.applicantOrganisation()), a.proposalId(),
                    a.itemId() + " of " + a.designationNumber() + " accepted",
                    "Commerce accepted your evidence for " + a.itemType().toLowerCase() + " " + a.itemId() + " of designation "
                            + a.designationNumber() + (a.reason() == null ? "." : ": " + a.reason()))));

    public static final Rule OBLIGATION_REJECTED = rule("OBLIGATION_REJECTED", ObligationRejected.class, (r, d) -> List.of(
            new Notice("OBLIGATION_REJECTED", Recipient.consortium(r.applicantOrganisation()), r.proposalId(),
                    r.itemId() + " of " + r.designationNumber() + " rejected",
                    "Commerce rejected your evidence for " + r.itemType().toLowerCase() + " " + r.itemId() + " of designation "
                            + r.designationNumber() + ": " + r.reason() + ". You may submit new evidence.")));

    /** The reminder to the consortium: once per overdue item (the event is flagged once; notices are deduplicated on it). */
    public static final Rule OVERDUE_REMINDER = rule("OVERDUE_REMINDER", ObligationOverdue.class, (o, d) -> List.of(
            new Notice("OVERDUE_REMINDER", Recipient.consortium(o.applicantOrganisation()), o.proposalId(),
                    "Overdue: " + o.description() + " (" + o.designationNumber() + ")",
                    "The " + o.description() + " of designation " + o.designationNumber() + " was due on " + o.dueDate()
                            + " and is overdue. Commerce has been told.")));

    /** The escalation to Commerce of the same overdue item. */
    public static final Rule OVERDUE_ESCALATION = rule("OVERDUE_ESCALATION", ObligationOverdue.class, (o, d) -> List.of(
            new Notice("OVERDUE_ESCALATION", Recipient.agency(COMMERCE), o.proposalId(),
                    "Escalation: " + o.designationNumber() + " overdue " + o.itemType().toLowerCase().replace('_', ' '),
                    "Designation " + o.designationNumber() + ": " + o.description() + " was due on " + o.dueDate()
                            + " and is overdue (" + o.itemType() + " " + o.itemId() + ").")));

    /** Commerce learns a progress report was filed (and whether late). */
    public static final Rule PROGRESS_REPORT_TO_COMMERCE = rule("PROGRESS_REPORT_TO_COMMERCE", ProgressReportFiled.class,
            (r, d) -> List.of(new Notice("PROGRESS_REPORT_TO_COMMERCE", Recipient.agency(COMMERCE), r.proposalId(),
                    "Progress report " + r.period() + " of " + r.designationNumber() + (r.late() ? " (late)" : ""),
                    "The consortium filed its progress report for period " + r.period() + " (" + r.periodStart() + " to "
                            + r.periodEnd() + ") of designation " + r.designationNumber() + (r.late() ? ", after its due date "
                            + r.dueDate() : "") + ".")));

    public static final List<Rule> ALL = List.of(DESIGNATION_SUSPENDED, DESIGNATION_SUSPENDED_TO_EDAG, DESIGNATION_REINSTATED,
            DESIGNATION_REINSTATED_TO_EDAG, OVERSIGHT_PLAN, EVIDENCE_TO_COMMERCE, OBLIGATION_ACCEPTED, OBLIGATION_REJECTED,
            OVERDUE_REMINDER, OVERDUE_ESCALATION, PROGRESS_REPORT_TO_COMMERCE);

    private OversightRoutingRules() {
    }
}
