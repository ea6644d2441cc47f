package gov.commerce.aiexports.runtime.domain;

import java.util.List;

/**
 * A refusal by a rule of the program (HTTP 422). Thrown by aggregates and policies before any
 * event is applied, so a refused command changes nothing.
 */
public class RuleViolation extends RuntimeException {

    private final List<Violation> violations;

    public RuleViolation(String rule, String field, String detail) {
        this(List.of(new Violation(rule, field, detail)));
    }

    public RuleViolation(List<Violation> violations) {
        super(violations.isEmpty() ? "rule violation" : violations.get(0).rule() + ": " + violations.get(0).detail());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rule violation names at least one rule");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public Violation first() {
        return violations.get(0);
    }
}
