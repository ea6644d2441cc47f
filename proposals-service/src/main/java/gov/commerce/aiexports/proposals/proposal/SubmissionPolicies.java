package gov.commerce.aiexports.proposals.proposal;

import gov.commerce.aiexports.events.UsdAmount;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.proposals.proposal.ProposalContent.Target;
import gov.commerce.aiexports.proposals.screening.CountryGroups;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every check made when a proposal is submitted, each with its stable rule code, listed together:
 * each {@code check...} returns the refusals it finds ({@link Violation}s, which stop the
 * submission: 422), each {@code flag...} the findings recorded for the reviewers. {@link #screen}
 * runs them all, in the order their findings are reported.
 */
public final class SubmissionPolicies {

    private SubmissionPolicies() {
    }

    /** The outcome of screening a proposal. */
    public record Screening(List<Violation> refusals, List<ScreeningFlag> flags, String countryListVersion) {
    }

    /** Every check and flag, on submission. */
    public static Screening screen(ProposalContent p, SubmissionContext ctx) {
        return screen(p, ctx, true);
    }

    /** An answer to an information request is screened again, except for the call window, which has usually closed. */
    public static Screening rescreen(ProposalContent p, SubmissionContext ctx) {
        return screen(p, ctx, false);
    }

    private static Screening screen(ProposalContent p, SubmissionContext ctx, boolean callWindow) {
        List<Violation> refusals = new ArrayList<>();
        if (callWindow) {
            refusals.addAll(checkCallOpen(p, ctx));
        }
        refusals.addAll(checkStackComplete(p, ctx));
        refusals.addAll(checkTargetPresent(p, ctx));
        refusals.addAll(checkTargetCountries(p, ctx));
        refusals.addAll(checkAttestation(p, ctx));
        refusals.addAll(checkSuppliersAreMembers(p, ctx));
        refusals.addAll(checkIncentiveLines(p, ctx));
        List<ScreeningFlag> flags = new ArrayList<>(flagTargetCountries(p, ctx));
        flags.addAll(flagUsContent(p, ctx));
        return new Screening(refusals, flags, ctx.countryGroups().version());
    }

    /** CALL_NOT_OPEN: the call accepts submissions from opening to closing plus the grace period. */
    public static List<Violation> checkCallOpen(ProposalContent p, SubmissionContext ctx) {
        return Violations.unless(ctx.callOpen(), "CALL_NOT_OPEN", "/callId", "the call does not accept submissions at " + ctx.now());
    }

    /** STACK_LAYER_MISSING: all five layers of the full stack are described. */
    public static List<Violation> checkStackComplete(ProposalContent p, SubmissionContext ctx) {
        List<Violation> refusals = new ArrayList<>();
        ProposalContent.Stack s = p.stack();
        if (s == null || s.hardware() == null || blank(s.hardware().description())) {
            refusals.add(new Violation("STACK_LAYER_MISSING", "/stack/hardware", "the hardware layer is missing"));
        }
        checkLayer(s == null ? null : s.dataPipelines(), "dataPipelines", refusals);
        checkLayer(s == null ? null : s.models(), "models", refusals);
        checkLayer(s == null ? null : s.security(), "security", refusals);
        checkLayer(s == null ? null : s.applications(), "applications", refusals);
        return refusals;
    }

    /** TARGET_REQUIRED: at least one target country or bloc. */
    public static List<Violation> checkTargetPresent(ProposalContent p, SubmissionContext ctx) {
        return Violations.unless(!p.targetCountries().isEmpty(), "TARGET_REQUIRED", "/targets",
                "at least one target country or bloc is required");
    }

    /**
     * TARGET_EMBARGOED: no target in Country Group E:1/E:2 or under a comprehensive OFAC programme, nor in a
     * region under one (Crimea, Sevastopol, Donetsk, Luhansk), written as its ISO 3166-2 code or its name.
     */
    public static List<Violation> checkTargetCountries(ProposalContent p, SubmissionContext ctx) {
        CountryGroups groups = ctx.countryGroups();
        List<Violation> refusals = new ArrayList<>();
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
                if (groups.embargoed(c)) {
                    refusals.add(new Violation("TARGET_EMBARGOED", countryField(t, i, j),
                            c + " is in Country Group E:1/E:2 or under a comprehensive OFAC programme (list " + groups.version() + ")"));
                }
            }
        }
        return refusals;
    }

    /** TARGET_COUNTRY_GROUP_D (flag): a target in D:1 or D:5 (and not embargoed) is accepted and shown to the reviewers. */
    public static List<ScreeningFlag> flagTargetCountries(ProposalContent p, SubmissionContext ctx) {
        CountryGroups groups = ctx.countryGroups();
        List<ScreeningFlag> flags = new ArrayList<>();
        List<Target> targets = p.targets() == null ? List.of() : p.targets();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            List<String> countries = t.allCountries();
            for (int j = 0; j < countries.size(); j++) {
                String c = countries.get(j);
                if (!groups.embargoed(c) && (groups.inD1(c) || groups.inD5(c))) {
                    String as = groups.groupsOf(c).equals(c) ? "" : " (treated as " + groups.groupsOf(c) + ")";
                    flags.add(new ScreeningFlag("TARGET_COUNTRY_GROUP_D", countryField(t, i, j), c + as + " is in Country Group "
                            + (groups.inD1(c) ? "D:1" : "") + (groups.inD1(c) && groups.inD5(c) ? " and " : "")
                            + (groups.inD5(c) ? "D:5" : "") + " (list " + groups.version() + ")"));
                }
            }
        }
        return flags;
    }

    /** ATTESTATION_REQUIRED: the export-control, outbound-investment and end-use attestation is given. */
    public static List<Violation> checkAttestation(ProposalContent p, SubmissionContext ctx) {
        return Violations.unless(Boolean.TRUE.equals(p.exportControlAttestation()), "ATTESTATION_REQUIRED", "/exportControlAttestation",
                "the export-control compliance attestation must be given");
    }

    /** SUPPLIER_NOT_MEMBER: every supplier named in a layer is a member of the consortium. */
    public static List<Violation> checkSuppliersAreMembers(ProposalContent p, SubmissionContext ctx) {
        List<Violation> refusals = new ArrayList<>();
        ProposalContent.Stack s = p.stack();
        if (s == null) {
            return refusals;
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
        return refusals;
    }

    /** INCENTIVE_AMOUNT_INVALID, INSTRUMENT_NOT_OFFERED: lines are positive, in cents, of instruments the call offers. */
    public static List<Violation> checkIncentiveLines(ProposalContent p, SubmissionContext ctx) {
        List<Violation> refusals = new ArrayList<>();
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
        return refusals;
    }

    /** US_CONTENT_BELOW_51 (flag): the hardware layer is presumed compliant at 51% US-origin value or more. */
    public static List<ScreeningFlag> flagUsContent(ProposalContent p, SubmissionContext ctx) {
        ProposalContent.Stack s = p.stack();
        if (s != null && s.hardware() != null) {
            BigDecimal share = s.hardware().usOriginSharePercent();
            if (share == null || share.compareTo(BigDecimal.valueOf(51)) < 0) {
                return List.of(new ScreeningFlag("US_CONTENT_BELOW_51", "/stack/hardware/usOriginSharePercent",
                        "the hardware layer's US-origin share is " + (share == null ? "not given" : share + "%")
                                + ", under the 51% presumption"));
            }
        }
        return List.of();
    }

    /** A target's country as a field: its country, or its bloc's j-th country. */
    private static String countryField(Target t, int i, int j) {
        return t.country() != null && j == 0 ? "/targets/" + i + "/country"
                : "/targets/" + i + "/countries/" + (t.country() != null ? j - 1 : j);
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
