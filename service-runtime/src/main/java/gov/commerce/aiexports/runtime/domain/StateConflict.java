package gov.commerce.aiexports.runtime.domain;

/** The command does not fit the aggregate's current state (HTTP 409), e.g. submitting a proposal twice. */
public class StateConflict extends RuntimeException {

    private final String rule;
    private final String field;

    public StateConflict(String rule, String detail) {
        this(rule, null, detail);
    }

    /** With the JSON pointer (or header) the conflict concerns, e.g. {@code /Idempotency-Key}. */
    public StateConflict(String rule, String field, String detail) {
        super(detail);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    /** The field concerned, or null when the conflict is with the resource as a whole. */
    public String field() {
        return field;
    }
}
