package gov.commerce.aiexports.runtime.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where attached files' bytes live: the seam between the documents' rules (hash, size, type, who may
 * read) and the storage. {@link PostgresDocumentStore} (chunks in the service's own database) is the
 * default; an S3-compatible implementation (README, "Documents") would put each file under its file
 * id as the object key, write it with a multipart upload from the same stream and read it with a
 * ranged or plain GET. Every implementation streams: no file is ever held whole in memory.
 */
public interface DocumentStore {

    /**
     * Stores the stream's bytes, read to its end, under a new file id and returns that id. If reading
     * fails (the upload is refused or cut), nothing is left stored and the failure is rethrown.
     */
    String write(InputStream content) throws IOException;

    /** The stored bytes, read as the caller goes (never all at once). */
    InputStream open(String fileId) throws IOException;

    /** Forgets a file whose attachment was refused after its bytes were stored. */
    void delete(String fileId);
}
