package gov.commerce.aiexports.runtime.domain;

import java.util.List;

/** Malformed or incomplete input (HTTP 400): a missing field, a UEI of the wrong shape, a negative amount. */
public class InvalidInput extends RuleViolation {

    public InvalidInput(String rule, String field, String detail) {
        super(rule, field, detail);
    }

    public InvalidInput(List<Violation> violations) {
        super(violations);
    }
}
