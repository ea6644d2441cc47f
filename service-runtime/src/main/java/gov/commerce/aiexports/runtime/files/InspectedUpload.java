package gov.commerce.aiexports.runtime.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An upload's body as it streams to the store: counted (refused past the limit, before more is
 * read), hashed (SHA-256) and shown to the {@link ContentInspector}, whose findings {@link DocumentPolicies}
 * judges (an executable is refused on its first bytes). Nothing is kept but the inspector's 8 KB head.
 */
public final class InspectedUpload extends FilterInputStream {

    private final long maxBytes;
    private final ContentInspector inspector;
    private final MessageDigest digest;
    private long count;
    private boolean judged;
    private String mediaType;

    public InspectedUpload(InputStream in, long maxBytes, String declaredType) {
        super(in);
        this.maxBytes = maxBytes;
        this.inspector = new ContentInspector(declaredType);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            judgeEarly();
            ContentInspector.Content content = inspector.finish();
            DocumentRefused.refuseIfAny(422, DocumentPolicies.checkContent(content));
            mediaType = content.mediaType();
            return n;
        }
        count += n;
        DocumentRefused.refuseIfAny(413, DocumentPolicies.checkSize(count, maxBytes));
        digest.update(b, off, n);
        inspector.update(b, off, n);
        if (!judged && inspector.headComplete()) {
            judgeEarly();
        }
        return n;
    }

    private void judgeEarly() {
        if (judged) {
            return;
        }
        judged = true;
        DocumentRefused.refuseIfAny(422, DocumentPolicies.checkHead(inspector.head(), inspector.declared()));
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload is read in full, never skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Once the stream is read to its end: the content's media type. */
    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return count;
    }

    public String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
