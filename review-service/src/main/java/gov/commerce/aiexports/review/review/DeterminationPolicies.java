package gov.commerce.aiexports.review.review;

import gov.commerce.aiexports.events.UsdAmount;
import gov.commerce.aiexports.events.IncentiveLine;
import gov.commerce.aiexports.events.Instrument;
import gov.commerce.aiexports.events.ScreeningFlag;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the national interest determination, each with its rule code:
 * <ul>
 * <li>{@code JUSTIFICATION_REQUIRED}: every determination says why;</li>
 * <li>{@code AGENCY_NOT_CONCURRED}: a designation needs every required agency's current assessment to concur
 * (with or without conditions);</li>
 * <li>{@code FLAG_NOT_ACKNOWLEDGED}: a designation acknowledges every intake flag;</li>
 * <li>{@code ENDORSEMENT_EXCEEDS_REQUEST}: endorsed lines never exceed, per instrument, what was requested;</li>
 * <li>{@code EFFECTIVE_DATE_REQUIRED}: a designation has an effective date.</li>
 * </ul>
 */
public final class DeterminationPolicies {

    /** Longest repayment term of an endorsed credit line, in years (as at intake). */
    static final int MAX_TENOR_YEARS = 40;

    private DeterminationPolicies() {
    }

    public static List<Violation> check(ReviewCommand.RecordDetermination d, List<ScreeningFlag> flags,
            List<IncentiveLine> requested, List<String> requiredAgencies, Map<String, Assessment.Recorded> current) {
        List<Violation> violations = new ArrayList<>();
        if (d.justification() == null || d.justification().isBlank()) {
            violations.add(new Violation("JUSTIFICATION_REQUIRED", "/justification", "a determination gives its justification"));
        }
        if (d.decision() == ReviewEvent.Decision.DESIGNATE) {
            List<String> missing = requiredAgencies.stream()
                    .filter(a -> !current.containsKey(a) || !current.get(a).recommendation().concurs()).toList();
            if (!missing.isEmpty()) {
                violations.add(new Violation("AGENCY_NOT_CONCURRED", "/decision", "a designation needs the concurrence of "
                        + "every required agency; not concurring yet: " + missing.stream().map(a -> a + " ("
                        + (current.containsKey(a) ? current.get(a).recommendation() : "no assessment") + ")").toList()));
            }
            List<String> acknowledged = d.acknowledgedFlags() == null ? List.of() : d.acknowledgedFlags();
            for (ScreeningFlag flag : flags) {
                if (!acknowledged.contains(flag.code())) {
                    violations.add(new Violation("FLAG_NOT_ACKNOWLEDGED", "/acknowledgedFlags",
                            "the intake flag " + flag.code() + " (" + flag.detail() + ") must be acknowledged"));
                }
            }
            if (d.effectiveDate() == null) {
                violations.add(new Violation("EFFECTIVE_DATE_REQUIRED", "/effectiveDate", "a designation has an effective date"));
            }
            violations.addAll(endorsementWithinRequest(d.endorsedIncentives(), requested));
        }
        return violations;
    }

    /** The designation's conditions: the union of the current assessments' conditions, in agency order. */
    public static List<String> unionOfConditions(List<String> requiredAgencies, Map<String, Assessment.Recorded> current) {
        java.util.LinkedHashSet<String> union = new java.util.LinkedHashSet<>();
        for (String agency : requiredAgencies) {
            Assessment.Recorded a = current.get(agency);
            if (a != null && a.conditions() != null) {
                a.conditions().stream().filter(c -> c != null && !c.isBlank()).map(String::trim).forEach(union::add);
            }
        }
        return List.copyOf(union);
    }

    static List<Violation> endorsementWithinRequest(List<IncentiveLine> endorsed, List<IncentiveLine> requested) {
        List<Violation> violations = new ArrayList<>();
        Map<Instrument, BigDecimal> asked = totals(requested);
        Map<Instrument, BigDecimal> given = totals(endorsed);
        List<IncentiveLine> lines = endorsed == null ? List.of() : endorsed;
        for (int i = 0; i < lines.size(); i++) {
            IncentiveLine line = lines.get(i);
            if (line.instrument() == null || !UsdAmount.isValid(line.amountUsd())) {
                violations.add(new Violation("ENDORSEMENT_INVALID", "/endorsedIncentives/" + i,
                        "an endorsed line has an instrument and " + UsdAmount.DESCRIPTION));
            }
            if (line.tenorYears() != null && (line.tenorYears() < 1 || line.tenorYears() > MAX_TENOR_YEARS)) {
                violations.add(new Violation("ENDORSEMENT_INVALID", "/endorsedIncentives/" + i + "/tenorYears",
                        "a tenor is from 1 to " + MAX_TENOR_YEARS + " years"));
            }
        }
        given.forEach((instrument, amount) -> {
            if (amount.compareTo(asked.getOrDefault(instrument, BigDecimal.ZERO)) > 0) {
                violations.add(new Violation("ENDORSEMENT_EXCEEDS_REQUEST", "/endorsedIncentives",
                        "endorsed " + instrument + " of " + amount + " exceeds the " + asked.getOrDefault(instrument, BigDecimal.ZERO)
                                + " requested"));
            }
        });
        return violations;
    }

    private static Map<Instrument, BigDecimal> totals(List<IncentiveLine> lines) {
        Map<Instrument, BigDecimal> totals = new EnumMap<>(Instrument.class);
        if (lines != null) {
            for (IncentiveLine l : lines) {
                if (l.instrument() != null && l.amountUsd() != null) {
                    totals.merge(l.instrument(), l.amountUsd(), BigDecimal::add);
                }
            }
        }
        return totals;
    }
}
