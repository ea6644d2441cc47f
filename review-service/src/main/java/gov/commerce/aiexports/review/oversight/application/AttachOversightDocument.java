package gov.commerce.aiexports.review.oversight.application;

import gov.commerce.aiexports.review.oversight.OversightCommand;
import gov.commerce.aiexports.runtime.domain.Checks;
import gov.commerce.aiexports.runtime.files.FileTransfers;
import gov.commerce.aiexports.runtime.request.Commands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The consortium attaches a file to its own designation's oversight (a progress report's annex,
 * evidence that a condition is met), to be named by documentId in evidence and reports. The same
 * steps as a proposal's documents: its own live designation; the parameters checked before a byte
 * is read; the body streamed to the DocumentStore, hashed, size-limited and type-checked on the
 * way; then the command, whose refusal forgets the stored bytes. Not one transaction: an upload
 * may take minutes, the store writes it in its own.
 */
@Singleton
public class AttachOversightDocument {

    /** What an upload answers: the document and what was measured of it. */
    public record Attached(String documentId, String fileName, String mediaType, long sizeBytes, String sha256,
            String confidentiality, Instant attachedAt) {
    }

    @Inject
    Obligations obligations;
    @Inject
    FileTransfers files;
    @Inject
    Commands commands;
    @Inject
    Clock clock;

    public Attached attach(String number, String name, String confidentiality, String contentType, String contentLength,
            InputStream body) throws IOException {
        obligations.ownedOpen(number);
        new Checks().required(name, "/name").required(confidentiality, "/confidentiality").throwIfInvalid();
        files.checkParameters(name, confidentiality, contentLength);
        FileTransfers.Stored stored = files.store(contentType, body);
        String documentId = UUID.randomUUID().toString();
        Instant at = clock.instant();
        try {
            commands.send(new OversightCommand.AttachDocument(number, documentId, stored.fileId(), name, stored.mediaType(),
                    stored.sizeBytes(), stored.sha256(), confidentiality, at));
        } catch (RuntimeException e) {
            files.forget(stored.fileId());
            throw e;
        }
        return new Attached(documentId, name, stored.mediaType(), stored.sizeBytes(), stored.sha256(), confidentiality, at);
    }
}
