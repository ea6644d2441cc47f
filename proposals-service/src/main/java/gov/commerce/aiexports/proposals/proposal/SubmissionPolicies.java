package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.UsdAmount;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Target;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every check made when a proposal is submitted, each a named policy with a stable rule code.
 * Refusals ({@link Violation}) stop the submission; flags are recorded for the reviewers.
 */
public final class SubmissionPolicies {

    /** One submission check. */
    public interface SubmissionPolicy {
        void check(ProposalContent p, SubmissionContext ctx, List<Violation> refusals, List<ScreeningFlag> flags);
    }

    /** CALL_NOT_OPEN: the call accepts submissions from opening to closing plus the grace period. */
    public static final SubmissionPolicy CALL_OPEN = (p, ctx, refusals, flags) -> {
        if (!ctx.callOpen()) {
            refusals.add(new Violation("CALL_NOT_OPEN", "/callId", "the call does not accept submissions at " + ctx.now()));
        }
    };

    /** STACK_LAYER_MISSING: all five layers of the full stack are described. */
    public static final SubmissionPolicy STACK_COMPLETE = (p, ctx, refusals, flags) -> {
        ProposalContent.Stack s = p.stack();
        if (s == null || s.hardware() == null || blank(s.hardware().description())) {
            refusals.add(new Violation("STACK_LAYER_MISSING", "/stack/hardware", "the hardware layer is missing"));
        }
        checkLayer(s == null ? null : s.dataPipelines(), "dataPipelines", refusals);
        checkLayer(s == null ? null : s.models(), "models", refusals);
        checkLayer(s == null ? null : s.security(), "security", refusals);
        checkLayer(s == null ? null : s.applications(), "applications", refusals);
    };

    /** TARGET_REQUIRED: at least one target country or bloc. */
    public static final SubmissionPolicy TARGET_PRESENT = (p, ctx, refusals, flags) -> {
        if (p.targetCountries().isEmpty()) {
            refusals.add(new Violation("TARGET_REQUIRED", "/targets", "at least one target country or bloc is required"));
        }
    };

    /**
     * TARGET_EMBARGOED: no target in Country Group E:1/E:2 or under a comprehensive OFAC programme, nor in a
     * region under one (Crimea, Sevastopol, Donetsk, Luhansk), written as its ISO 3166-2 code or its name.
     * TARGET_COUNTRY_GROUP_D (flag): a target in D:1 or D:5 is accepted and shown to the reviewers.
     */
    public static final SubmissionPolicy TARGET_COUNTRY = (p, ctx, refusals, flags) -> {
        CountryGroups groups = ctx.countryGroups();
        List<Target> targets = p.targets() == null ? List.of() : p.targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Optional<CountryGroups.Region> sanctioned = groups.sanctionedRegion(t.region());
            if (sanctioned.isPresent()) {
                refusals.add(new Violation("TARGET_EMBARGOED", "/targets/" + i + "/region", t.region() + " (" + sanctioned.get().code()
                        + ") is under a comprehensive OFAC sanctions programme (list " + groups.version() + ")"));
            }
            List<String> countries = t.allCountries();
            for (int j = 0; j < countries.size(); j++) {
                String c = countries.get(j);
                String field = t.country() != null && j == 0 ? "/targets/" + i + "/country"
                        : "/targets/" + i + "/countries/" + (t.country() != null ? j - 1 : j);
                if (groups.embargoed(c)) {
                    refusals.add(new Violation("TARGET_EMBARGOED", field,
                            c + " is in Country Group E:1/E:2 or under a comprehensive OFAC programme (list " + groups.version() + ")"));
                } else if (groups.inD1(c) || groups.inD5(c)) {
                    String as = groups.groupsOf(c).equals(c) ? "" : " (treated as " + groups.groupsOf(c) + ")";
                    flags.add(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", field, c + as + " is in Country Group "
                            + (groups.inD1(c) ? "D:1" : "") + (groups.inD1(c) && groups.inD5(c) ? " and " : "")
                            + (groups.inD5(c) ? "D:5" : "") + " (list " + groups.version() + ")"));
                }
            }
        }
    };

    /** ATTESTATION_REQUIRED: the export-control, outbound-investment and end-use attestation is given. */
    public static final SubmissionPolicy ATTESTATION_GIVEN = (p, ctx, refusals, flags) -> {
        if (!Boolean.TRUE.equals(p.exportControlAttestation())) {
            refusals.add(new Violation("ATTESTATION_REQUIRED", "/exportControlAttestation",
                    "the export-control compliance attestation must be given"));
        }
    };

    /** SUPPLIER_NOT_MEMBER: every supplier named in a layer is a member of the consortium. */
    public static final SubmissionPolicy SUPPLIERS_ARE_MEMBERS = (p, ctx, refusals, flags) -> {
        ProposalContent.Stack s = p.stack();
        if (s == null) {
            return;
        }
        if (s.hardware() != null) {
            checkSuppliers(s.hardware().suppliers(), "hardware", ctx, refusals);
        }
        if (s.dataPipelines() != null) {
            checkSuppliers(s.dataPipelines().suppliers(), "dataPipelines", ctx, refusals);
        }
        if (s.models() != null) {
            checkSuppliers(s.models().suppliers(), "models", ctx, refusals);
        }
        if (s.security() != null) {
            checkSuppliers(s.security().suppliers(), "security", ctx, refusals);
        }
        if (s.applications() != null) {
            checkSuppliers(s.applications().suppliers(), "applications", ctx, refusals);
        }
    };

    /** INCENTIVE_AMOUNT_INVALID, INSTRUMENT_NOT_OFFERED: lines are positive, in cents, of instruments the call offers. */
    public static final SubmissionPolicy INCENTIVE_LINES = (p, ctx, refusals, flags) -> {
        List<IncentiveLine> lines = p.incentiveLines();
        for (int i = 0; i < lines.size(); i++) {
            IncentiveLine line = lines.get(i);
            if (!UsdAmount.isValid(line.amountUsd())) {
                refusals.add(new Violation("INCENTIVE_AMOUNT_INVALID", "/incentives/" + i + "/amountUsd", UsdAmount.DESCRIPTION));
            }
            if (line.instrument() == null || !ctx.offeredInstruments().contains(line.instrument().name())) {
                refusals.add(new Violation("INSTRUMENT_NOT_OFFERED", "/incentives/" + i + "/instrument",
                        line.instrument() + " is not offered by this call"));
            }
        }
    };

    /** US_CONTENT_BELOW_51 (flag): the hardware layer is presumed compliant at 51% US-origin value or more. */
    public static final SubmissionPolicy US_CONTENT = (p, ctx, refusals, flags) -> {
        ProposalContent.Stack s = p.stack();
        if (s != null && s.hardware() != null) {
            BigDecimal share = s.hardware().usOriginSharePercent();
            if (share == null || share.compareTo(BigDecimal.valueOf(51)) < 0) {
                flags.add(new ScreeningFlag("US_CONTENT_BELOW_51", "/stack/hardware/usOriginSharePercent",
                        "the hardware layer's US-origin share is " + (share == null ? "not given" : share + "%")
                                + ", under the 51% presumption"));
            }
        }
    };

    /** All of them, in the order their findings are reported. */
    public static final List<SubmissionPolicy> ALL = List.of(CALL_OPEN, STACK_COMPLETE, TARGET_PRESENT, TARGET_COUNTRY,
            ATTESTATION_GIVEN, SUPPLIERS_ARE_MEMBERS, INCENTIVE_LINES, US_CONTENT);

    /** An answer to an information request is screened again, except for the call window, which has usually closed. */
    public static final List<SubmissionPolicy> RESUBMISSION = List.of(STACK_COMPLETE, TARGET_PRESENT, TARGET_COUNTRY,
            ATTESTATION_GIVEN, SUPPLIERS_ARE_MEMBERS, INCENTIVE_LINES, US_CONTENT);

    /** The outcome of screening a proposal. */
    public record Screening(List<Violation> refusals, List<ScreeningFlag> flags, String countryListVersion) {
    }

    private SubmissionPolicies() {
    }

    public static Screening screen(ProposalContent p, SubmissionContext ctx) {
        return screen(p, ctx, ALL);
    }

    public static Screening screen(ProposalContent p, SubmissionContext ctx, List<SubmissionPolicy> policies) {
        List<Violation> refusals = new ArrayList<>();
        List<ScreeningFlag> flags = new ArrayList<>();
        policies.forEach(policy -> policy.check(p, ctx, refusals, flags));
        return new Screening(refusals, flags, ctx.countryGroups().version());
    }

    private static void checkLayer(ProposalContent.Layer layer, String name, List<Violation> refusals) {
        if (layer == null || blank(layer.description())) {
            refusals.add(new Violation("STACK_LAYER_MISSING", "/stack/" + name, "the " + name + " layer is missing"));
        }
    }

    private static void checkSuppliers(List<String> suppliers, String layer, SubmissionContext ctx, List<Violation> refusals) {
        if (suppliers == null) {
            return;
        }
        for (int i = 0; i < suppliers.size(); i++) {
            if (!ctx.memberUeis().contains(suppliers.get(i))) {
                refusals.add(new Violation("SUPPLIER_NOT_MEMBER", "/stack/" + layer + "/suppliers/" + i,
                        suppliers.get(i) + " is not a member of the consortium"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
