package gov.commerce.aiexports.notifications.routing;

import static gov.commerce.aiexports.notifications.routing.RoutingRulesTest.UEI;
import static gov.commerce.aiexports.notifications.routing.RoutingRulesTest.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.review.DesignationReinstated;
import gov.commerce.aiexports.events.review.DesignationSuspended;
import gov.commerce.aiexports.events.review.EvidenceSubmitted;
import gov.commerce.aiexports.events.review.ObligationAccepted;
import gov.commerce.aiexports.events.review.ObligationOverdue;
import gov.commerce.aiexports.events.review.ObligationRejected;
import gov.commerce.aiexports.events.review.OversightPlanSet;
import gov.commerce.aiexports.events.review.ProgressReportFiled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OversightRoutingRulesTest {

    private static List<Recipient> recipients(List<Notice> notices) {
        return notices.stream().map(Notice::recipient).toList();
    }

    @Test
    void suspension_and_reinstatement_tell_the_consortium_and_edag() {
        List<Notice> suspended = route(new DesignationSuspended("r", "p", "PAEP-2027-0001", "c", UEI, "audit missed",
                LocalDate.parse("2027-03-01"), 2, Instant.now()));
        assertEquals(List.of(Recipient.consortium(UEI), Recipient.agency("EDAG")), recipients(suspended));
        assertTrue(suspended.get(0).body().contains("audit missed") && suspended.get(0).body().contains("2027-03-01"));
        assertEquals(List.of("DESIGNATION_REINSTATED", "DESIGNATION_REINSTATED_TO_EDAG"), route(new DesignationReinstated("r", "p",
                "PAEP-2027-0001", "c", UEI, "delivered", LocalDate.parse("2027-04-01"), 2, Instant.now())).stream()
                .map(Notice::rule).toList());
    }

    @Test
    void evidence_and_reports_go_to_commerce_decisions_to_the_consortium() {
        assertEquals(List.of(Recipient.agency("COMMERCE")), recipients(route(new EvidenceSubmitted("p", "PAEP-1", UEI, "CONDITION",
                "C1", "ev", "audit", List.of(), Instant.now()))));
        assertEquals(List.of(Recipient.agency("COMMERCE")), recipients(route(new ProgressReportFiled("p", "PAEP-1", UEI, "rep", 1,
                LocalDate.parse("2027-01-01"), LocalDate.parse("2027-03-31"), LocalDate.parse("2027-04-30"), true, "n", List.of(),
                List.of(), Instant.now()))));
        List<Notice> rejected = route(new ObligationRejected("p", "PAEP-1", UEI, "CONDITION", "C2", null, "ev",
                "no certificate", Instant.now()));
        assertEquals(List.of(Recipient.consortium(UEI)), recipients(rejected));
        assertTrue(rejected.get(0).body().contains("no certificate"));
        assertEquals(List.of(Recipient.consortium(UEI)), recipients(route(new ObligationAccepted("p", "PAEP-1", UEI, "MILESTONE", "M1",
                1, "ev", null, Instant.now()))));
        assertEquals(List.of(Recipient.consortium(UEI)), recipients(route(new OversightPlanSet("r", "p", "PAEP-1", UEI, "OPENED",
                List.of(), List.of(), null))));
    }

    @Test
    void an_overdue_item_reminds_the_consortium_and_escalates_to_commerce() {
        List<Notice> overdue = route(new ObligationOverdue("p", "PAEP-1", UEI, "PROGRESS_REPORT", "2",
                "progress report of period 2", LocalDate.parse("2027-07-15"), Instant.now()));
        assertEquals(List.of("OVERDUE_REMINDER", "OVERDUE_ESCALATION"), overdue.stream().map(Notice::rule).toList());
        assertEquals(List.of(Recipient.consortium(UEI), Recipient.agency("COMMERCE")), recipients(overdue));
        assertTrue(overdue.get(1).body().contains("2027-07-15"));
    }
}
