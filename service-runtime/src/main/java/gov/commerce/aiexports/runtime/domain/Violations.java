package gov.commerce.aiexports.runtime.domain;

import java.util.List;

/**
 * Turns what a policy found into the refusal, in one place. A policy's {@code check...} method is
 * pure and returns the {@link Violation}s it finds (none when the command passes); its caller (an
 * aggregate, a use case) decides which problem they make: 400 for malformed input, 422 for a rule
 * of the program, 409 for a step the current state does not take.
 */
public final class Violations {

    private Violations() {
    }

    /** {@link InvalidInput} (400) naming every violation, when there is any. */
    public static void invalidIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** {@link RuleViolation} (422) naming every violation, when there is any. */
    public static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
    }

    /** {@link StateConflict} (409) with the first violation's rule, field and detail, when there is any. */
    public static void conflictIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new StateConflict(first.rule(), first.field(), first.detail());
        }
    }

    /** One violation, or none when {@code ok}: the shape of a rule that names a single thing. */
    public static List<Violation> unless(boolean ok, String rule, String field, String detail) {
        return ok ? List.of() : List.of(new Violation(rule, field, detail));
    }
}
