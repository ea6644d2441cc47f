package gov.commerce.aiexports.runtime.domain;

/**
 * A conditional request's precondition does not hold: 412 when {@code If-Match} names a version
 * that is no longer the resource's ({@code STALE_VERSION}), 428 when a change that must be
 * conditional came without one ({@code IF_MATCH_REQUIRED}). The field is the header.
 */
public class PreconditionFailed extends RuntimeException {

    private final int status;
    private final String rule;

    public PreconditionFailed(int status, String rule, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
