package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.AgencyCodes;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The rules of the review desk: who is assigned to assess for an agency, until when, and who
 * may assess once someone is. Each with its rule code:
 * <ul>
 * <li>{@code REVIEWERS_REQUIRED}: an assignment names at least one reviewer (token subjects);</li>
 * <li>{@code DUE_DATE_IN_PAST}: an assessment is due today or later (Washington);</li>
 * <li>{@code AGENCY_NOT_REQUIRED}: only agencies the review requires get reviewers;</li>
 * <li>{@code REVIEWER_RECUSED}: a reviewer who declared a conflict on the review is not assigned to it;</li>
 * <li>{@code REVIEWER_NOT_ASSIGNED}: once an agency has assigned reviewers, only they, or the
 * agency's lead, assess (or recuse) for it; until then any reviewer of the agency may (reviews
 * opened before assignments existed keep working);</li>
 * <li>{@code ASSIGNEE_UNKNOWN}, {@code REVIEWER_ALREADY_ASSIGNED}: a reassignment replaces an
 * assigned (or recused, awaiting reassignment) reviewer by one not assigned yet.</li>
 * </ul>
 * Each {@code check...} returns what it finds; the aggregate or use case makes the refusal (400
 * or 422, as each method says).
 */
public final class AssignmentPolicies {

    public static final String REVIEWERS_REQUIRED = "REVIEWERS_REQUIRED";
    public static final String DUE_DATE_IN_PAST = "DUE_DATE_IN_PAST";
    public static final String REVIEWER_NOT_ASSIGNED = "REVIEWER_NOT_ASSIGNED";
    public static final String ASSIGNEE_UNKNOWN = "ASSIGNEE_UNKNOWN";
    public static final String REVIEWER_ALREADY_ASSIGNED = "REVIEWER_ALREADY_ASSIGNED";
    /** A subject is a token's sub claim: printable, without spaces, at most 200 characters. */
    private static final int SUBJECT_MAX = 200;

    private AssignmentPolicies() {
    }

    /** The request itself (400): an agency code, at least one well-formed subject, a due date. */
    public static List<Violation> checkWellFormed(String agency, List<String> reviewers, LocalDate dueDate) {
        Checks checks = new Checks().required(agency, "/agency");
        checks.require(agency == null || agency.isBlank() || AgencyCodes.ALL.contains(agency), "VALUE_NOT_ALLOWED", "/agency",
                "agency is one of " + AgencyCodes.ALL);
        checks.require(reviewers != null && !reviewers.isEmpty(), REVIEWERS_REQUIRED, "/reviewers",
                "name at least one reviewer (the subject of the reviewer's token)");
        if (reviewers != null) {
            for (int i = 0; i < reviewers.size(); i++) {
                checks.require(subject(reviewers.get(i)), REVIEWERS_REQUIRED, "/reviewers/" + i,
                        "a reviewer is named by its token's subject: 1 to " + SUBJECT_MAX + " letters, digits or . _ @ + : -");
            }
        }
        checks.required(dueDate, "/dueDate");
        return checks.violations();
    }

    public static boolean subject(String s) {
        // a token's subject as identity providers issue them (user ids, e-mail addresses): letters, digits and . _ @ + : -
        return s != null && s.length() <= SUBJECT_MAX && s.matches("[A-Za-z0-9._@+:-]+");
    }

    /** The review's side (422): the agency is required, the date not past, no reviewer recused. */
    public static List<Violation> checkAssignable(String agency, List<String> reviewers, String reviewersField, LocalDate dueDate,
            LocalDate today, List<String> requiredAgencies, Set<String> recused) {
        if (!requiredAgencies.contains(agency)) {
            return List.of(new Violation("AGENCY_NOT_REQUIRED", "/agency",
                    agency + " is not among the agencies this review requires: " + requiredAgencies));
        }
        Checks checks = new Checks();
        if (dueDate != null) {
            checks.require(!dueDate.isBefore(today), DUE_DATE_IN_PAST, "/dueDate", "an assessment is due today (" + today
                    + ", Washington) or later");
        }
        for (int i = 0; i < reviewers.size(); i++) {
            checks.require(!recused.contains(reviewers.get(i)), "REVIEWER_RECUSED", reviewersField.replace("{i}", String.valueOf(i)),
                    reviewers.get(i) + " declared a conflict of interest on this review and cannot be assigned to it");
        }
        return checks.violations();
    }

    /** A reassignment's request (400): the agency, the reviewer replaced and a well-formed successor. */
    public static List<Violation> checkReassignmentInput(String agency, String from, String to) {
        return new Checks().required(agency, "/agency").required(from, "/from")
                .required(to, "/to").require(to == null || subject(to), REVIEWERS_REQUIRED,
                        "/to", "a reviewer is named by its token's subject: no spaces, at most 200 characters")
                .violations();
    }

    /**
     * ASSIGNEE_UNKNOWN, REVIEWER_ALREADY_ASSIGNED (422): the reviewer replaced is assigned (or recused,
     * awaiting reassignment), the successor is not assigned yet; {@code assigned} is null while the
     * agency has no assigned reviewers.
     */
    public static List<Violation> checkReassignment(String agency, String from, String to, Collection<String> assigned,
            Collection<String> awaitingReassignment) {
        if (assigned == null || !(assigned.contains(from) || awaitingReassignment.contains(from))) {
            return List.of(new Violation(ASSIGNEE_UNKNOWN, "/from", from + " is not assigned to this review for "
                    + agency + (assigned == null ? " (it has no assigned reviewers)" : "; assigned: " + assigned)));
        }
        if (assigned.contains(to)) {
            return List.of(new Violation(REVIEWER_ALREADY_ASSIGNED, "/to", to + " is already assigned for " + agency));
        }
        return List.of();
    }

    /** REVIEWER_NOT_ASSIGNED (409): once the agency has assigned reviewers, only they or the agency's lead assess for it. */
    public static List<Violation> checkMayActFor(String agency, String reviewer, boolean lead, boolean agencyHasAssignment,
            Collection<String> assigned) {
        return Violations.unless(!agencyHasAssignment || assigned.contains(reviewer) || lead, REVIEWER_NOT_ASSIGNED, null,
                reviewer + " is not assigned to this review for " + agency + "; only its assigned reviewers " + assigned
                        + " or the agency's lead assess it");
    }

    /**
     * In which capacity this reviewer assesses (or recuses) for the agency, once {@link #checkMayActFor}
     * passed: null while the agency has no assignment on the review, else ASSIGNED_REVIEWER or AGENCY_LEAD.
     */
    public static String capacity(String agency, String reviewer, boolean lead, boolean agencyHasAssignment,
            Collection<String> assigned) {
        if (!agencyHasAssignment) {
            return lead ? Assessment.AGENCY_LEAD : null;
        }
        if (assigned.contains(reviewer)) {
            return Assessment.ASSIGNED_REVIEWER;
        }
        return lead ? Assessment.AGENCY_LEAD : null;
    }
}
