package gov.commerce.aiexports.notifications.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Actor;
import gov.commerce.aiexports.events.EventCatalog;
import gov.commerce.aiexports.events.EventCodec;
import gov.commerce.aiexports.events.EventContract;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.IntegrationEvent;
import gov.commerce.aiexports.events.IntegrationPayload;
import gov.commerce.aiexports.events.disclosure.ProposalFacts;
import gov.commerce.aiexports.events.disclosure.Sections;
import gov.commerce.aiexports.events.incentives.IncentiveDisbursementRecorded;
import gov.commerce.aiexports.events.incentives.IncentiveRequestApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestBoardApproved;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeclined;
import gov.commerce.aiexports.events.incentives.IncentiveRequestDeobligated;
import gov.commerce.aiexports.events.incentives.IncentiveRequestOpened;
import gov.commerce.aiexports.events.incentives.IncentiveRequestRouted;
import gov.commerce.aiexports.events.proposals.CallAmended;
import gov.commerce.aiexports.events.proposals.CallPublished;
import gov.commerce.aiexports.events.proposals.ProposalResubmitted;
import gov.commerce.aiexports.events.proposals.ProposalSubmitted;
import gov.commerce.aiexports.events.proposals.ProposalWithdrawn;
import gov.commerce.aiexports.events.review.InformationRequested;
import gov.commerce.aiexports.events.review.ProposalDesignated;
import gov.commerce.aiexports.events.review.ProposalRejected;
import gov.commerce.aiexports.events.review.ReviewOpened;
import gov.commerce.aiexports.events.review.ReviewReopened;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    static final String UEI = "ACME00000001";
    /** p-1 as the rule sees it: every section marked, designated, lines routed to EXIM and USTDA. */
    static final ProposalFacts DESIGNATED = new ProposalFacts(UEI, false, true, Set.of("STATE"), Set.of("EXIM", "USTDA"),
            Set.copyOf(Sections.ALL));
    static final Directory TWO_CONSORTIA = directory(DESIGNATED);

    static Directory directory(ProposalFacts facts) {
        return new Directory() {
            @Override
            public List<String> knownConsortia() {
                return List.of("ACME00000001", "BETA00000002");
            }

            @Override
            public ProposalFacts facts(String proposalId) {
                return facts;
            }
        };
    }

    static IntegrationEvent event(IntegrationPayload payload) {
        EventContract c = EventCatalog.contractOf(payload.getClass());
        return new IntegrationEvent(UUID.randomUUID(), c.type(), c.version(), "Aggregate", "agg-1", 0, Instant.now(), c.producer(),
                "corr-1", null, Actor.system(c.producer()), EventCodec.mapper().valueToTree(payload));
    }

    static List<Notice> route(IntegrationPayload payload) {
        return RoutingRules.noticesFor(event(payload), TWO_CONSORTIA);
    }

    @Test
    void submission_receipt_goes_to_the_consortium_with_its_tracking_number() {
        List<Notice> notices = route(new ProposalSubmitted("p-1", "AIEP-2026-000042", "call-1", 2026, "c-1", "Acme", UEI, "Sovereign AI",
                List.of("VN"), List.of(), List.of("STATE"), List.of(), "v1", Instant.now(), List.of()));
        assertEquals(1, notices.size());
        Notice n = notices.get(0);
        assertEquals("SUBMISSION_RECEIPT", n.rule());
        assertEquals(Recipient.consortium(UEI), n.recipient());
        assertEquals("p-1", n.proposalId());
        assertTrue(n.subject().contains("AIEP-2026-000042"));
    }

    @Test
    void resubmission_and_withdrawal_are_confirmed_to_the_consortium() {
        Notice resubmitted = route(new ProposalResubmitted("p-1", "AIEP-2026-000042", UEI, "ir-1", "answers", "Sovereign AI",
                List.of("VN"), List.of(), List.of(), "v1", Instant.now(), List.of())).get(0);
        assertEquals("RESUBMISSION_RECEIPT", resubmitted.rule());
        assertEquals(Recipient.consortium(UEI), resubmitted.recipient());
        Notice withdrawn = route(new ProposalWithdrawn("p-1", UEI, "partner left", java.time.Instant.now())).get(0);
        assertEquals("WITHDRAWAL_CONFIRMATION", withdrawn.rule());
        assertTrue(withdrawn.body().contains("partner left"));
    }

    @Test
    void information_request_lists_the_questions_to_the_consortium() {
        List<Notice> notices = route(new InformationRequested("r-1", "p-1", "ir-1", UEI, List.of("Who operates the data centre?",
                "Which export licences?"), "reviewer-1"));
        assertEquals(1, notices.size());
        assertEquals("INFORMATION_REQUEST", notices.get(0).rule());
        assertEquals(Recipient.consortium(UEI), notices.get(0).recipient());
        assertTrue(notices.get(0).body().contains("Which export licences?"));
    }

    @Test
    void each_required_agency_is_told_a_review_awaits_it_and_again_when_a_round_reopens() {
        List<Notice> opened = route(new ReviewOpened("r-1", "p-1", UEI, List.of("STATE", "DEFENSE", "OSTP")));
        assertEquals(List.of(Recipient.agency("STATE"), Recipient.agency("DEFENSE"), Recipient.agency("OSTP")),
                opened.stream().map(Notice::recipient).toList());
        assertTrue(opened.stream().allMatch(n -> n.rule().equals("REVIEW_AWAITS_AGENCY")));
        List<Notice> reopened = route(new ReviewReopened("r-1", "p-1", UEI, 2, List.of("ENERGY")));
        assertEquals(List.of(Recipient.agency("ENERGY")), reopened.stream().map(Notice::recipient).toList());
        assertTrue(reopened.get(0).subject().contains("round 2"));
    }

    @Test
    void designation_tells_the_consortium_and_edag() {
        List<Notice> notices = route(new ProposalDesignated("r-1", "p-1", "PAEP-2026-001", "c-1", UEI, LocalDate.of(2026, 12, 1),
                List.of(), List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("20000000.00"), 12)), "strategic", List.of("STATE"), List.of()));
        assertEquals(List.of("DESIGNATION", "INCENTIVE_REQUESTS_TO_EDAG"), notices.stream().map(Notice::rule).toList());
        assertEquals(Recipient.consortium(UEI), notices.get(0).recipient());
        assertTrue(notices.get(0).subject().contains("PAEP-2026-001"));
        assertEquals(Recipient.agency("EDAG"), notices.get(1).recipient());
        assertTrue(notices.get(1).body().startsWith("1 endorsed"));
    }

    @Test
    void rejection_tells_the_consortium_why() {
        List<Notice> notices = route(new ProposalRejected("r-1", "p-1", UEI, "Incomplete security layer"));
        assertEquals(1, notices.size());
        assertEquals("REJECTION", notices.get(0).rule());
        assertEquals("Incomplete security layer", notices.get(0).body());
    }

    @Test
    void a_routed_line_tells_the_financing_agency_and_the_consortium() {
        List<Notice> notices = route(new IncentiveRequestRouted("ir-1", "p-1", "PAEP-2026-001", UEI, Instrument.DIRECT_LOAN,
                new BigDecimal("20000000.00"), "EXIM", "12 years, 4.1 %", new BigDecimal("3.50")));
        assertEquals(List.of("LINE_ROUTED_TO_AGENCY", "LINE_ROUTED_TO_APPLICANT"), notices.stream().map(Notice::rule).toList());
        assertEquals(List.of(Recipient.agency("EXIM"), Recipient.consortium(UEI)), notices.stream().map(Notice::recipient).toList());
        assertTrue(notices.get(0).body().contains("20000000.00 USD"));
        assertTrue(notices.get(0).body().contains("12 years, 4.1 %"));
    }

    @Test
    void incentive_decisions_tell_the_consortium() {
        BigDecimal amount = new BigDecimal("20000000.00");
        Notice board = route(new IncentiveRequestBoardApproved("ir-1", "p-1", "PAEP-1", UEI, "EXIM", amount,
                new BigDecimal("10000000.00"), "EXIM-BD-7")).get(0);
        Notice approved = route(new IncentiveRequestApproved("ir-1", "p-1", "PAEP-1", UEI, "EXIM", Instrument.DIRECT_LOAN, 2027,
                "b-1", amount, new BigDecimal("3.50"), new BigDecimal("700000.00"))).get(0);
        Notice declined = route(new IncentiveRequestDeclined("ir-1", "p-1", "PAEP-1", UEI, "DFC", "outside mandate")).get(0);
        Notice deobligated = route(new IncentiveRequestDeobligated("ir-1", "p-1", "PAEP-1", UEI, "EXIM", "b-1",
                new BigDecimal("5000000.00"), new BigDecimal("175000.00"), new BigDecimal("15000000.00"), "scope reduced")).get(0);
        Notice disbursed = route(new IncentiveDisbursementRecorded("ir-1", "p-1", "PAEP-1", UEI, "EXIM", new BigDecimal("1000000.00"),
                "WIRE-1", new BigDecimal("1000000.00"), new BigDecimal("19000000.00"))).get(0);
        assertEquals(List.of("BOARD_APPROVAL", "INCENTIVE_APPROVAL", "INCENTIVE_DECLINE", "INCENTIVE_DEOBLIGATION", "DISBURSEMENT"),
                List.of(board.rule(), approved.rule(), declined.rule(), deobligated.rule(), disbursed.rule()));
        for (Notice n : List.of(board, approved, declined, deobligated, disbursed)) {
            assertEquals(Recipient.consortium(UEI), n.recipient());
            assertEquals("p-1", n.proposalId());
        }
        assertTrue(approved.body().contains("fiscal year 2027"));
        assertTrue(declined.body().contains("outside mandate"));
        assertTrue(deobligated.body().contains("15000000.00 USD remain"));
        assertTrue(disbursed.body().contains("WIRE-1"));
    }

    @Test
    void call_amendment_tells_every_known_consortium() {
        List<Notice> notices = route(new CallAmended("call-1", "FY2027 call", 2027, Instant.now(), Instant.parse("2027-07-31T23:59:59Z"),
                24, List.of(Instrument.DIRECT_LOAN), List.of("STATE"), 2, "closing extended by a month"));
        assertEquals(List.of(Recipient.consortium("ACME00000001"), Recipient.consortium("BETA00000002")),
                notices.stream().map(Notice::recipient).toList());
        assertTrue(notices.get(0).body().contains("closing extended by a month"));
        assertTrue(notices.get(0).body().contains("2027-07-31T23:59:59Z"));
    }

    @Test
    void closing_reminder_tells_each_consortium_named() {
        List<Notice> notices = RoutingRules.closingReminder("FY2027 call", Instant.parse("2027-06-30T23:59:59Z"), "7 days",
                List.of("ACME00000001"));
        assertEquals(1, notices.size());
        assertEquals(RoutingRules.CLOSING_REMINDER, notices.get(0).rule());
        assertTrue(notices.get(0).subject().contains("7 days"));
    }

    @Test
    void events_no_rule_names_tell_nobody() {
        assertEquals(List.of(), route(new CallPublished("call-1", "FY2027", 2027, Instant.now(), Instant.now(), 0, List.of(),
                List.of(), 1)));
        assertEquals(List.of(), route(new IncentiveRequestOpened("ir-1", "p-1", "PAEP-1", "c-1", UEI, Instrument.DIRECT_LOAN,
                new BigDecimal("1.00"), 1)));
    }

    @Test
    void a_revoked_designation_tells_the_consortium_and_edag_and_each_line_its_financing_agency() {
        var revoked = new gov.commerce.aiexports.events.review.DesignationRevoked("r-1", "p-1", "PAEP-2027-0007", "c-1", UEI,
                "RELINQUISHED", "ev-1", 2, Instant.now());
        List<Notice> notices = route(revoked);
        assertEquals(List.of(Recipient.consortium(UEI), Recipient.agency("EDAG")), notices.stream().map(Notice::recipient).toList());
        assertTrue(notices.get(0).body().contains("RELINQUISHED"));

        List<Notice> cancelled = route(new gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled("ir-1", "p-1",
                "PAEP-2027-0007", UEI, "USTDA", "FEASIBILITY_STUDY", new BigDecimal("750000.00"), "RELINQUISHED", "partner left"));
        assertEquals(List.of(Recipient.consortium(UEI), Recipient.agency("USTDA")),
                cancelled.stream().map(Notice::recipient).toList());
        assertEquals(List.of(Recipient.consortium(UEI)), route(new gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled(
                "ir-2", "p-1", "PAEP-2027-0007", UEI, null, "TECHNICAL_ASSISTANCE", new BigDecimal("1.00"), "RELINQUISHED", "x"))
                .stream().map(Notice::recipient).toList(), "an unrouted line concerns no financing agency yet");

        List<Notice> flagged = route(new gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation("ir-3", "p-1",
                "PAEP-2027-0007", UEI, "EXIM", "budget-FY2027-DIRECT_LOAN", new BigDecimal("20000000.00"),
                new BigDecimal("900000.00"), "RELINQUISHED", "partner left"));
        assertEquals("LINE_FLAGGED_FOR_DEOBLIGATION", flagged.get(0).rule());
        assertEquals(Recipient.agency("EXIM"), flagged.get(0).recipient());
        assertTrue(flagged.get(0).body().contains("20000000.00") && flagged.get(0).body().contains("900000.00"));
        assertEquals(Recipient.consortium(UEI), flagged.get(1).recipient());
    }

    @Test
    void an_agency_is_told_a_line_only_as_far_as_the_disclosure_rule_lets_it_see_the_incentives() {
        IncentiveRequestRouted routed = new IncentiveRequestRouted("ir-1", "p-1", "PAEP-2026-001", UEI, Instrument.DIRECT_LOAN,
                new BigDecimal("20000000.00"), "EXIM", "12 years", new BigDecimal("3.50"));
        // the designation not known yet (it travels on another topic): withheld from EXIM, never from the owner
        ProposalFacts notDesignated = new ProposalFacts(UEI, false, false, Set.of("STATE"), Set.of("EXIM"), Set.copyOf(Sections.ALL));
        List<Notice> early = RoutingRules.noticesFor(event(routed), directory(notDesignated));
        assertFalse(early.get(0).body().contains("20000000.00"), early.get(0).body());
        assertFalse(early.get(0).body().contains("DIRECT_LOAN"), early.get(0).body());
        assertTrue(early.get(0).body().contains("[withheld: BUSINESS_CONFIDENTIAL because NO_FINANCING_NEED]"), early.get(0).body());
        assertTrue(early.get(0).body().contains("12 years"), "EDAG's own terms are no section: " + early.get(0).body());
        assertTrue(early.get(1).body().contains("20000000.00 USD"), "the owner sees its own line: " + early.get(1).body());

        // nothing marked: the line is no secret to anyone who is told of it
        ProposalFacts unmarked = new ProposalFacts(UEI, false, false, Set.of("STATE"), Set.of(), Set.of());
        assertTrue(RoutingRules.noticesFor(event(routed), directory(unmarked)).get(0).body().contains("20000000.00 USD"));

        // a revoked designation: the financing agency loses the need to know, the consortium keeps its own
        var flagged = new gov.commerce.aiexports.events.incentives.IncentiveRequestFlaggedForDeobligation("ir-3", "p-1",
                "PAEP-2027-0007", UEI, "EXIM", "budget-FY2027-DIRECT_LOAN", new BigDecimal("20000000.00"),
                new BigDecimal("900000.00"), "RELINQUISHED", "partner left");
        List<Notice> told = RoutingRules.noticesFor(event(flagged), directory(notDesignated));
        assertFalse(told.get(0).body().contains("20000000.00") || told.get(0).body().contains("900000.00")
                || told.get(0).body().contains("DIRECT_LOAN"), told.get(0).body());
        assertTrue(told.get(0).body().contains("ir-3"), "the agency still learns which request: " + told.get(0).body());
        assertTrue(told.get(1).body().contains("20000000.00"), told.get(1).body());
        var cancelled = new gov.commerce.aiexports.events.incentives.IncentiveRequestCancelled("ir-1", "p-1", "PAEP-2027-0007", UEI,
                "USTDA", "FEASIBILITY_STUDY", new BigDecimal("750000.00"), "RELINQUISHED", "partner left");
        List<Notice> lines = RoutingRules.noticesFor(event(cancelled), directory(notDesignated));
        assertTrue(lines.get(0).body().contains("750000.00"), lines.get(0).body());
        assertFalse(lines.get(1).body().contains("750000.00") || lines.get(1).body().contains("FEASIBILITY_STUDY"), lines.get(1).body());
    }

    @Test
    void no_subject_names_a_section_value() {
        Notice disbursed = route(new IncentiveDisbursementRecorded("ir-1", "p-1", "PAEP-1", UEI, "EXIM", new BigDecimal("1234567.00"),
                "WIRE-1", new BigDecimal("1234567.00"), new BigDecimal("19000000.00"))).get(0);
        assertEquals("Disbursement by EXIM", disbursed.subject(), "subjects are shown to operators and announced on Kafka");
        assertTrue(disbursed.body().contains("1234567.00 USD"));
    }

    @Test
    void every_published_contract_is_routed_or_named_silent() {
        for (Class<? extends IntegrationPayload> contract : EventCatalog.CONTRACTS) {
            boolean routed = RoutingRules.ALL.stream().anyMatch(r -> r.eventType().equals(contract));
            boolean silent = RoutingRules.SILENT.contains(contract);
            assertTrue(routed ^ silent, contract.getSimpleName() + " must be routed by a rule or named in RoutingRules.SILENT "
                    + "(and not both)");
        }
    }

    @Test
    void rule_names_are_unique_and_every_rule_routes_a_published_contract() {
        Set<String> names = new HashSet<>();
        for (RoutingRules.Rule rule : RoutingRules.ALL) {
            assertTrue(names.add(rule.name()), "duplicate rule name " + rule.name());
            assertTrue(EventCatalog.CONTRACTS.contains(rule.eventType()), rule.name() + " routes an unpublished contract");
        }
    }
}
