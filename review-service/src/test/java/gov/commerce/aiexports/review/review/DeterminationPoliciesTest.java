package gov.commerce.aiexports.review.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminationPoliciesTest {

    private static final List<IncentiveLine> REQUESTED = List.of(
            new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("20000000.00"), 12),
            new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("5000000.00"), 12),
            new IncentiveLine(Instrument.FEASIBILITY_STUDY, new BigDecimal("750000.00"), null));
    private static final List<ScreeningFlag> FLAGS = List.of(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", "/targets/0/country", "VN"));

    private static ReviewCommand.RecordDetermination designate(List<String> acknowledged, List<IncentiveLine> endorsed) {
        return new ReviewCommand.RecordDetermination("r", ReviewEvent.Decision.DESIGNATE, "strategic", acknowledged, endorsed,
                LocalDate.of(2026, 12, 1), "PAEP-2027-0001");
    }

    private static final List<String> REQUIRED = List.of("STATE", "DEFENSE");

    private static Assessment.Recorded assessment(String agency, Assessment.Recommendation r, List<String> conditions) {
        return new Assessment.Recorded("a-" + agency, agency, "rev@" + agency, 1, new Assessment.Scores(3, 3, 3, 3, 3), r,
                conditions, List.of(), null);
    }

    private static final Map<String, Assessment.Recorded> ALL_CONCUR = Map.of(
            "STATE", assessment("STATE", Assessment.Recommendation.CONCUR, List.of()),
            "DEFENSE", assessment("DEFENSE", Assessment.Recommendation.CONCUR_WITH_CONDITIONS, List.of("annual security audit")));

    private static List<Violation> check(ReviewCommand.RecordDetermination d, List<ScreeningFlag> flags, List<IncentiveLine> requested) {
        return DeterminationPolicies.check(d, flags, requested, REQUIRED, ALL_CONCUR);
    }

    @Test
    void designation_needs_every_required_agency_to_concur_now() {
        var d = designate(List.of("TARGET_COUNTRY_GROUP_D"), List.of());
        var missing = DeterminationPolicies.check(d, FLAGS, REQUESTED, REQUIRED, Map.of("STATE", ALL_CONCUR.get("STATE")));
        assertEquals(List.of("AGENCY_NOT_CONCURRED"), rules(missing));
        assertEquals(true, missing.get(0).detail().contains("DEFENSE (no assessment)"), missing.get(0).detail());
        var nonConcur = DeterminationPolicies.check(d, FLAGS, REQUESTED, REQUIRED, Map.of("STATE", ALL_CONCUR.get("STATE"),
                "DEFENSE", assessment("DEFENSE", Assessment.Recommendation.NON_CONCUR, List.of())));
        assertEquals(List.of("AGENCY_NOT_CONCURRED"), rules(nonConcur));
        var reject = new ReviewCommand.RecordDetermination("r", ReviewEvent.Decision.REJECT, "weak", List.of(), List.of(), null, null);
        assertEquals(List.of(), rules(DeterminationPolicies.check(reject, FLAGS, REQUESTED, REQUIRED, Map.of())));
    }

    @Test
    void the_designation_carries_the_union_of_current_conditions() {
        var state = assessment("STATE", Assessment.Recommendation.CONCUR_WITH_CONDITIONS, List.of("end-use checks", "annual security audit"));
        assertEquals(List.of("end-use checks", "annual security audit"),
                DeterminationPolicies.unionOfConditions(REQUIRED, Map.of("STATE", state, "DEFENSE", ALL_CONCUR.get("DEFENSE"))));
    }

    private static List<String> rules(List<Violation> v) {
        return v.stream().map(Violation::rule).toList();
    }

    @Test
    void designation_needs_every_flag_acknowledged() {
        assertEquals(List.of("FLAG_NOT_ACKNOWLEDGED"), rules(check(designate(List.of(), List.of()), FLAGS, REQUESTED)));
        assertEquals(List.of(), rules(check(designate(List.of("TARGET_COUNTRY_GROUP_D"), List.of()), FLAGS,
                REQUESTED)));
    }

    @Test
    void endorsement_up_to_the_request_per_instrument_is_allowed_and_a_cent_more_is_refused() {
        List<IncentiveLine> exact = List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("25000000.00"), 12));
        assertEquals(List.of(), rules(check(designate(List.of("TARGET_COUNTRY_GROUP_D"), exact), FLAGS,
                REQUESTED)));
        List<IncentiveLine> over = List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("20000000.00"), 12),
                new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("5000000.01"), 12));
        assertEquals(List.of("ENDORSEMENT_EXCEEDS_REQUEST"), rules(check(
                designate(List.of("TARGET_COUNTRY_GROUP_D"), over), FLAGS, REQUESTED)));
        List<IncentiveLine> notRequested = List.of(new IncentiveLine(Instrument.EQUITY_INVESTMENT, new BigDecimal("1.00"), null));
        assertEquals(List.of("ENDORSEMENT_EXCEEDS_REQUEST"), rules(check(
                designate(List.of("TARGET_COUNTRY_GROUP_D"), notRequested), FLAGS, REQUESTED)));
    }

    @Test
    void a_rejection_needs_a_justification_but_no_acknowledgement() {
        var reject = new ReviewCommand.RecordDetermination("r", ReviewEvent.Decision.REJECT, " ", List.of(), List.of(), null, null);
        assertEquals(List.of("JUSTIFICATION_REQUIRED"), rules(check(reject, FLAGS, REQUESTED)));
    }
}
