package gov.commerce.aiexports.runtime.files;

/**
 * The rule codes of attached documents that are not the content policy's ({@link ContentPolicy}
 * names the type rules): the size limit, the disclosure rule applied to a file, and the integrity
 * check of a download (docs/rules.md).
 */
public final class DocumentRules {

    public static final String TOO_LARGE = "DOCUMENT_TOO_LARGE";
    public static final String WITHHELD = "DOCUMENT_WITHHELD";
    public static final String INTEGRITY_FAILED = "DOCUMENT_INTEGRITY_FAILED";

    private DocumentRules() {
    }
}
