package gov.commerce.aiexports.proposals.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on facts made by hand: counts as of an instant, sums, nearest-rank percentiles, CSV. */
class ProgramReportFiguresTest {

    private static final Instant T0 = Instant.parse("2027-01-01T00:00:00Z");

    private static Instant h(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    private static IncentiveLine loan(String amount) {
        return new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal(amount), 10);
    }

    private static final List<ProgramFact> FACTS = List.of(
            // drafted at 0, submitted at 10, in review at 12, designated at 40
            new ProgramFact("p1", "call-A", 2027, h(0), h(10), h(12), h(40), "PAEP-2027-0001", null, null, List.of("VN"),
                    List.of(), List.of(loan("1000.00"), new IncentiveLine(Instrument.FEASIBILITY_STUDY, new BigDecimal("50.00"), null))),
            // drafted at 1, submitted at 21, in review at 22, rejected at 30
            new ProgramFact("p2", "call-A", 2027, h(1), h(21), h(22), null, null, h(30), null, List.of("VN", "KE"), List.of("Nairobi"),
                    List.of(loan("200.00"))),
            // drafted at 2, submitted at 32, in review at 36, still in review
            new ProgramFact("p3", "call-B", 2028, h(2), h(32), h(36), null, null, null, null, List.of("KE"), List.of(), List.of()),
            // drafted only
            new ProgramFact("p4", "call-B", 0, h(3), null, null, null, null, null, null, List.of(), List.of(), List.of()));

    @Test
    void counts_sums_and_stage_percentiles_as_of_the_end() {
        ProgramReport r = ProgramReport.of(FACTS, h(100));
        assertEquals(new ProgramReport.Totals(4, 3, 1, 1, 1, 0, new BigDecimal("1250.00"), new BigDecimal("1050.00")), r.totals());
        assertEquals(List.of(new ProgramReport.Group("call-A", 2, 1, 1, new BigDecimal("1250.00"), new BigDecimal("1050.00")),
                new ProgramReport.Group("call-B", 1, 0, 0, new BigDecimal("0.00"), new BigDecimal("0.00"))), r.byCall());
        assertEquals(List.of("KE", "VN"), r.byCountry().stream().map(ProgramReport.Group::key).toList());
        assertEquals(2, r.byCountry().get(0).submitted());
        assertEquals(new BigDecimal("1200.00"), r.byInstrument().get(0).requestedUsd());
        assertEquals("DIRECT_LOAN", r.byInstrument().get(0).key());
        assertEquals(List.of("Nairobi"), r.byRegion().stream().map(ProgramReport.Group::key).toList());
        // DRAFT stays 10, 20, 30 hours: p50 20, p90 30; SUBMITTED 2, 1, 4: p50 2, p90 4; UNDER_REVIEW 28, 8: p50 8, p90 28
        assertEquals(new ProgramReport.Stage("DRAFT", 3, new BigDecimal("20.00"), new BigDecimal("30.00")), r.stages().get(0));
        assertEquals(new ProgramReport.Stage("SUBMITTED", 3, new BigDecimal("2.00"), new BigDecimal("4.00")), r.stages().get(1));
        assertEquals(new ProgramReport.Stage("UNDER_REVIEW", 2, new BigDecimal("8.00"), new BigDecimal("28.00")), r.stages().get(2));
        String csv = r.csv();
        assertTrue(csv.contains("\r\n" + h(100) + ",call,call-A,2,1,1,1250.00,1050.00,,,\r\n"), csv);
        assertTrue(csv.contains(",stage,DRAFT,,,,,,3,20.00,30.00\r\n"), csv);
    }

    @Test
    void as_of_an_earlier_instant_only_what_had_happened_counts() {
        ProgramReport r = ProgramReport.of(FACTS, h(25));
        // p1 in review (designated only at 40), p2 submitted and in review, p3 not submitted yet
        assertEquals(new ProgramReport.Totals(4, 2, 2, 0, 0, 0, new BigDecimal("1250.00"), new BigDecimal("0.00")), r.totals());
        assertEquals(0, r.stages().get(2).completed());
        assertNull(r.stages().get(2).p50Hours());
        assertEquals(0, ProgramReport.of(FACTS, h(-1)).totals().drafted());
    }
}
