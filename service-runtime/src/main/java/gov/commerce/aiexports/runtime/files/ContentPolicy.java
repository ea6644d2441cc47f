package gov.commerce.aiexports.runtime.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files may be attached, judged by their bytes: the type is what the content is (magic bytes,
 * and for Office files the part names inside the zip), never only what the caller declares. A file
 * is fed through {@link #update} as it streams; {@link #early()} judges the first bytes (an
 * executable is refused before the rest is read), {@link #finish()} the whole.
 *
 * <p>Rules: {@code DOCUMENT_TYPE_NOT_ALLOWED} (the content is not of an allowed type: an executable,
 * an archive, an image type not listed...), {@code DOCUMENT_TYPE_MISMATCH} (allowed, but not what
 * Content-Type declares), {@code DOCUMENT_EMPTY}.
 */
public final class ContentPolicy {

    public static final String TYPE_NOT_ALLOWED = "DOCUMENT_TYPE_NOT_ALLOWED";
    public static final String TYPE_MISMATCH = "DOCUMENT_TYPE_MISMATCH";
    public static final String EMPTY = "DOCUMENT_EMPTY";

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";

    /** The allow-list: the media types a file may be, by content. */
    public static final List<String> ALLOWED = List.of(PDF, PNG, JPEG, DOCX, XLSX, PPTX, TEXT, CSV);

    /** What a declared type may be, for each detected one (text/csv is text as far as bytes go). */
    private static final Map<String, Set<String>> DECLARABLE = Map.of(TEXT, Set.of(TEXT, CSV), CSV, Set.of(TEXT, CSV),
            JPEG, Set.of(JPEG, "image/jpg", "image/pjpeg"));

    /** How many leading bytes the early judgement looks at. */
    static final int HEAD = 8192;

    /** A refusal: the rule and what was seen. */
    public record Refusal(String rule, String detail) {
    }

    private final String declared;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long total;
    private boolean nul;
    private String kind;
    private final ZipPartScanner zipParts = new ZipPartScanner();

    /** declared: the Content-Type the caller sent (parameters such as charset are ignored). */
    public ContentPolicy(String declared) {
        this.declared = declared == null ? null : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    public void update(byte[] bytes, int offset, int length) {
        if (headLength < HEAD) {
            int n = Math.min(length, HEAD - headLength);
            System.arraycopy(bytes, offset, head, headLength, n);
            headLength += n;
        }
        total += length;
        if (kind == null || "text".equals(kind)) {
            for (int i = offset; i < offset + length && !nul; i++) {
                nul = bytes[i] == 0;
            }
        }
        if (kind == null || "zip".equals(kind)) {
            zipParts.update(bytes, offset, length);
        }
    }

    /** Judges the first bytes (once {@link #HEAD} of them or the whole file arrived): null if they may go on. */
    public Refusal early() {
        if (kind != null) {
            return null;
        }
        kind = sniff(Arrays.copyOf(head, headLength));
        if (kind.startsWith("!")) {
            return new Refusal(TYPE_NOT_ALLOWED, "the content is " + kind.substring(1) + ", which is not an allowed type ("
                    + String.join(", ", ALLOWED) + "); the declared type " + declared + " does not change that");
        }
        return null;
    }

    public boolean headComplete() {
        return headLength >= HEAD;
    }

    /** Judges the whole file: the media type it is, or the refusal. */
    public Object finish() {
        if (total == 0) {
            return new Refusal(EMPTY, "the file is empty");
        }
        Refusal early = early();
        if (early != null) {
            return early;
        }
        String detected = switch (kind) {
            case "zip" -> zipParts.officeType();
            case "text" -> nul ? null : TEXT;
            default -> kind;
        };
        if (detected == null) {
            return new Refusal(TYPE_NOT_ALLOWED, "zip".equals(kind)
                    ? "the content is a zip archive that is no Office document (no [Content_Types].xml with a document part)"
                    : "the content is binary data of no allowed type (" + String.join(", ", ALLOWED) + ")");
        }
        if (declared != null && !declared.equals("application/octet-stream")
                && !DECLARABLE.getOrDefault(detected, Set.of(detected)).contains(declared)) {
            return new Refusal(TYPE_MISMATCH, "the content is " + detected + " but Content-Type declares " + declared);
        }
        // text declared as CSV keeps the declared type; octet-stream takes the detected one
        return TEXT.equals(detected) && CSV.equals(declared) ? CSV : detected;
    }

    public long size() {
        return total;
    }

    /** A type name, "zip" or "text" to be judged at the end, or "!what" for content never allowed. */
    static String sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return PDF;
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "zip";
        }
        if (starts(b, 0x4D, 0x5A)) {
            return "!a Windows executable (MZ)";
        }
        if (starts(b, 0x7F, 0x45, 0x4C, 0x46)) {
            return "!an ELF executable";
        }
        if (starts(b, 0xCF, 0xFA, 0xED, 0xFE) || starts(b, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return "!a Mach-O executable or Java class";
        }
        if (starts(b, 0x23, 0x21)) {
            return "!a script (#!)";
        }
        if (starts(b, 0x1F, 0x8B) || starts(b, 0x52, 0x61, 0x72, 0x21) || starts(b, 0x37, 0x7A, 0xBC, 0xAF)) {
            return "!a compressed archive";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "!a legacy OLE (macro-capable Office) document";
        }
        return looksLikeText(b) ? "text" : "!binary data of no allowed type";
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 (a sequence cut at the end of the head aside) without control characters other than tab, CR, LF and FF. */
    static boolean looksLikeText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
            if (c == 0x7F) {
                return false;
            }
        }
        int end = b.length;
        // a multi-byte character cut by the head's end: leave out its lead and continuation bytes
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (b[end - back - 1] & 0xC0) == 0xC0) {
            end = end - back - 1;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Finds, in a zip's bytes as they stream, the part names an Office Open XML file has: file names
     * are stored uncompressed in each local header and in the central directory, so a search for the
     * names needs no unpacking and no second pass.
     */
    static final class ZipPartScanner {
        private static final byte[][] NAMES = {
            "[Content_Types].xml".getBytes(StandardCharsets.US_ASCII),
            "word/document.xml".getBytes(StandardCharsets.US_ASCII),
            "xl/workbook.xml".getBytes(StandardCharsets.US_ASCII),
            "ppt/presentation.xml".getBytes(StandardCharsets.US_ASCII)};
        private final boolean[] found = new boolean[NAMES.length];
        private final int[] matched = new int[NAMES.length];

        void update(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                byte x = bytes[i];
                for (int n = 0; n < NAMES.length; n++) {
                    if (found[n]) {
                        continue;
                    }
                    byte[] name = NAMES[n];
                    // the names have no repeated prefix worth a KMP table: restart on a mismatch, retrying this byte
                    if (name[matched[n]] == x) {
                        if (++matched[n] == name.length) {
                            found[n] = true;
                        }
                    } else {
                        matched[n] = name[0] == x ? 1 : 0;
                    }
                }
            }
        }

        String officeType() {
            if (!found[0]) {
                return null;
            }
            return found[1] ? DOCX : found[2] ? XLSX : found[3] ? PPTX : null;
        }
    }
}
