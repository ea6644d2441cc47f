package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.paging.Keyset;
import gov.commerce.aiexports.runtime.paging.PageRequest;
import gov.commerce.aiexports.runtime.paging.Slice;
import gov.commerce.aiexports.runtime.readmodel.Documents;
import gov.commerce.aiexports.runtime.request.Caller;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every read of reviews: the list (and the caller's worklist, a filter of it), one review, a
 * proposal's reviews for its feedback, and an agency's workload per assigned reviewer.
 */
@Singleton
public class ReviewQueries {

    /** Newest opened first, then by id: a stable order for the cursor. */
    static final Keyset ORDER = Keyset.named("openedAt").desc("coalesce(doc->>'openedAt', '')").desc("id").build();

    /** Oldest review first, then by id: a stable order for the feedback's cursor. */
    static final Keyset FEEDBACK_ORDER = Keyset.named("openedAt").asc("coalesce(doc->>'openedAt', '')").asc("id").build();

    /** The list's filters, each already checked (null: any); assignee: the subject whose worklist is read. */
    public record Filter(String status, String proposalId, String agency, String assignee) {
    }

    /** assigned: reviews the reviewer is assigned to now; open: those still awaiting the agency's assessment; overdue: of those, past the due date. */
    public record ReviewerLoad(String reviewer, int assigned, int open, int overdue) {
    }

    /** asOf: today in Washington; awaitingReassignment: open reviews of the agency where an assigned reviewer recused. */
    public record Workload(String agency, LocalDate asOf, List<ReviewerLoad> reviewers, int awaitingReassignment) {
    }

    @Inject
    Documents documents;

    public Slice<ReviewView> page(Filter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("from " + ReviewProjection.TABLE + " where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.assignee() != null) {
            sql.append(" and jsonb_exists(doc->'assignees', ?)");
            params.add(filter.assignee());
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status());
        }
        if (filter.proposalId() != null) {
            sql.append(" and proposal_id = ?");
            params.add(filter.proposalId());
        }
        if (filter.agency() != null) {
            sql.append(" and jsonb_exists(doc->'awaitingAgencies', ?)");
            params.add(filter.agency());
        }
        return documents.page(sql.toString(), params, ORDER, page, ReviewView.class);
    }

    public Optional<ReviewView> find(String id) {
        return documents.find(ReviewProjection.TABLE, id, ReviewView.class);
    }

    public ReviewView existing(String id) {
        return find(id).orElseThrow(() -> new NotFound("review", id));
    }

    /** The reviews of a proposal, oldest first; an applicant reads only its own organisation's. */
    public Slice<ReviewView> ofProposal(Caller caller, String proposalId, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(proposalId));
        String where = "from " + ReviewProjection.TABLE + " where proposal_id = ?";
        if (!caller.readsAcrossOrganisations()) {
            where += " and doc->>'applicantOrganisation' = ?";
            params.add(String.valueOf(caller.organisation()));
        }
        return documents.page(where, params, FEEDBACK_ORDER, page, ReviewView.class);
    }

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
