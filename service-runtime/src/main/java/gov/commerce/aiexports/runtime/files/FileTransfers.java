package gov.commerce.aiexports.runtime.files;

import gov.commerce.aiexports.runtime.domain.Violation;
import gov.commerce.aiexports.runtime.domain.Violations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The two ends of an attached file, the same wherever files are attached (a proposal's documents,
 * a designation's oversight documents): an upload's parameters checked before a byte is read and
 * its body streamed into the {@link DocumentStore}, hashed, size-limited and type-checked on the
 * way; a download streamed with its hash as ETag, after the stored bytes were found to match it.
 */
@Singleton
public class FileTransfers {

    private static final Logger LOG = Logger.getLogger(FileTransfers.class);
    /** The two markings a file carries (the disclosure rule applies to the first). */
    public static final String CONFIDENTIAL = "BUSINESS_CONFIDENTIAL";
    public static final String NOT_CONFIDENTIAL = "NOT_CONFIDENTIAL";

    /** What the upload measured of a stored file. */
    public record Stored(String fileId, String mediaType, long sizeBytes, String sha256) {
    }

    /** What a download needs of a stored file; {@code what} names it in the operators' log. */
    public record Served(String fileId, String fileName, String mediaType, long sizeBytes, String sha256, String what) {
    }

    @Inject
    DocumentStore store;
    @ConfigProperty(name = "aiexports.documents.max-bytes", defaultValue = "104857600")
    long maxBytes;

    /** The name, the marking and the declared length, refused (400 or 413) before a byte of the body is read. */
    public void checkParameters(String name, String confidentiality, String contentLength) {
        Violations.invalidIfAny(DocumentPolicies.checkParameters(name, confidentiality));
        DocumentRefused.refuseIfAny(413, DocumentPolicies.checkDeclaredSize(contentLength, maxBytes));
    }

    /** Streams the body into the store, measured and checked on the way (a refusal leaves nothing stored). */
    public Stored store(String declaredType, InputStream body) throws IOException {
        InspectedUpload upload = new InspectedUpload(body, maxBytes, declaredType);
        String fileId = store.write(upload);
        return new Stored(fileId, upload.mediaType(), upload.size(), upload.sha256());
    }

    /** Forgets a stored file whose attachment was refused after its bytes were stored. */
    public void forget(String fileId) {
        store.delete(fileId);
    }

    /**
     * The file's bytes, streamed, with ETag the SHA-256 recorded at upload (If-None-Match: 304). The
     * stored bytes are hashed first, while nothing is sent yet: a file changed in the database is
     * answered 500 {@code DOCUMENT_INTEGRITY_FAILED}, never sent as a success. They are hashed again
     * while streaming; a change between the two passes aborts the response before its last byte
     * (the client sees a cut transfer, not a complete file).
     */
    public Response download(Served f, String ifNoneMatch) throws IOException {
        EntityTag tag = new EntityTag(f.sha256());
        if (ifNoneMatch != null && matches(ifNoneMatch, f.sha256())) {
            return Response.notModified(tag).build();
        }
        String computed = hash(store.open(f.fileId()));
        List<Violation> integrity = DocumentPolicies.checkIntegrity(computed, f.sha256());
        if (!integrity.isEmpty()) {
            LOG.errorf("%s: stored bytes hash to %s, recorded %s", f.what(), computed, f.sha256());
        }
        DocumentRefused.refuseIfAny(500, integrity);
        StreamingOutput out = output -> {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = store.open(f.fileId())) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    output.write(buffer, 0, n);
                }
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(f.sha256())) {
                LOG.errorf("%s changed while being sent: response aborted", f.what());
                throw new IOException("stored file changed while being sent; response aborted");
            }
            output.flush();
        };
        return Response.ok(out, f.mediaType()).tag(tag)
                .header("Content-Length", f.sizeBytes())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(f.sha256())) + ":")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static boolean matches(String ifNoneMatch, String sha256) {
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
