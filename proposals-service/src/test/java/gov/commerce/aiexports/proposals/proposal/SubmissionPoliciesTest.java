package gov.commerce.aiexports.proposals.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.HardwareLayer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Layer;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Stack;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Target;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubmissionPoliciesTest {

    private static final CountryGroups GROUPS = CountryGroups.load();
    private static final String MEMBER = "ACME00000001";

    private static SubmissionContext open() {
        return new SubmissionContext(true, Set.of("DIRECT_LOAN", "FEASIBILITY_STUDY"), Set.of(MEMBER), GROUPS, Instant.now());
    }

    private static ProposalContent proposal(List<Target> targets, BigDecimal usShare, List<IncentiveLine> lines, String supplier) {
        Layer layer = new Layer("layer", List.of(supplier));
        return new ProposalContent("t", "s", new Stack(new HardwareLayer("gpus", List.of(supplier), usShare, "US"), layer, layer,
                layer, layer), targets, "bom", lines, true, List.of());
    }

    private static ProposalContent good(List<Target> targets) {
        return proposal(targets, new BigDecimal("60"), List.of(new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("1000.50"), 10)),
                MEMBER);
    }

    private static List<String> rules(List<Violation> violations) {
        return violations.stream().map(Violation::rule).toList();
    }

    @Test
    void an_allied_target_with_us_hardware_passes_without_flags() {
        var s = SubmissionPolicies.screen(good(List.of(new Target("DE", null, null, null))), open());
        assertEquals(List.of(), s.refusals());
        assertEquals(List.of(), s.flags());
        assertEquals(GROUPS.version(), s.countryListVersion());
    }

    @Test
    void targets_in_e1_e2_or_under_comprehensive_ofac_programmes_are_refused_with_their_field() {
        for (String embargoed : List.of("IR", "KP", "SY", "CU")) {
            var s = SubmissionPolicies.screen(good(List.of(new Target("DE", null, null, null), new Target(embargoed, null, null, null))),
                    open());
            assertEquals(List.of("TARGET_EMBARGOED"), rules(s.refusals()), embargoed);
            assertEquals("/targets/1/country", s.refusals().get(0).field());
        }
        var crimea = SubmissionPolicies.screen(good(List.of(new Target("UA", "UA-43", null, null))), open());
        assertEquals(List.of("TARGET_EMBARGOED"), rules(crimea.refusals()));
        assertEquals("/targets/0/region", crimea.refusals().get(0).field());
        var bloc = SubmissionPolicies.screen(good(List.of(new Target(null, null, "Caribbean", List.of("JM", "CU")))), open());
        assertEquals("/targets/0/countries/1", bloc.refusals().get(0).field());
    }

    @Test
    void sanctioned_regions_are_refused_by_code_or_by_name_whatever_the_country_given() {
        for (String region : List.of("Crimea", "crimea", "Autonomous Republic of Crimea", "UA-40", "Sevastopol", "Donetsk",
                "Donetsk region", "DNR", "Luhansk", "Lugansk", "LNR", "UA-09", "ua-14")) {
            var s = SubmissionPolicies.screen(good(List.of(new Target("UA", region, null, null))), open());
            assertEquals(List.of("TARGET_EMBARGOED"), rules(s.refusals()), region);
            assertEquals("/targets/0/region", s.refusals().get(0).field(), region);
        }
        // the region decides, not the country it is filed under
        var underRussia = SubmissionPolicies.screen(good(List.of(new Target("RU", "Crimea", null, null))), open());
        assertEquals(List.of("TARGET_EMBARGOED"), rules(underRussia.refusals()));
        assertTrue(underRussia.refusals().get(0).detail().contains("UA-43"), underRussia.refusals().get(0).detail());
        // other regions of Ukraine pass
        for (String region : List.of("Kyiv", "UA-30", "Lviv Oblast", "Odesa")) {
            var s = SubmissionPolicies.screen(good(List.of(new Target("UA", region, null, null))), open());
            assertEquals(List.of(), s.refusals(), region);
        }
    }

    @Test
    void hong_kong_is_flagged_exactly_as_china() {
        var china = SubmissionPolicies.screen(good(List.of(new Target("CN", null, null, null))), open());
        var hongKong = SubmissionPolicies.screen(good(List.of(new Target("HK", null, null, null))), open());
        assertEquals(List.of(), hongKong.refusals());
        assertEquals(china.flags().stream().map(f -> f.code() + " " + f.field()).toList(),
                hongKong.flags().stream().map(f -> f.code() + " " + f.field()).toList());
        assertTrue(hongKong.flags().get(0).detail().contains("HK (treated as CN) is in Country Group D:1 and D:5"),
                hongKong.flags().get(0).detail());
        var inABloc = SubmissionPolicies.screen(good(List.of(new Target(null, null, "Pearl River Delta", List.of("HK", "MO")))), open());
        assertEquals(2, inABloc.flags().size());
    }

    @Test
    void targets_in_d1_or_d5_are_accepted_and_flagged() {
        var s = SubmissionPolicies.screen(good(List.of(new Target("VN", null, null, null), new Target("IQ", null, null, null))), open());
        assertEquals(List.of(), s.refusals());
        assertEquals(2, s.flags().size());
        assertTrue(s.flags().stream().allMatch(f -> f.code().equals("TARGET_COUNTRY_GROUP_D")));
        assertTrue(s.flags().get(1).detail().contains("D:1 and D:5"), s.flags().get(1).detail());
    }

    @Test
    void hardware_below_51_percent_us_origin_is_flagged_and_51_is_not() {
        var below = SubmissionPolicies.screen(proposal(List.of(new Target("DE", null, null, null)), new BigDecimal("50.99"),
                List.of(), MEMBER), open());
        assertEquals(List.of("US_CONTENT_BELOW_51"), below.flags().stream().map(f -> f.code()).toList());
        var at = SubmissionPolicies.screen(proposal(List.of(new Target("DE", null, null, null)), new BigDecimal("51"), List.of(), MEMBER),
                open());
        assertEquals(List.of(), at.flags());
    }

    @Test
    void closed_call_missing_layers_no_target_no_attestation_strangers_and_bad_lines_are_all_named() {
        ProposalContent p = new ProposalContent("t", "s", new Stack(new HardwareLayer("gpus", List.of("STRANGER0001"), BigDecimal.TEN,
                null), null, new Layer(" ", List.of()), null, null), List.of(), "bom",
                List.of(new IncentiveLine(Instrument.EQUITY_INVESTMENT, new BigDecimal("-1"), null),
                        new IncentiveLine(Instrument.DIRECT_LOAN, new BigDecimal("10.001"), 5)), false, List.of());
        SubmissionContext closed = new SubmissionContext(false, Set.of("DIRECT_LOAN"), Set.of(MEMBER), GROUPS, Instant.now());
        var s = SubmissionPolicies.screen(p, closed);
        assertEquals(List.of("CALL_NOT_OPEN", "STACK_LAYER_MISSING", "STACK_LAYER_MISSING", "STACK_LAYER_MISSING",
                "STACK_LAYER_MISSING", "TARGET_REQUIRED", "ATTESTATION_REQUIRED", "SUPPLIER_NOT_MEMBER",
                "INCENTIVE_AMOUNT_INVALID", "INSTRUMENT_NOT_OFFERED", "INCENTIVE_AMOUNT_INVALID"), rules(s.refusals()));
        assertEquals("/stack/hardware/suppliers/0", s.refusals().get(7).field());
    }
}
