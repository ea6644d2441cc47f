package gov.commerce.aiexports.runtime.domain;

import java.util.ArrayList;
import java.util.List;

/** Collects input problems so that one response names all of them. */
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

    public boolean ok() {
        return violations.isEmpty();
    }

    /** Throws {@link InvalidInput} (400) when anything was found. */
    public void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
    }

    /** Throws {@link RuleViolation} (422) when anything was found. */
    public void throwIfViolated() {
        if (!violations.isEmpty()) {
            throw new RuleViolation(violations);
        }
    }
}
