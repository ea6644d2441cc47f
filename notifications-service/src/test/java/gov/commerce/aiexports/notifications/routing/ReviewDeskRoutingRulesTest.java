package gov.commerce.aiexports.notifications.routing;

import static gov.commerce.aiexports.notifications.routing.RoutingRulesTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.review.AssessmentOverdue;
import gov.commerce.aiexports.events.review.ReviewerReassignmentRequested;
import gov.commerce.aiexports.events.review.ReviewersAssigned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewDeskRoutingRulesTest {

    private static final LocalDate DUE = LocalDate.parse("2027-03-01");

    private static List<Recipient> recipients(List<Notice> notices) {
        return notices.stream().map(Notice::recipient).toList();
    }

    @Test
    void each_newly_assigned_reviewer_is_told_in_person_what_is_due_when() {
        List<Notice> assigned = route(new ReviewersAssigned("r", "p", "STATE", "ASSIGNED", List.of("alice", "bob"), List.of("bob"),
                List.of(), DUE, null, "officer", false, Instant.now()));
        assertEquals(List.of(Recipient.person("bob")), recipients(assigned));
        assertTrue(assigned.get(0).subject().contains("2027-03-01"));
        List<Notice> reassigned = route(new ReviewersAssigned("r", "p", "STATE", "REASSIGNED", List.of("carol"), List.of("carol"),
                List.of("alice"), DUE, "recusal", "lead", true, Instant.now()));
        assertEquals(List.of(Recipient.person("carol")), recipients(reassigned));
        assertTrue(reassigned.get(0).body().contains("taking over from alice"));
    }

    @Test
    void a_recusal_asks_the_agency_to_reassign() {
        List<Notice> notices = route(new ReviewerReassignmentRequested("r", "p", "DEFENSE", "dave", List.of(), DUE));
        assertEquals(List.of("REASSIGNMENT_REQUESTED"), notices.stream().map(Notice::rule).toList());
        assertEquals(List.of(Recipient.agency("DEFENSE")), recipients(notices));
        assertTrue(notices.get(0).body().contains("dave") && notices.get(0).body().contains("no other reviewer"));
    }

    @Test
    void an_overdue_assessment_reminds_each_reviewer_and_escalates_to_the_agency_and_commerce() {
        List<Notice> overdue = route(new AssessmentOverdue("r", "p", "STATE", List.of("alice", "bob"), DUE, 1, Instant.now()));
        assertEquals(List.of("ASSESSMENT_OVERDUE_REMINDER", "ASSESSMENT_OVERDUE_REMINDER", "ASSESSMENT_OVERDUE_ESCALATION",
                "ASSESSMENT_OVERDUE_ESCALATION"), overdue.stream().map(Notice::rule).toList());
        assertEquals(List.of(Recipient.person("alice"), Recipient.person("bob"), Recipient.agency("STATE"),
                Recipient.agency("COMMERCE")), recipients(overdue));
        // Commerce's own desk overdue: Commerce is told once
        assertEquals(List.of(Recipient.agency("COMMERCE")), recipients(route(new AssessmentOverdue("r", "p", "COMMERCE", List.of(),
                DUE, 1, Instant.now()))));
    }
}
