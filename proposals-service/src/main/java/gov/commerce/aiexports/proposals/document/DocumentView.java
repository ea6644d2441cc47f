package gov.commerce.aiexports.proposals.document;

import gov.commerce.aiexports.events.Actor;
import java.time.Instant;

/** One version of a document attached to a proposal, as the read model keeps it. */
public record DocumentView(String proposalId, String documentId, int version, String fileId, String fileName, String mediaType,
        long sizeBytes, String sha256, String confidentiality, Instant attachedAt, Actor attachedBy) {

    public boolean confidential() {
        return !gov.commerce.aiexports.proposals.proposal.AttachedFile.NOT_CONFIDENTIAL.equals(confidentiality);
    }

    static String id(String proposalId, String documentId, int version) {
        return proposalId + "/" + documentId + "/" + version;
    }
}
