package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The review desk's reads: an agency's workload per assigned reviewer (the worklist is a filter of GET /reviews). */
@Singleton
public class AssignmentQueries {

    /** assigned: reviews the reviewer is assigned to now; open: those still awaiting the agency's assessment; overdue: of those, past the due date. */
    public record ReviewerLoad(String reviewer, int assigned, int open, int overdue) {
    }

    /** asOf: today in Washington; awaitingReassignment: open reviews of the agency where an assigned reviewer recused. */
    public record Workload(String agency, LocalDate asOf, List<ReviewerLoad> reviewers, int awaitingReassignment) {
    }

    @Inject
    Documents documents;

    public Workload workload(String agency, LocalDate today) {
        List<ReviewView> reviews = documents.query("select doc from " + ReviewProjection.TABLE
                + " where doc->'assignments' @> cast(? as jsonb) order by id", ReviewView.class,
                "[{\"agency\":\"" + agency + "\"}]");
        Map<String, int[]> counts = new TreeMap<>();
        int awaitingReassignment = 0;
        for (ReviewView review : reviews) {
            ReviewView.AssignmentEntry entry = review.assignments.stream().filter(a -> a.agency.equals(agency)).findFirst()
                    .orElseThrow();
            boolean open = "OPEN".equals(review.status) && review.awaitingAgencies.contains(agency);
            boolean overdue = open && entry.dueDate != null && entry.dueDate.isBefore(today);
            if (open && !entry.awaitingReassignment.isEmpty()) {
                awaitingReassignment++;
            }
            for (String reviewer : entry.reviewers) {
                int[] c = counts.computeIfAbsent(reviewer, r -> new int[3]);
                c[0]++;
                c[1] += open ? 1 : 0;
                c[2] += overdue ? 1 : 0;
            }
        }
        return new Workload(agency, today, counts.entrySet().stream()
                .map(e -> new ReviewerLoad(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList(),
                awaitingReassignment);
    }
}
