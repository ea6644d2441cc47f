package gov.commerce.aiexports.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The allow-list judged by content, without infrastructure: each type by its bytes, whatever it is declared as. */
class ContentInspectorTest {

    static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(("<xml>" + n + "</xml>").repeat(50).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String judge(byte[] content, String declared) throws IOException {
        InspectedUpload in = new InspectedUpload(new ByteArrayInputStream(content), 1 << 20, declared);
        byte[] buffer = new byte[777]; // odd reads: names and magic split across them
        while (in.read(buffer) >= 0) {
            // drained
        }
        return in.mediaType();
    }

    static String refusal(byte[] content, String declared) {
        return assertThrows(DocumentRefused.class, () -> judge(content, declared)).rule();
    }

    @Test
    void allowed_types_are_recognised_by_their_bytes() throws IOException {
        assertEquals(ContentInspector.PDF, judge("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "application/pdf"));
        assertEquals(ContentInspector.PNG, judge(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "image/png"));
        assertEquals(ContentInspector.JPEG, judge(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}, "image/jpeg"));
        assertEquals(ContentInspector.DOCX, judge(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), ContentInspector.DOCX));
        assertEquals(ContentInspector.XLSX, judge(zip("[Content_Types].xml", "xl/workbook.xml"), "application/octet-stream"));
        assertEquals(ContentInspector.CSV, judge("year,amount\n2026,5000000\n".getBytes(StandardCharsets.UTF_8),
                "text/csv; charset=utf-8"));
        assertEquals(ContentInspector.TEXT, judge("Letter of support — Ünïcode\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void an_executable_renamed_pdf_is_refused_by_its_content() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal(exe, "application/pdf"));
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, "application/pdf"));
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "text/plain"));
    }

    @Test
    void archives_that_are_no_office_document_binaries_and_lies_are_refused() throws IOException {
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal(zip("payload.exe"), "application/zip"));
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal(new byte[] {1, 2, 3, 0, 5}, "application/octet-stream"));
        byte[] textThenNul = ("a".repeat(10_000) + "\0").getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentPolicies.TYPE_NOT_ALLOWED, refusal(textThenNul, "text/plain"));
        assertEquals(DocumentPolicies.TYPE_MISMATCH, refusal("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "image/png"));
        assertEquals(DocumentPolicies.EMPTY, refusal(new byte[0], "application/pdf"));
    }

    @Test
    void a_file_past_the_limit_is_refused_when_it_passes_it() {
        InspectedUpload in = new InspectedUpload(new ByteArrayInputStream(new byte[5000]), 4096, "text/plain");
        DocumentRefused e = assertThrows(DocumentRefused.class, () -> in.readAllBytes());
        assertEquals(DocumentPolicies.TOO_LARGE, e.rule());
        assertEquals(413, e.status());
    }
}
