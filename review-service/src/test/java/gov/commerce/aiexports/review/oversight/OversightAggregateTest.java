package gov.commerce.aiexports.review.oversight;

import static gov.commerce.aiexports.testsupport.Refusals.refused;

import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Oversight aggregate's rules, given its past events (Axon's fixture: no database, no service). */
class OversightAggregateTest {

    private static final String N = "PAEP-2027-0001";
    private static final LocalDate TODAY = LocalDate.parse("2027-03-01");
    private static final Instant AT = Instant.parse("2027-03-01T15:00:00Z");
    private AggregateTestFixture<Oversight> fixture;

    private static OversightEvent.Opened opened() {
        return new OversightEvent.Opened(N, "r-1", "p-1", "ACME00000001", List.of(new OversightEvent.Item("C1", "annual audit", null),
                new OversightEvent.Item("C2", "data residency", null)));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Oversight.class);
    }

    @Test
    void opening_numbers_the_conditions() {
        fixture.givenNoPriorActivity()
                .when(new OversightCommand.OpenOversight(N, "r-1", "p-1", "ACME00000001", List.of("annual audit", "data residency")))
                .expectEvents(opened());
    }

    @Test
    void a_rejection_needs_evidence_and_an_accepted_item_takes_no_more() {
        fixture.given(opened())
                .when(new OversightCommand.DecideEvidence(N, "CONDITION", "C1", false, "nothing yet", AT))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(opened(), new OversightEvent.EvidenceSubmitted(N, "CONDITION", "C1", "ev-1", "audit", List.of(), AT),
                new OversightEvent.EvidenceAccepted(N, "CONDITION", "C1", null, "ev-1", null, AT))
                .when(new OversightCommand.SubmitEvidence(N, "CONDITION", "C1", "ev-2", "again", List.of(), AT))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(opened())
                .when(new OversightCommand.SubmitEvidence(N, "CONDITION", "C1", "ev-3", "audit", List.of("doc-1"), AT))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    @Test
    void overdue_items_are_flagged_once() {
        OversightEvent.ConditionDueDateSet due = new OversightEvent.ConditionDueDateSet(N, "C2", LocalDate.parse("2027-02-01"));
        OversightEvent.ReportingScheduleSet schedule = new OversightEvent.ReportingScheduleSet(N, "QUARTERLY",
                LocalDate.parse("2026-10-01"), 10);
        OversightEvent.OverdueFlagged c2 = new OversightEvent.OverdueFlagged(N, "CONDITION", "C2", "data residency",
                LocalDate.parse("2027-02-01"), AT);
        OversightEvent.OverdueFlagged report1 = new OversightEvent.OverdueFlagged(N, "PROGRESS_REPORT", "1",
                "progress report of period 1 (2026-10-01 to 2026-12-31)", LocalDate.parse("2027-01-10"), AT);
        fixture.given(opened(), due, schedule)
                .when(new OversightCommand.FlagOverdue(N, TODAY, AT))
                .expectEvents(c2, report1);
        fixture.given(opened(), due, schedule, c2, report1)
                .when(new OversightCommand.FlagOverdue(N, TODAY, AT))
                .expectNoEvents();
    }

    @Test
    void a_report_of_a_period_is_filed_once_and_late_after_its_due_date() {
        OversightEvent.ReportingScheduleSet schedule = new OversightEvent.ReportingScheduleSet(N, "QUARTERLY",
                LocalDate.parse("2026-10-01"), 10);
        fixture.given(opened(), schedule)
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 1, "done", List.of(), List.of(), List.of(), TODAY, AT))
                .expectEvents(new OversightEvent.ProgressReportFiled(N, "rep-1", 1, LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-10"), true, "done", List.of(), List.of(), AT, List.of()));
        fixture.given(opened(), schedule, new OversightEvent.ProgressReportFiled(N, "rep-1", 1, LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-10"), true, "done", List.of(), List.of(), AT, List.of()))
                .when(new OversightCommand.FileProgressReport(N, "rep-2", 1, "again", List.of(), List.of(), List.of(), TODAY, AT))
                .expectException(StateConflict.class).expectNoEvents();
        fixture.given(opened(), schedule)
                .when(new OversightCommand.SetReportingSchedule(N, "MONTHLY", TODAY, 200))
                .expectException(gov.commerce.aiexports.runtime.domain.InvalidInput.class).expectNoEvents();
    }

    private static OversightEvent.DocumentAttached attached(String documentId) {
        return new OversightEvent.DocumentAttached(N, documentId, "file-" + documentId, "audit.pdf", "application/pdf", 1234,
                "ab".repeat(32), "BUSINESS_CONFIDENTIAL", AT);
    }

    @Test
    void a_document_is_attached_once_and_evidence_and_reports_name_only_attached_ones() {
        fixture.given(opened())
                .when(new OversightCommand.AttachDocument(N, "doc-1", "file-doc-1", "audit.pdf", "application/pdf", 1234,
                        "ab".repeat(32), "BUSINESS_CONFIDENTIAL", AT))
                .expectEvents(attached("doc-1"));
        fixture.given(opened(), attached("doc-1"))
                .when(new OversightCommand.AttachDocument(N, "doc-1", "file-doc-1", "audit.pdf", "application/pdf", 1234,
                        "ab".repeat(32), "BUSINESS_CONFIDENTIAL", AT))
                .expectNoEvents();
        fixture.given(opened(), attached("doc-1"))
                .when(new OversightCommand.SubmitEvidence(N, "CONDITION", "C1", "ev-1", "the audit", List.of("doc-1"), AT))
                .expectEvents(new OversightEvent.EvidenceSubmitted(N, "CONDITION", "C1", "ev-1", "the audit", List.of("doc-1"), AT));
        fixture.given(opened(), attached("doc-1"))
                .when(new OversightCommand.SubmitEvidence(N, "CONDITION", "C1", "ev-1", "the audit", List.of("doc-1", "doc-2"), AT))
                .expectException(RuleViolation.class).expectNoEvents()
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DOCUMENT_UNKNOWN"));
        OversightEvent.ReportingScheduleSet schedule = new OversightEvent.ReportingScheduleSet(N, "QUARTERLY",
                LocalDate.parse("2026-10-01"), 10);
        fixture.given(opened(), schedule, attached("doc-1"))
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 1, "done", List.of(), List.of(), List.of("doc-1"), TODAY, AT))
                .expectEvents(new OversightEvent.ProgressReportFiled(N, "rep-1", 1, LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-10"), true, "done", List.of(), List.of(), AT,
                        List.of("doc-1")));
        fixture.given(opened(), schedule)
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 1, "done", List.of(), List.of(), List.of("doc-9"), TODAY, AT))
                .expectException(RuleViolation.class).expectNoEvents();
    }

    private static OversightEvent.MilestoneAdded milestone() {
        return new OversightEvent.MilestoneAdded(N, "M1", "DEPLOYMENT", "first site", "KE", 1, LocalDate.parse("2027-06-01"));
    }

    /** Each rule of OversightPolicies as the aggregate applies it: its code, field and status (400, 422, 409). */
    @Test
    void a_condition_due_date_is_given_not_past_and_not_for_an_accepted_condition() {
        LocalDate later = LocalDate.parse("2027-04-01");
        fixture.given(opened())
                .when(new OversightCommand.SetConditionDueDate(N, "C1", later, TODAY))
                .expectEvents(new OversightEvent.ConditionDueDateSet(N, "C1", later));
        fixture.given(opened())
                .when(new OversightCommand.SetConditionDueDate(N, "C1", null, TODAY))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/dueDate")).expectNoEvents();
        fixture.given(opened())
                .when(new OversightCommand.SetConditionDueDate(N, "C1", TODAY.minusDays(1), TODAY))
                .expectException(refused(RuleViolation.class, "DUE_DATE_IN_PAST", "/dueDate")).expectNoEvents();
        fixture.given(opened(), new OversightEvent.EvidenceSubmitted(N, "CONDITION", "C1", "ev-1", "audit", List.of(), AT),
                        new OversightEvent.EvidenceAccepted(N, "CONDITION", "C1", null, "ev-1", null, AT))
                .when(new OversightCommand.SetConditionDueDate(N, "C1", later, TODAY))
                .expectException(refused(StateConflict.class, "ALREADY_ACCEPTED")).expectNoEvents();
    }

    @Test
    void a_milestone_is_complete_names_its_country_and_an_endorsed_line_and_is_due_later() {
        LocalDate due = LocalDate.parse("2027-06-01");
        fixture.given(opened())
                .when(new OversightCommand.AddMilestone(N, "DEPLOYMENT", " first site ", "KE", 1, due, 2, TODAY))
                .expectEvents(milestone());
        fixture.given(opened())
                .when(new OversightCommand.AddMilestone(N, "OTHER", "x".repeat(4001), null, null, null, 2, TODAY))
                .expectException(refused(InvalidInput.class, "TEXT_TOO_LONG", "/description")).expectNoEvents()
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/dueDate"));
        fixture.given(opened())
                .when(new OversightCommand.AddMilestone(N, "DEPLOYMENT", "site", null, 3, TODAY.minusDays(1), 2, TODAY))
                .expectException(refused(RuleViolation.class, "COUNTRY_REQUIRED", "/country")).expectNoEvents()
                .expectException(refused(RuleViolation.class, "LINE_NUMBER_INVALID", "/lineNumber"))
                .expectException(refused(RuleViolation.class, "DUE_DATE_IN_PAST", "/dueDate"));
    }

    @Test
    void a_schedule_is_complete_and_locked_once_a_report_is_filed() {
        OversightEvent.ReportingScheduleSet schedule = new OversightEvent.ReportingScheduleSet(N, "QUARTERLY",
                LocalDate.parse("2026-10-01"), 10);
        fixture.given(opened())
                .when(new OversightCommand.SetReportingSchedule(N, null, null, null))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/frequency")).expectNoEvents()
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/firstPeriodStart"));
        fixture.given(opened(), schedule, new OversightEvent.ProgressReportFiled(N, "rep-1", 1, LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-10"), true, "done", List.of(), List.of(), AT, List.of()))
                .when(new OversightCommand.SetReportingSchedule(N, "MONTHLY", TODAY, null))
                .expectException(refused(StateConflict.class, "SCHEDULE_LOCKED")).expectNoEvents();
    }

    @Test
    void evidence_has_a_text_and_a_rejection_its_reason() {
        fixture.given(opened())
                .when(new OversightCommand.SubmitEvidence(N, "CONDITION", "C1", "ev-1", " ", List.of(), AT))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/text")).expectNoEvents();
        fixture.given(opened(), new OversightEvent.EvidenceSubmitted(N, "CONDITION", "C1", "ev-1", "audit", List.of(), AT))
                .when(new OversightCommand.DecideEvidence(N, "CONDITION", "C1", false, null, AT))
                .expectException(refused(InvalidInput.class, "FIELD_REQUIRED", "/reason")).expectNoEvents();
        fixture.given(opened())
                .when(new OversightCommand.DecideEvidence(N, "CONDITION", "C1", true, null, AT))
                .expectException(refused(StateConflict.class, "NO_EVIDENCE_SUBMITTED")).expectNoEvents();
    }

    @Test
    void a_report_needs_a_schedule_a_started_period_known_milestones_and_decimal_figures() {
        OversightEvent.ReportingScheduleSet schedule = new OversightEvent.ReportingScheduleSet(N, "QUARTERLY",
                LocalDate.parse("2026-10-01"), 10);
        fixture.given(opened())
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 1, "done", List.of(), List.of(), List.of(), TODAY, AT))
                .expectException(refused(StateConflict.class, "NO_REPORTING_SCHEDULE")).expectNoEvents();
        fixture.given(opened(), schedule)
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 0, "done", List.of(),
                        List.of(new OversightEvent.Figure("jobs", "many", null)), List.of(), TODAY, AT))
                .expectException(refused(InvalidInput.class, "PERIOD_INVALID", "/period")).expectNoEvents()
                .expectException(refused(InvalidInput.class, "FIGURE_VALUE_INVALID", "/figures/0/value"));
        fixture.given(opened(), schedule, milestone())
                .when(new OversightCommand.FileProgressReport(N, "rep-1", 3, "ahead",
                        List.of(new OversightEvent.MilestoneStatus("M1", "ON_TRACK", null), new OversightEvent.MilestoneStatus("C1",
                                "ON_TRACK", null)), List.of(), List.of(), TODAY, AT))
                .expectException(refused(RuleViolation.class, "MILESTONE_UNKNOWN", "/milestoneStatuses/1/milestoneId")).expectNoEvents()
                .expectException(refused(RuleViolation.class, "PERIOD_NOT_STARTED", "/period"));
    }
}
