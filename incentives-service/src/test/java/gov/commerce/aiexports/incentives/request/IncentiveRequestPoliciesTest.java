package gov.commerce.aiexports.incentives.request;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.runtime.domain.InvalidInput;
import gov.commerce.aiexports.runtime.domain.RuleViolation;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class IncentiveRequestPoliciesTest {

    /** As the aggregate routes: input first (400), then the agency's instruments (422). */
    private static void route(Instrument instrument, FinancingAgency agency, BigDecimal rate) {
        Violations.invalidIfAny(IncentiveRequestPolicies.checkRoutingInput(instrument, agency, rate));
        Violations.refuseIfAny(IncentiveRequestPolicies.checkAgencyFinances(instrument, agency));
    }

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    @Test
    void each_agency_takes_only_its_instruments() {
        for (FinancingAgency agency : FinancingAgency.values()) {
            for (Instrument instrument : Instrument.values()) {
                BigDecimal rate = instrument.isCredit() ? usd("2.5") : null;
                boolean valid = switch (agency) {
                    case EXIM -> instrument == Instrument.DIRECT_LOAN || instrument == Instrument.CREDIT_GUARANTEE;
                    case DFC -> instrument.isCredit() || instrument == Instrument.EQUITY_INVESTMENT;
                    case USTDA -> instrument == Instrument.FEASIBILITY_STUDY || instrument == Instrument.TECHNICAL_ASSISTANCE;
                };
                if (valid) {
                    assertDoesNotThrow(() -> route(instrument, agency, rate), agency + " " + instrument);
                } else {
                    RuleViolation v = assertThrows(RuleViolation.class,
                            () -> route(instrument, agency, rate), agency + " " + instrument);
                    assertEquals("AGENCY_NOT_VALID_FOR_INSTRUMENT", v.first().rule());
                    assertEquals("/agency", v.first().field());
                }
            }
        }
    }

    @Test
    void credit_lines_need_a_rate_from_0_to_100_and_other_lines_none() {
        assertEquals("CREDIT_SUBSIDY_RATE_REQUIRED", assertThrows(InvalidInput.class,
                () -> route(Instrument.DIRECT_LOAN, FinancingAgency.EXIM, null)).first().rule());
        assertEquals("CREDIT_SUBSIDY_RATE_INVALID", assertThrows(InvalidInput.class,
                () -> route(Instrument.DIRECT_LOAN, FinancingAgency.EXIM, usd("100.01"))).first().rule());
        assertEquals("CREDIT_SUBSIDY_RATE_INVALID", assertThrows(InvalidInput.class,
                () -> route(Instrument.DIRECT_LOAN, FinancingAgency.EXIM, usd("-1"))).first().rule());
        assertEquals("CREDIT_SUBSIDY_RATE_INVALID", assertThrows(InvalidInput.class,
                () -> route(Instrument.DIRECT_LOAN, FinancingAgency.EXIM, usd("1.23456"))).first().rule());
        assertEquals("CREDIT_SUBSIDY_RATE_NOT_APPLICABLE", assertThrows(InvalidInput.class,
                () -> route(Instrument.FEASIBILITY_STUDY, FinancingAgency.USTDA, usd("1"))).first().rule());
        assertEquals("FIELD_REQUIRED", assertThrows(InvalidInput.class,
                () -> route(Instrument.FEASIBILITY_STUDY, null, null)).first().rule());
        assertDoesNotThrow(() -> route(Instrument.CREDIT_GUARANTEE, FinancingAgency.DFC, usd("0")));
    }

    @Test
    void exim_lines_above_ten_million_need_the_board() {
        assertFalse(IncentiveRequestPolicies.needsBoardApproval(FinancingAgency.EXIM, usd("10000000.00")));
        assertTrue(IncentiveRequestPolicies.needsBoardApproval(FinancingAgency.EXIM, usd("10000000.01")));
        assertFalse(IncentiveRequestPolicies.needsBoardApproval(FinancingAgency.DFC, usd("50000000.00")));
        assertEquals("BOARD_APPROVAL_REQUIRED", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(IncentiveRequestPolicies.checkBoardApproval(FinancingAgency.EXIM, usd("10000000.01"), false))).first().rule());
        assertDoesNotThrow(() -> Violations.refuseIfAny(IncentiveRequestPolicies.checkBoardApproval(FinancingAgency.EXIM, usd("10000000.01"), true)));
    }

    @Test
    void only_the_routed_agency_decides() {
        assertDoesNotThrow(() -> Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(FinancingAgency.DFC, "DFC")));
        assertEquals("AGENCY_NOT_ROUTED", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(FinancingAgency.DFC, "EXIM"))).first().rule());
        assertEquals("AGENCY_NOT_ROUTED", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(IncentiveRequestPolicies.checkActingForRoutedAgency(null, "EXIM"))).first().rule());
    }

    @Test
    void disbursements_and_deobligations_stay_within_the_undisbursed_obligation() {
        assertDoesNotThrow(() -> Violations.refuseIfAny(IncentiveRequestPolicies.checkDisbursementWithinObligation(usd("100.00"), usd("100.00"))));
        assertEquals("DISBURSEMENT_EXCEEDS_OBLIGATION", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(IncentiveRequestPolicies.checkDisbursementWithinObligation(usd("100.01"), usd("100.00")))).first().rule());
        assertDoesNotThrow(() -> Violations.refuseIfAny(IncentiveRequestPolicies.checkDeobligationWithinObligation(usd("0.01"), usd("0.01"))));
        assertEquals("DEOBLIGATION_EXCEEDS_OBLIGATION", assertThrows(RuleViolation.class,
                () -> Violations.refuseIfAny(IncentiveRequestPolicies.checkDeobligationWithinObligation(usd("0.02"), usd("0.01")))).first().rule());
    }

    @Test
    void steps_out_of_order_are_state_conflicts() {
        assertEquals("LINE_NOT_OBLIGATED", assertThrows(StateConflict.class, () -> Violations.conflictIfAny(IncentiveRequestPolicies.checkInState(
                IncentiveStatus.ROUTED, EnumSet.of(IncentiveStatus.OBLIGATED), "LINE_NOT_OBLIGATED", "disbursed"))).rule());
    }
}
