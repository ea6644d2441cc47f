package gov.commerce.aiexports.proposals.proposal;

import java.time.Instant;

/**
 * One version of an attached document as its upload measured it: where its bytes are stored
 * (fileId, in the DocumentStore), its name, the media type its content was found to be, its size
 * and SHA-256 (hex), and its own confidentiality marking ({@link #CONFIDENTIAL} or {@link #NOT_CONFIDENTIAL}).
 */
public record AttachedFile(String fileId, String fileName, String mediaType, long sizeBytes, String sha256,
        String confidentiality, Instant attachedAt) {

    public static final String CONFIDENTIAL = gov.commerce.aiexports.runtime.files.FileTransfers.CONFIDENTIAL;
    public static final String NOT_CONFIDENTIAL = gov.commerce.aiexports.runtime.files.FileTransfers.NOT_CONFIDENTIAL;

    public boolean confidential() {
        return !NOT_CONFIDENTIAL.equals(confidentiality);
    }
}
