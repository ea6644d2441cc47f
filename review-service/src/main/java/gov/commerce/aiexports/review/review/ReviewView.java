package gov.commerce.aiexports.review.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A review as government readers and auditors see it: flags, every assessment with its history
 * (superseded ones stay, marked not current), recusals, information requests, the scores per
 * criterion of the current round, and the determination. A mutable document the projection edits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReviewView {

    // always present: required in the OpenAPI document (the others may be absent, so nullable there)
    @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true)
    public String id;
    @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true)
    public String proposalId;
    public String trackingNumber;
    public String consortiumId;
    public String consortiumName;
    public String applicantOrganisation;
    public String title;
    public int fiscalYear;
    @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true)
    public String status;
    public int round;
    public List<String> targetCountries;
    public List<IncentiveLine> requestedIncentives;
    public List<String> requiredAgencies;
    /** Required agencies without a current assessment in this round, while the review is open. */
    public List<String> awaitingAgencies = new ArrayList<>();
    public List<ScreeningFlag> flags;
    public String countryListVersion;
    /** The names of the sections the consortium marked confidential (null: opened before proposals said). */
    public List<String> confidentialSections;
    public Instant openedAt;
    public List<AssessmentEntry> assessments = new ArrayList<>();
    public List<Recusal> recusals = new ArrayList<>();
    public List<InformationRequestEntry> informationRequests = new ArrayList<>();
    public Map<String, ScoreSummary> scoreSummary = new LinkedHashMap<>();
    public ReviewEvent.Determined determination;
    public String closedReason;
    /** Set when the designation was revoked (status REVOKED). */
    public Revocation revocation;

    /** causeEventId: the event that caused it (for RELINQUISHED, the applicant's ProposalWithdrawn); reason: its own words. */
    /** The suspension in force (null when none), and every suspension, reinstatement and revocation by Commerce, oldest first. */
    public StandingChange suspension;
    public List<StandingChange> standingChanges = new ArrayList<>();
    /** Each agency's assigned reviewers and due date (agencies with no assignment are absent: any of their reviewers assesses). */
    public List<AssignmentEntry> assignments = new ArrayList<>();
    /** Every assignment and reassignment, and each recusal that asked for one, oldest first. */
    public List<AssignmentChange> assignmentHistory = new ArrayList<>();
    /** The subjects assigned now, all agencies together (the worklist's filter). */
    public List<String> assignees = new ArrayList<>();
    /** The earliest due date of an agency still awaited while the review is open (the overdue scan's filter). */
    public java.time.LocalDate earliestDueDate;

    /** awaitingReassignment: assigned reviewers who recused; overdueSince: when the overdue scan flagged this due date. */
    public static class AssignmentEntry {
        public String agency;
        public List<String> reviewers = new ArrayList<>();
        public java.time.LocalDate dueDate;
        public List<String> awaitingReassignment = new ArrayList<>();
        public Instant overdueFlaggedAt;
    }

    /** change ASSIGNED, REASSIGNED or REASSIGNMENT_REQUESTED (a recusal); by: the caller's subject, byLead: as the agency's lead. */
    public record AssignmentChange(String change, String agency, List<String> added, List<String> removed,
            java.time.LocalDate dueDate, String reason, String by, boolean byLead, Instant at) {
    }

    /** change SUSPENDED, REINSTATED or REVOKED; by: the commerce-officer's subject. */
    public record StandingChange(String change, String reason, java.time.LocalDate effectiveDate, String by, Instant at) {
    }

    public record Revocation(String cause, String causeEventId, String reason, java.time.Instant revokedAt,
            java.time.LocalDate effectiveDate) {
    }

    /** capacity: ASSIGNED_REVIEWER or AGENCY_LEAD (null: any reviewer of an agency with no assignment, or recorded before). */
    public record AssessmentEntry(String assessmentId, String agency, String reviewer, int round, Assessment.Scores scores,
            Assessment.Recommendation recommendation, List<String> conditions, List<Assessment.Comment> comments,
            String supersedes, boolean current, Instant recordedAt, String capacity) {

        AssessmentEntry notCurrent() {
            return new AssessmentEntry(assessmentId, agency, reviewer, round, scores, recommendation, conditions, comments,
                    supersedes, false, recordedAt, capacity);
        }
    }

    public record Recusal(String agency, String reviewer, String description, Instant recordedAt) {
    }

    public record InformationRequestEntry(String informationRequestId, List<String> questions, String requestedBy,
            String reason, Instant requestedAt, String response, Instant answeredAt) {
    }

    public record ScoreSummary(int count, BigDecimal mean, int min, int max) {
    }

    AssignmentEntry assignment(String agency) {
        return assignments.stream().filter(a -> a.agency.equals(agency)).findFirst().orElseGet(() -> {
            AssignmentEntry entry = new AssignmentEntry();
            entry.agency = agency;
            assignments.add(entry);
            return entry;
        });
    }

    void recompute() {
        awaitingAgencies = new ArrayList<>();
        if ("OPEN".equals(status)) {
            for (String agency : requiredAgencies) {
                if (assessments.stream().noneMatch(a -> a.current() && a.agency().equals(agency))) {
                    awaitingAgencies.add(agency);
                }
            }
        }
        assignees = assignments.stream().flatMap(a -> a.reviewers.stream()).distinct().toList();
        earliestDueDate = assignments.stream().filter(a -> awaitingAgencies.contains(a.agency) && a.dueDate != null)
                .map(a -> a.dueDate).min(java.util.Comparator.naturalOrder()).orElse(null);
        List<Assessment.Scores> scores = assessments.stream().filter(AssessmentEntry::current).map(AssessmentEntry::scores).toList();
        scoreSummary = new LinkedHashMap<>();
        summarise("strategicValue", scores, Assessment.Scores::strategicValue);
        summarise("nationalSecurityRisk", scores, Assessment.Scores::nationalSecurityRisk);
        summarise("commercialViability", scores, Assessment.Scores::commercialViability);
        summarise("stackCompleteness", scores, Assessment.Scores::stackCompleteness);
        summarise("partnerReadiness", scores, Assessment.Scores::partnerReadiness);
    }

    private void summarise(String criterion, List<Assessment.Scores> scores, Function<Assessment.Scores, Integer> of) {
        List<Integer> values = scores.stream().map(of).filter(java.util.Objects::nonNull).toList();
        if (values.isEmpty()) {
            return;
        }
        int sum = values.stream().mapToInt(Integer::intValue).sum();
        scoreSummary.put(criterion, new ScoreSummary(values.size(),
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_EVEN),
                values.stream().mapToInt(Integer::intValue).min().orElse(0), values.stream().mapToInt(Integer::intValue).max().orElse(0)));
    }
}
