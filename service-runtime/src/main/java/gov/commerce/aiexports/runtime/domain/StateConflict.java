package gov.commerce.aiexports.runtime.domain;

/** The command does not fit the aggregate's current state (HTTP 409), e.g. submitting a proposal twice. */
public class StateConflict extends RuntimeException {

    private final String rule;

    public StateConflict(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
