package gov.commerce.aiexports.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gov.commerce.aiexports.events.disclosure.Disclosure;
import gov.commerce.aiexports.events.disclosure.Reason;
import gov.commerce.aiexports.runtime.domain.Violation;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files' rules as checks that return what they find, each with its code, field and sentence; the refusal is the caller's. */
class DocumentPoliciesTest {

    private static ContentInspector.Content inspected(byte[] bytes, String declared) {
        ContentInspector inspector = new ContentInspector(declared);
        inspector.update(bytes, 0, bytes.length);
        return inspector.finish();
    }

    @Test
    void name_and_marking_are_input_both_named_at_once() {
        assertEquals(List.of(), DocumentPolicies.checkParameters("budget.xlsx", "NOT_CONFIDENTIAL"));
        assertEquals(List.of(), DocumentPolicies.checkParameters(null, null));
        List<Violation> found = DocumentPolicies.checkParameters("../etc/passwd", "SECRET");
        assertEquals(List.of("DOCUMENT_NAME_INVALID", "VALUE_NOT_ALLOWED"), found.stream().map(Violation::rule).toList());
        assertEquals(List.of("/name", "/confidentiality"), found.stream().map(Violation::field).toList());
    }

    @Test
    void the_size_limit_applies_to_the_declared_length_and_to_the_bytes_read() {
        assertEquals(List.of(), DocumentPolicies.checkDeclaredSize(null, 10));
        assertEquals(List.of(), DocumentPolicies.checkDeclaredSize(" 10 ", 10));
        assertEquals(List.of(new Violation("DOCUMENT_TOO_LARGE", "/body",
                "a file may have at most 10 bytes (aiexports.documents.max-bytes); this one declares eleven")),
                DocumentPolicies.checkDeclaredSize("eleven", 10));
        assertEquals(List.of(), DocumentPolicies.checkSize(10, 10));
        assertEquals("DOCUMENT_TOO_LARGE", DocumentPolicies.checkSize(11, 10).get(0).rule());
    }

    @Test
    void content_is_judged_by_its_bytes_and_the_first_rule_broken_is_named() {
        assertEquals(List.of(), DocumentPolicies.checkContent(inspected("%PDF-1.7".getBytes(), "application/pdf")));
        assertEquals(List.of(new Violation("DOCUMENT_EMPTY", "/body", "the file is empty")),
                DocumentPolicies.checkContent(inspected(new byte[0], "image/png")));
        ContentInspector.Content exe = inspected(new byte[] {'M', 'Z', 0, 0}, "application/pdf");
        assertEquals(List.of(new Violation("DOCUMENT_TYPE_NOT_ALLOWED", "/body", "the content is a Windows executable (MZ), which is not "
                + "an allowed type (" + String.join(", ", DocumentPolicies.ALLOWED) + "); the declared type application/pdf does not "
                + "change that")), DocumentPolicies.checkHead(exe.head(), "application/pdf"));
        assertEquals(DocumentPolicies.checkHead(exe.head(), "application/pdf"), DocumentPolicies.checkContent(exe));
        assertEquals(List.of(new Violation("DOCUMENT_TYPE_MISMATCH", "/body", "the content is application/pdf but Content-Type declares "
                + "image/png")), DocumentPolicies.checkContent(inspected("%PDF-1.4".getBytes(), "image/png; q=1")));
        assertEquals(List.of(), DocumentPolicies.checkContent(inspected("a,b\n".getBytes(), "text/plain")));
    }

    @Test
    void a_withheld_file_and_a_changed_file_are_found_not_refused() {
        Reason reason = Reason.values()[0];
        List<Violation> withheld = DocumentPolicies.checkDisclosed(new Disclosure.Decision("documents", false, reason),
                "BUSINESS_CONFIDENTIAL");
        assertEquals(List.of(new Violation("DOCUMENT_WITHHELD", null, "this document is marked BUSINESS_CONFIDENTIAL and the "
                + "disclosure rule withholds it from this caller (" + reason.name() + ")")), withheld);
        assertEquals(List.of(), DocumentPolicies.checkDisclosed(new Disclosure.Decision("documents", true, reason), "NOT_CONFIDENTIAL"));
        assertEquals(List.of(), DocumentPolicies.checkIntegrity("ab", "ab"));
        assertEquals("DOCUMENT_INTEGRITY_FAILED", DocumentPolicies.checkIntegrity("ab", "cd").get(0).rule());
        DocumentRefused refused = assertThrows(DocumentRefused.class, () -> DocumentRefused.refuseIfAny(403, withheld));
        assertEquals(List.of(403, "DOCUMENT_WITHHELD"), List.of(refused.status(), refused.rule()));
    }

    @Test
    void an_upload_refused_on_its_first_bytes_names_the_body() {
        byte[] exe = new byte[ContentInspector.HEAD + 10];
        exe[0] = 0x7F;
        exe[1] = 'E';
        exe[2] = 'L';
        exe[3] = 'F';
        InspectedUpload in = new InspectedUpload(new ByteArrayInputStream(exe), 1 << 20, "application/pdf");
        DocumentRefused e = assertThrows(DocumentRefused.class, () -> in.readNBytes(ContentInspector.HEAD + 1));
        assertEquals(List.of(422, "DOCUMENT_TYPE_NOT_ALLOWED", "/body"), List.of(e.status(), e.rule(), e.field()));
    }
}
