package gov.commerce.aiexports.review.oversight;

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
}
