package gov.commerce.aiexports.runtime.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a file is, judged by its bytes: the type is what the content is (magic bytes, and for Office
 * files the part names inside the zip), never only what the caller declares. A file is fed through
 * {@link #update} as it streams; {@link #head()} tells what the first bytes show (so that an
 * executable is refused before the rest is read), {@link #finish()} what the whole is. It refuses
 * nothing: {@link DocumentPolicies#checkHead} and {@link DocumentPolicies#checkContent} judge what it saw.
 */
public final class ContentInspector {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    /** A type to be decided by the rest of the file: a zip (an Office document or not), text (unless a NUL follows). */
    static final String ZIP = "zip";
    static final String TEXTUAL = "text";

    /** How many leading bytes the head is. */
    static final int HEAD = 8192;

    /**
     * What the first bytes show: a media type, {@code zip} or {@code text} (the rest decides), or,
     * as {@code forbidden}, the kind of content no file may be (an executable, an archive...).
     */
    public record Head(String type, String forbidden) {

        static Head of(String type) {
            return new Head(type, null);
        }

        static Head never(String what) {
            return new Head(null, what);
        }
    }

    /**
     * What the whole file is: its size, its head, the media type detected (null when it is none of
     * the types known: a zip that is no Office document, text with a NUL) and the type declared.
     */
    public record Content(String declared, long size, Head head, String detected) {

        /** The type the file is stored as: text declared as CSV keeps the declared type; octet-stream takes the detected one. */
        public String mediaType() {
            return TEXT.equals(detected) && CSV.equals(declared) ? CSV : detected;
        }
    }

    private final String declared;
    private final byte[] head = new byte[HEAD];
    private int headLength;
    private long total;
    private boolean nul;
    private Head sniffed;
    private final ZipPartScanner zipParts = new ZipPartScanner();

    /** declared: the Content-Type the caller sent (parameters such as charset are ignored). */
    public ContentInspector(String declared) {
        this.declared = declared == null ? null : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The declared type, without parameters, in lower case (null if none was declared). */
    public String declared() {
        return declared;
    }

    public void update(byte[] bytes, int offset, int length) {
        if (headLength < HEAD) {
            int n = Math.min(length, HEAD - headLength);
            System.arraycopy(bytes, offset, head, headLength, n);
            headLength += n;
        }
        total += length;
        if (sniffed == null || TEXTUAL.equals(sniffed.type())) {
            for (int i = offset; i < offset + length && !nul; i++) {
                nul = bytes[i] == 0;
            }
        }
        if (sniffed == null || ZIP.equals(sniffed.type())) {
            zipParts.update(bytes, offset, length);
        }
    }

    /** What the first bytes show, judged once (when {@link #HEAD} of them or the whole file arrived). */
    public Head head() {
        if (sniffed == null) {
            sniffed = sniff(Arrays.copyOf(head, headLength));
        }
        return sniffed;
    }

    public boolean headComplete() {
        return headLength >= HEAD;
    }

    /** What the whole file is, once it was fed in full. */
    public Content finish() {
        Head h = head();
        String detected = h.type() == null ? null : switch (h.type()) {
            case ZIP -> zipParts.officeType();
            case TEXTUAL -> nul ? null : TEXT;
            default -> h.type();
        };
        return new Content(declared, total, h, detected);
    }

    public long size() {
        return total;
    }

    /** A media type, "zip" or "text" to be judged at the end, or content never allowed. */
    static Head sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return Head.of(PDF);
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Head.of(PNG);
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Head.of(JPEG);
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return Head.of(ZIP);
        }
        if (starts(b, 0x4D, 0x5A)) {
            return Head.never("a Windows executable (MZ)");
        }
        if (starts(b, 0x7F, 0x45, 0x4C, 0x46)) {
            return Head.never("an ELF executable");
        }
        if (starts(b, 0xCF, 0xFA, 0xED, 0xFE) || starts(b, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Head.never("a Mach-O executable or Java class");
        }
        if (starts(b, 0x23, 0x21)) {
            return Head.never("a script (#!)");
        }
        if (starts(b, 0x1F, 0x8B) || starts(b, 0x52, 0x61, 0x72, 0x21) || starts(b, 0x37, 0x7A, 0xBC, 0xAF)) {
            return Head.never("a compressed archive");
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Head.never("a legacy OLE (macro-capable Office) document");
        }
        return looksLikeText(b) ? Head.of(TEXTUAL) : Head.never("binary data of no allowed type");
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
