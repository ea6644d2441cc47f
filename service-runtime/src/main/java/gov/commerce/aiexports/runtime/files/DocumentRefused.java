package gov.commerce.aiexports.runtime.files;

import gov.commerce.aiexports.runtime.domain.Violation;
import java.util.List;

/**
 * A file refused or a download that cannot be served, with its HTTP status and stable rule code ({@link DocumentPolicies}):
 * {@code DOCUMENT_TOO_LARGE} (413), {@code DOCUMENT_TYPE_NOT_ALLOWED}, {@code DOCUMENT_TYPE_MISMATCH},
 * {@code DOCUMENT_EMPTY} (422), {@code DOCUMENT_WITHHELD} (403), {@code DOCUMENT_INTEGRITY_FAILED} (500).
 */
public class DocumentRefused extends RuntimeException {

    private final int status;
    private final String rule;
    private final String field;

    public DocumentRefused(int status, String rule, String field, String detail) {
        super(detail);
        this.status = status;
        this.rule = rule;
        this.field = field;
    }

    /** The refusal, with this status, of the first violation found (a file is refused for one reason), when there is any. */
    public static void refuseIfAny(int status, List<Violation> violations) {
        if (!violations.isEmpty()) {
            Violation first = violations.get(0);
            throw new DocumentRefused(status, first.rule(), first.field(), first.detail());
        }
    }

    public int status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
