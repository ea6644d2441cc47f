package gov.commerce.aiexports.proposals.document.application;

import gov.commerce.aiexports.proposals.document.DocumentQueries;
import gov.commerce.aiexports.proposals.document.DocumentView;
import gov.commerce.aiexports.proposals.proposal.AttachedFile;
import gov.commerce.aiexports.proposals.proposal.ProposalCommand;
import gov.commerce.aiexports.proposals.proposal.ProposalQueries;
import gov.commerce.aiexports.proposals.proposal.ProposalStatus;
import gov.commerce.aiexports.proposals.proposal.ProposalView;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.domain.NotFound;
import gov.commerce.aiexports.runtime.domain.StateConflict;
import gov.commerce.aiexports.runtime.files.FileTransfers;
import gov.commerce.aiexports.runtime.request.Commands;
import gov.commerce.aiexports.runtime.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The applicant attaches a document to its open proposal, or a new version of one. Both take the
 * same steps: its own proposal, still open; the parameters (and the declared length) checked
 * before a byte is read; the body streamed to the {@link DocumentStore}, hashed, size-limited and
 * type-checked on the way; then the command, whose refusal forgets the stored bytes.
 */
@Singleton
public class AttachDocument {

    private static final Set<String> OPEN = Set.of(ProposalStatus.DRAFT.name(), ProposalStatus.INFORMATION_REQUESTED.name());

    /** What an upload answers: the version stored and what was measured of it. */
    public record Attached(String documentId, int version, String fileName, String mediaType, long sizeBytes, String sha256,
            String confidentiality, Instant attachedAt) {
    }

    /** The upload as the request carries it: the body is the file, Content-Type its declared type. */
    public record Upload(String contentType, String contentLength, InputStream body) {
    }

    @Inject
    FileTransfers files;
    @Inject
    Commands commands;
    @Inject
    ProposalQueries proposals;
    @Inject
    DocumentQueries documents;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;

    /** A new document: name and marking are required. */
    public Attached attach(String id, String name, String confidentiality, Upload upload) throws IOException {
        own(id);
        new Checks().required(name, "/name").required(confidentiality, "/confidentiality").throwIfInvalid();
        files.checkParameters(name, confidentiality, upload.contentLength());
        String documentId = UUID.randomUUID().toString();
        AttachedFile file = stored(upload, name, confidentiality);
        send(new ProposalCommand.AttachDocument(id, documentId, file), file);
        return attached(documentId, 1, file);
    }

    /** A new version of a document (a new file; the earlier ones stay): name and marking default to the latest version's. */
    public Attached addVersion(String id, String documentId, String name, String confidentiality, Upload upload) throws IOException {
        own(id);
        List<DocumentView> versions = documents.versions(id, documentId);
        if (versions.isEmpty()) {
            throw new NotFound("document", documentId);
        }
        DocumentView latest = versions.get(versions.size() - 1);
        String fileName = name == null ? latest.fileName() : name;
        String marking = confidentiality == null ? latest.confidentiality() : confidentiality;
        files.checkParameters(fileName, marking, upload.contentLength());
        AttachedFile file = stored(upload, fileName, marking);
        send(new ProposalCommand.AddDocumentVersion(id, documentId, file), file);
        return attached(documentId, latest.version() + 1, file);
    }

    private static Attached attached(String documentId, int version, AttachedFile f) {
        return new Attached(documentId, version, f.fileName(), f.mediaType(), f.sizeBytes(), f.sha256(), f.confidentiality(),
                f.attachedAt());
    }

    private AttachedFile stored(Upload body, String name, String confidentiality) throws IOException {
        FileTransfers.Stored stored = files.store(body.contentType(), body.body());
        return new AttachedFile(stored.fileId(), name, stored.mediaType(), stored.sizeBytes(), stored.sha256(), confidentiality,
                clock.instant());
    }

    /** The command; if it is refused (the proposal moved on meanwhile), the stored bytes are forgotten. */
    private void send(Object command, AttachedFile file) {
        try {
            commands.send(command);
        } catch (RuntimeException e) {
            files.forget(file.fileId());
            throw e;
        }
    }

    /** The owning consortium's proposal, still open to changes (checked again by the aggregate). */
    private ProposalView own(String id) {
        ProposalView p = proposals.owned(request.caller(), id);
        if (!OPEN.contains(p.status)) {
            // before a byte of the file is read
            throw new StateConflict("DOCUMENTS_FROZEN", "the documents of a " + p.status + " proposal are fixed; files can be "
                    + "attached or versioned in a draft, or while answering an information request");
        }
        return p;
    }
}
