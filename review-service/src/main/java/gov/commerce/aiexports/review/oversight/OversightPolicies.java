package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The rules of a designation's obligations, with their stable codes, and the reporting periods'
 * arithmetic. Each {@code check...} returns what it finds; the {@link Oversight} aggregate makes the
 * refusal, with the status each method names (400, 422 or 409).
 */
public final class OversightPolicies {

    public static final Set<String> MILESTONE_KINDS = Set.of("DEPLOYMENT", "FINANCING_CLOSE", "FIRST_REVENUE", "OTHER");
    public static final Set<String> FREQUENCIES = Set.of("MONTHLY", "QUARTERLY", "SEMI_ANNUAL", "ANNUAL");
    public static final Set<String> MILESTONE_PROGRESS = Set.of("NOT_STARTED", "ON_TRACK", "AT_RISK", "DELAYED", "ACHIEVED");
    /** Days after a period's end by which its report is due, unless Commerce says otherwise. */
    public static final int DEFAULT_REPORT_DUE_DAYS = 30;

    /** 422: a due date before today in Washington. */
    public static final String DUE_DATE_IN_PAST = "DUE_DATE_IN_PAST";
    /** 422: a deployment milestone names no country. */
    public static final String COUNTRY_REQUIRED = "COUNTRY_REQUIRED";
    /** 422: a milestone's line is not one of the designation's endorsed lines. */
    public static final String LINE_NUMBER_INVALID = "LINE_NUMBER_INVALID";
    /** 400: reportDueDays outside 0..180. */
    public static final String REPORT_DUE_DAYS_INVALID = "REPORT_DUE_DAYS_INVALID";
    /** 409: the schedule cannot change once a report was filed against it. */
    public static final String SCHEDULE_LOCKED = "SCHEDULE_LOCKED";
    /** 409: a report without a schedule. */
    public static final String NO_REPORTING_SCHEDULE = "NO_REPORTING_SCHEDULE";
    /** 422: a report for a period that has not started yet. */
    public static final String PERIOD_NOT_STARTED = "PERIOD_NOT_STARTED";
    /** 400: a period below 1. */
    public static final String PERIOD_INVALID = "PERIOD_INVALID";
    /** 409: a second report for a period. */
    public static final String REPORT_ALREADY_FILED = "REPORT_ALREADY_FILED";
    /** 422: a milestone status naming a milestone the designation does not have. */
    public static final String MILESTONE_UNKNOWN = "MILESTONE_UNKNOWN";
    /** 400: a figure whose value is not a decimal number. */
    public static final String FIGURE_VALUE_INVALID = "FIGURE_VALUE_INVALID";
    /** 422: evidence or a report points to a document that was not attached to this designation's oversight. */
    public static final String DOCUMENT_UNKNOWN = "DOCUMENT_UNKNOWN";
    /** 409: evidence or a decision for an item already accepted. */
    public static final String ALREADY_ACCEPTED = "ALREADY_ACCEPTED";
    /** 409: a decision with no evidence awaiting one. */
    public static final String NO_EVIDENCE_SUBMITTED = "NO_EVIDENCE_SUBMITTED";
    /** 400: a text over its length. */
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";

    private OversightPolicies() {
    }

    public static int months(String frequency) {
        return switch (frequency) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "SEMI_ANNUAL" -> 6;
            default -> 12;
        };
    }

    public static LocalDate periodStart(LocalDate first, String frequency, int period) {
        return first.plusMonths((long) (period - 1) * months(frequency));
    }

    public static LocalDate periodEnd(LocalDate first, String frequency, int period) {
        return periodStart(first, frequency, period + 1).minusDays(1);
    }

    public static LocalDate reportDue(LocalDate first, String frequency, int reportDueDays, int period) {
        return periodEnd(first, frequency, period).plusDays(reportDueDays);
    }

    /** FIELD_REQUIRED (400): a condition's due date is given. */
    public static List<Violation> checkDueDateGiven(LocalDate dueDate) {
        return new Checks().required(dueDate, "/dueDate").violations();
    }

    /** DUE_DATE_IN_PAST (422): a due date is today or later in Washington. */
    public static List<Violation> checkDueDate(LocalDate dueDate, LocalDate today) {
        return Violations.unless(!dueDate.isBefore(today), DUE_DATE_IN_PAST, "/dueDate",
                "a due date is today or later in Washington (" + today + ")");
    }

    /** ALREADY_ACCEPTED (409): an accepted condition or milestone takes no new due date, evidence or decision. */
    public static List<Violation> checkNotAccepted(String status, String itemId) {
        return Violations.unless(!"ACCEPTED".equals(status), ALREADY_ACCEPTED, null, itemId + " is accepted already");
    }

    /** FIELD_REQUIRED, TEXT_TOO_LONG (400): a milestone has a kind, a description of at most 4000 characters and a due date. */
    public static List<Violation> checkMilestoneInput(OversightCommand.AddMilestone c) {
        Checks input = new Checks().required(c.kind(), "/kind").required(c.description(), "/description")
                .required(c.dueDate(), "/dueDate");
        return text(input, c.description(), "/description", 4000).violations();
    }

    /**
     * COUNTRY_REQUIRED, LINE_NUMBER_INVALID, DUE_DATE_IN_PAST (422): a deployment milestone names its
     * country, a milestone's line is one of the endorsed lines, its due date is not past.
     */
    public static List<Violation> checkMilestone(OversightCommand.AddMilestone c) {
        return new Checks()
                .require(!"DEPLOYMENT".equals(c.kind()) || c.country() != null, COUNTRY_REQUIRED, "/country",
                        "a deployment milestone names its target country")
                .require(c.lineNumber() == null || (c.lineNumber() >= 1 && c.lineNumber() <= c.endorsedLineCount()),
                        LINE_NUMBER_INVALID, "/lineNumber",
                        "lineNumber is one of the designation's endorsed lines, 1 to " + c.endorsedLineCount())
                .addAll(checkDueDate(c.dueDate(), c.today()))
                .violations();
    }

    /** FIELD_REQUIRED, REPORT_DUE_DAYS_INVALID (400): a schedule has a frequency, a first period and 0 to 180 days to report. */
    public static List<Violation> checkSchedule(OversightCommand.SetReportingSchedule c, int reportDueDays) {
        return new Checks().required(c.frequency(), "/frequency").required(c.firstPeriodStart(), "/firstPeriodStart")
                .require(reportDueDays >= 0 && reportDueDays <= 180, REPORT_DUE_DAYS_INVALID, "/reportDueDays",
                        "reportDueDays is 0 to 180")
                .violations();
    }

    /** SCHEDULE_LOCKED (409): the schedule cannot change once a report was filed against it. */
    public static List<Violation> checkScheduleUnlocked(Set<Integer> filedPeriods) {
        return Violations.unless(filedPeriods.isEmpty(), SCHEDULE_LOCKED, null, "reports were filed against the current schedule");
    }

    /** FIELD_REQUIRED, TEXT_TOO_LONG (400): evidence has a text of at most 20000 characters. */
    public static List<Violation> checkEvidenceInput(String text) {
        return text(new Checks().required(text, "/text"), text, "/text", 20000).violations();
    }

    /** DOCUMENT_UNKNOWN (422): each named document is one attached to this oversight (field {@code <field>/<i>}). */
    public static List<Violation> checkDocuments(List<String> documentIds, Set<String> attached, String field) {
        Checks checks = new Checks();
        List<String> ids = documentIds == null ? List.of() : documentIds;
        for (int i = 0; i < ids.size(); i++) {
            checks.require(ids.get(i) != null && attached.contains(ids.get(i)), DOCUMENT_UNKNOWN, field + "/" + i,
                    "no document " + ids.get(i) + " is attached to this designation (POST /oversight/{number}/documents first)");
        }
        return checks.violations();
    }

    /** FIELD_REQUIRED, TEXT_TOO_LONG (400): a rejection gives its reason; a reason has at most 4000 characters. */
    public static List<Violation> checkDecisionInput(boolean accept, String reason) {
        Checks input = new Checks();
        if (!accept) {
            input.required(reason, "/reason");
        }
        return text(input, reason, "/reason", 4000).violations();
    }

    /** NO_EVIDENCE_SUBMITTED (409): a decision is on evidence awaiting one. */
    public static List<Violation> checkEvidenceAwaiting(String status, String itemId) {
        return Violations.unless("EVIDENCE_SUBMITTED".equals(status), NO_EVIDENCE_SUBMITTED, null,
                itemId + " has no evidence awaiting a decision");
    }

    /**
     * FIELD_REQUIRED, PERIOD_INVALID, TEXT_TOO_LONG, FIGURE_VALUE_INVALID (400): a report names its
     * period (from 1) and has a narrative of at most 20000 characters; each figure a name and a decimal
     * value; each milestone status a milestone and a status.
     */
    public static List<Violation> checkReportInput(OversightCommand.FileProgressReport c) {
        Checks input = new Checks().required(c.period(), "/period").required(c.narrative(), "/narrative")
                .require(c.period() == null || c.period() >= 1, PERIOD_INVALID, "/period",
                        "period is the number of the reporting period, from 1");
        text(input, c.narrative(), "/narrative", 20000);
        List<OversightEvent.Figure> figures = c.figures() == null ? List.of() : c.figures();
        for (int i = 0; i < figures.size(); i++) {
            OversightEvent.Figure f = figures.get(i);
            input.required(f == null ? null : f.name(), "/figures/" + i + "/name")
                    .required(f == null ? null : f.value(), "/figures/" + i + "/value");
            if (f != null && f.value() != null && !f.value().isBlank()) {
                input.require(decimal(f.value()), FIGURE_VALUE_INVALID, "/figures/" + i + "/value",
                        "a figure's value is a decimal number, such as 1250000.00");
            }
        }
        List<OversightEvent.MilestoneStatus> statuses = c.milestoneStatuses() == null ? List.of() : c.milestoneStatuses();
        for (int i = 0; i < statuses.size(); i++) {
            OversightEvent.MilestoneStatus s = statuses.get(i);
            input.required(s == null ? null : s.milestoneId(), "/milestoneStatuses/" + i + "/milestoneId")
                    .required(s == null ? null : s.status(), "/milestoneStatuses/" + i + "/status");
        }
        return input.violations();
    }

    /** NO_REPORTING_SCHEDULE (409): a report needs the schedule Commerce sets. */
    public static List<Violation> checkScheduleSet(String frequency) {
        return Violations.unless(frequency != null, NO_REPORTING_SCHEDULE, null, "Commerce has not set a reporting schedule");
    }

    /**
     * DOCUMENT_UNKNOWN, MILESTONE_UNKNOWN, PERIOD_NOT_STARTED (422): a report names attached documents
     * and the designation's milestones, for a period that has started (on {@code periodStart}).
     */
    public static List<Violation> checkReport(OversightCommand.FileProgressReport c, Set<String> attached, Set<String> milestoneIds,
            LocalDate periodStart) {
        Checks rules = new Checks().addAll(checkDocuments(c.documentIds(), attached, "/documentIds"));
        List<OversightEvent.MilestoneStatus> statuses = c.milestoneStatuses() == null ? List.of() : c.milestoneStatuses();
        for (int i = 0; i < statuses.size(); i++) {
            rules.require(milestoneIds.contains(statuses.get(i).milestoneId()), MILESTONE_UNKNOWN,
                    "/milestoneStatuses/" + i + "/milestoneId", "the designation has no milestone " + statuses.get(i).milestoneId());
        }
        return rules.require(!periodStart.isAfter(c.today()), PERIOD_NOT_STARTED, "/period",
                "period " + c.period() + " starts on " + periodStart).violations();
    }

    /** REPORT_ALREADY_FILED (409): a period's report is filed once. */
    public static List<Violation> checkNotFiled(Set<Integer> filedPeriods, int period) {
        return Violations.unless(!filedPeriods.contains(period), REPORT_ALREADY_FILED, null,
                "the report of period " + period + " is filed");
    }

    private static Checks text(Checks checks, String value, String field, int max) {
        return checks.require(value == null || value.length() <= max, TEXT_TOO_LONG, field, field + " is at most " + max
                + " characters");
    }

    private static boolean decimal(String value) {
        try {
            new BigDecimal(value.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
