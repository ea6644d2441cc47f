package gov.commerce.aiexports.review.review;

import java.util.List;

/** What an agency's assessment contains. */
public final class Assessment {

    private Assessment() {
    }

    public enum Recommendation {
        CONCUR, CONCUR_WITH_CONDITIONS, NON_CONCUR, REQUIRES_MODIFICATION;

        public boolean concurs() {
            return this == CONCUR || this == CONCUR_WITH_CONDITIONS;
        }
    }

    public enum Visibility { SHARED, INTERNAL }

    public record ConflictOfInterest(boolean declared, String description) {
    }

    /** Scores 0 to 5 on the program's five criteria. */
    public record Scores(Integer strategicValue, Integer nationalSecurityRisk, Integer commercialViability,
            Integer stackCompleteness, Integer partnerReadiness) {
    }

    public record Comment(String text, Visibility visibility) {
    }

    /**
     * An assessment as recorded: by whom, for which agency, in which round of the review. capacity:
     * ASSIGNED_REVIEWER (assigned to the review for its agency) or AGENCY_LEAD (the agency's lead);
     * null for any other reviewer of an agency with no assignment on the review, and in events stored before.
     */
    public record Recorded(String assessmentId, String agency, String reviewer, int round, Scores scores,
            Recommendation recommendation, List<String> conditions, List<Comment> comments, String supersedes, String capacity) {

        public Recorded(String assessmentId, String agency, String reviewer, int round, Scores scores,
                Recommendation recommendation, List<String> conditions, List<Comment> comments, String supersedes) {
            this(assessmentId, agency, reviewer, round, scores, recommendation, conditions, comments, supersedes, null);
        }
    }

    public static final String ASSIGNED_REVIEWER = "ASSIGNED_REVIEWER";
    public static final String AGENCY_LEAD = "AGENCY_LEAD";
}
