package gov.commerce.aiexports.proposals.call;

import gov.commerce.aiexports.proposals.call.CallEvent.CallTerms;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A call's terms must be complete and coherent before anyone can apply to it. */
public final class CallTermsPolicies {

    public static final Set<String> REVIEWING_AGENCIES = Set.of("COMMERCE", "STATE", "DEFENSE", "ENERGY", "OSTP");

    private CallTermsPolicies() {
    }

    /** MODIFICATION_COMMENT_REQUIRED (400): an amendment says what changed and why. */
    public static List<Violation> checkModificationComment(String comment) {
        return Violations.unless(comment != null && !comment.isBlank(), "MODIFICATION_COMMENT_REQUIRED", "/modificationComment",
                "an amendment says what changed and why");
    }

    /** The terms as drafted or amended at {@code now}: CALL_CLOSING_PASSED among the others, a call closes in the future. */
    public static List<Violation> check(CallTerms t, Instant now) {
        Checks checks = new Checks()
                .required(t.title(), "/title")
                .required(t.opensAt(), "/opensAt")
                .required(t.closesAt(), "/closesAt")
                .require(t.fiscalYear() >= 2025 && t.fiscalYear() <= 2100, "FISCAL_YEAR_INVALID", "/fiscalYear",
                        "fiscalYear must be a year from 2025")
                .require(t.gracePeriodHours() >= 0 && t.gracePeriodHours() <= 168, "GRACE_PERIOD_INVALID", "/gracePeriodHours",
                        "gracePeriodHours must be between 0 and 168")
                .require(t.instruments() != null && !t.instruments().isEmpty(), "INSTRUMENTS_REQUIRED", "/instruments",
                        "a call offers at least one instrument")
                .require(t.requiredAgencies() != null && !t.requiredAgencies().isEmpty()
                        && REVIEWING_AGENCIES.containsAll(t.requiredAgencies()), "REQUIRED_AGENCIES_INVALID", "/requiredAgencies",
                        "requiredAgencies are one or more of " + REVIEWING_AGENCIES);
        if (t.opensAt() != null && t.closesAt() != null) {
            checks.require(t.closesAt().isAfter(t.opensAt()), "CALL_WINDOW_INVALID", "/closesAt", "closesAt must be after opensAt");
        }
        if (t.closesAt() != null) {
            checks.require(t.closesAt().isAfter(now), "CALL_CLOSING_PASSED", "/closesAt",
                    "closesAt " + t.closesAt() + " has passed: a call cannot be drafted or amended to close in the past");
        }
        return checks.violations();
    }
}
