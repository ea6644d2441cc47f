package gov.commerce.aiexports.review.oversight;

import gov.commerce.aiexports.runtime.domain.Checks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The rules of a designation's obligations, with their stable codes, and the reporting periods' arithmetic. */
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

    static Checks text(Checks checks, String value, String field, int max) {
        return checks.require(value == null || value.length() <= max, TEXT_TOO_LONG, field, field + " is at most " + max
                + " characters");
    }

    static boolean decimal(String value) {
        try {
            new BigDecimal(value.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Each named document is one attached to this oversight (field {@code <field>/<i>}). */
    public static Checks documents(Checks checks, List<String> documentIds, Set<String> attached, String field) {
        List<String> ids = documentIds == null ? List.of() : documentIds;
        for (int i = 0; i < ids.size(); i++) {
            checks.require(ids.get(i) != null && attached.contains(ids.get(i)), DOCUMENT_UNKNOWN, field + "/" + i,
                    "no document " + ids.get(i) + " is attached to this designation (POST /oversight/{number}/documents first)");
        }
        return checks;
    }
}
