package gov.commerce.aiexports.runtime.files;

import static gov.commerce.aiexports.runtime.files.ContentInspector.CSV;
import static gov.commerce.aiexports.runtime.files.ContentInspector.DOCX;
import static gov.commerce.aiexports.runtime.files.ContentInspector.JPEG;
import static gov.commerce.aiexports.runtime.files.ContentInspector.PDF;
import static gov.commerce.aiexports.runtime.files.ContentInspector.PNG;
import static gov.commerce.aiexports.runtime.files.ContentInspector.PPTX;
import static gov.commerce.aiexports.runtime.files.ContentInspector.TEXT;
import static gov.commerce.aiexports.runtime.files.ContentInspector.XLSX;

import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of attached files, wherever they are attached, with their stable codes (docs/rules.md):
 * the name and marking, the size limit, the allow-list of types judged by content (what
 * {@link ContentInspector} saw), the disclosure rule applied to a file and the integrity check of a
 * download. Each {@code check...} returns what it finds; its caller makes the refusal, with the
 * status each method names: 400 through {@link Violations#invalidIfAny}, the others through
 * {@link DocumentRefused#refuseIfAny} (their problems close an upload's connection, see {@link DocumentProblems}).
 */
public final class DocumentPolicies {

    public static final String NAME_INVALID = "DOCUMENT_NAME_INVALID";
    public static final String TOO_LARGE = "DOCUMENT_TOO_LARGE";
    public static final String TYPE_NOT_ALLOWED = "DOCUMENT_TYPE_NOT_ALLOWED";
    public static final String TYPE_MISMATCH = "DOCUMENT_TYPE_MISMATCH";
    public static final String EMPTY = "DOCUMENT_EMPTY";
    public static final String WITHHELD = "DOCUMENT_WITHHELD";
    public static final String INTEGRITY_FAILED = "DOCUMENT_INTEGRITY_FAILED";

    /** The allow-list: the media types a file may be, by content. */
    public static final List<String> ALLOWED = List.of(PDF, PNG, JPEG, DOCX, XLSX, PPTX, TEXT, CSV);

    /** What a declared type may be, for each detected one (text/csv is text as far as bytes go). */
    private static final Map<String, Set<String>> DECLARABLE = Map.of(TEXT, Set.of(TEXT, CSV), CSV, Set.of(TEXT, CSV),
            JPEG, Set.of(JPEG, "image/jpg", "image/pjpeg"));

    private static final int NAME_MAX = 255;

    private DocumentPolicies() {
    }

    /** DOCUMENT_NAME_INVALID, VALUE_NOT_ALLOWED (400): a file's name and marking, when given. */
    public static List<Violation> checkParameters(String name, String confidentiality) {
        return new Checks()
                .require(name == null || (name.length() <= NAME_MAX && !name.isBlank() && name.chars().noneMatch(c -> c < 0x20 || c == 0x7F
                        || c == '/' || c == '\\')), NAME_INVALID, "/name",
                        "a file name has 1 to " + NAME_MAX + " characters, no control character and no / or \\")
                .require(confidentiality == null || FileTransfers.CONFIDENTIAL.equals(confidentiality)
                                || FileTransfers.NOT_CONFIDENTIAL.equals(confidentiality), "VALUE_NOT_ALLOWED", "/confidentiality",
                        "confidentiality is " + FileTransfers.CONFIDENTIAL + " or " + FileTransfers.NOT_CONFIDENTIAL)
                .violations();
    }

    /** DOCUMENT_TOO_LARGE (413): the length an upload declares (Content-Length, when sent) is within the limit. */
    public static List<Violation> checkDeclaredSize(String contentLength, long maxBytes) {
        if (contentLength == null) {
            return List.of();
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE;
        }
        return declared <= maxBytes ? List.of() : List.of(new Violation(TOO_LARGE, "/body", "a file may have at most " + maxBytes
                + " bytes (aiexports.documents.max-bytes); this one declares " + contentLength));
    }

    /** DOCUMENT_TOO_LARGE (413): the bytes read so far are within the limit (checked on every read: no detail built unless it fails). */
    public static List<Violation> checkSize(long size, long maxBytes) {
        return size <= maxBytes ? List.of() : List.of(new Violation(TOO_LARGE, "/body",
                "a file may have at most " + maxBytes + " bytes (aiexports.documents.max-bytes); this one has more"));
    }

    /** DOCUMENT_TYPE_NOT_ALLOWED (422): the first bytes are no content a file may be (an executable is refused before the rest is read). */
    public static List<Violation> checkHead(ContentInspector.Head head, String declared) {
        return head.forbidden() == null ? List.of() : List.of(new Violation(TYPE_NOT_ALLOWED, "/body", "the content is "
                + head.forbidden() + ", which is not an allowed type (" + String.join(", ", ALLOWED) + "); the declared type "
                + declared + " does not change that"));
    }

    /**
     * DOCUMENT_EMPTY, DOCUMENT_TYPE_NOT_ALLOWED, DOCUMENT_TYPE_MISMATCH (422): the whole file is not
     * empty, is of an allowed type by its content, and is what Content-Type declares (octet-stream
     * declares nothing). The first found only: each makes the next meaningless.
     */
    public static List<Violation> checkContent(ContentInspector.Content content) {
        if (content.size() == 0) {
            return List.of(new Violation(EMPTY, "/body", "the file is empty"));
        }
        List<Violation> head = checkHead(content.head(), content.declared());
        if (!head.isEmpty()) {
            return head;
        }
        String detected = content.detected();
        if (detected == null) {
            return List.of(new Violation(TYPE_NOT_ALLOWED, "/body", ContentInspector.ZIP.equals(content.head().type())
                    ? "the content is a zip archive that is no Office document (no [Content_Types].xml with a document part)"
                    : "the content is binary data of no allowed type (" + String.join(", ", ALLOWED) + ")"));
        }
        String declared = content.declared();
        if (declared != null && !declared.equals("application/octet-stream")
                && !DECLARABLE.getOrDefault(detected, Set.of(detected)).contains(declared)) {
            return List.of(new Violation(TYPE_MISMATCH, "/body", "the content is " + detected + " but Content-Type declares " + declared));
        }
        return List.of();
    }

    /** DOCUMENT_WITHHELD (403): the disclosure rule shows the file to this caller. */
    public static List<Violation> checkDisclosed(Disclosure.Decision decision, String confidentiality) {
        return decision.shown() ? List.of() : List.of(new Violation(WITHHELD, null, "this document is marked " + confidentiality
                + " and the disclosure rule withholds it from this caller (" + decision.reason().name() + ")"));
    }

    /** DOCUMENT_INTEGRITY_FAILED (500): the stored bytes still hash to the SHA-256 recorded when the file was attached. */
    public static List<Violation> checkIntegrity(String computedSha256, String recordedSha256) {
        return Violations.unless(computedSha256.equals(recordedSha256), INTEGRITY_FAILED, null, "the stored file no longer matches "
                + "the SHA-256 recorded when it was attached; it is not served. Operators: see the runbook, Documents");
    }
}
