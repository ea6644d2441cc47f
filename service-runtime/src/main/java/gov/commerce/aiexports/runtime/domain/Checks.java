package gov.commerce.aiexports.runtime.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a policy finds so that one response names all of it; the policy returns
 * {@link #violations()} and its caller turns them into the problem with {@link Violations}.
 */
public final class Checks {

    private final List<Violation> violations = new ArrayList<>();

    public Checks require(boolean ok, String rule, String field, String detail) {
        if (!ok) {
            violations.add(new Violation(rule, field, detail));
        }
        return this;
    }

    public Checks required(Object value, String field) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return require(present, "FIELD_REQUIRED", field, field + " is required");
    }

    /** Adds what a policy found, after what is already here. */
    public Checks addAll(List<Violation> found) {
        violations.addAll(found);
        return this;
    }

    public boolean ok() {
        return violations.isEmpty();
    }

    /** What was found, in the order it was checked. */
    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** Throws {@link InvalidInput} (400) when anything was found (input checked where it is read, not by a policy). */
    public void throwIfInvalid() {
        Violations.invalidIfAny(violations);
    }

    /** Throws {@link RuleViolation} (422) when anything was found. */
    public void throwIfViolated() {
        Violations.refuseIfAny(violations);
    }
}
