package gov.commerce.aiexports.runtime.files;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files in the service's own PostgreSQL, as a row per file ({@code document_file}) and its bytes in
 * chunks of {@code aiexports.documents.chunk-bytes} (1 MiB) in {@code document_chunk} (bytea). A write
 * reads one chunk from the upload, inserts it, and reads the next, all in one transaction: a refused
 * or broken upload leaves nothing. A read fetches one chunk at a time. So memory holds a chunk or
 * two per transfer, whatever the file's size.
 */
@Singleton
public class PostgresDocumentStore implements DocumentStore {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "aiexports.documents.chunk-bytes", defaultValue = "1048576")
    int chunkBytes;
    /** A 100 MB upload from a slow client may take minutes: its transaction may take as long. */
    @ConfigProperty(name = "aiexports.documents.upload-timeout-seconds", defaultValue = "900")
    int uploadTimeoutSeconds;

    @Override
    public String write(InputStream content) throws IOException {
        String fileId = UUID.randomUUID().toString();
        try {
            QuarkusTransaction.requiringNew().timeout(uploadTimeoutSeconds).run(() -> writeChunks(fileId, content));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (QuarkusTransactionException e) {
            // the transaction was rolled back; the refusal that made it (size, type) goes to the caller as it was
            Throwable cause = e;
            while (cause instanceof QuarkusTransactionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
        return fileId;
    }

    private void writeChunks(String fileId, InputStream content) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into document_file (file_id, stored_at) values (?, now())")) {
                s.setString(1, fileId);
                s.executeUpdate();
            }
            byte[] buffer = new byte[chunkBytes];
            int seq = 0;
            long size = 0;
            try (PreparedStatement s = c.prepareStatement("insert into document_chunk (file_id, seq, data) values (?, ?, ?)")) {
                int filled;
                while ((filled = fill(content, buffer)) > 0) {
                    s.setString(1, fileId);
                    s.setInt(2, seq++);
                    s.setBytes(3, filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled));
                    s.executeUpdate();
                    size += filled;
                }
            }
            try (PreparedStatement s = c.prepareStatement("update document_file set chunks = ?, size_bytes = ? where file_id = ?")) {
                s.setInt(1, seq);
                s.setLong(2, size);
                s.setString(3, fileId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("document store write failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads until the buffer is full or the stream ends; the count read (0 at the end). */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    @Override
    public InputStream open(String fileId) throws IOException {
        int chunks;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select chunks from document_file where file_id = ? and chunks is not null")) {
            s.setString(1, fileId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("no stored file " + fileId);
                }
                chunks = rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IOException("document store read failed", e);
        }
        return new ChunkStream(fileId, chunks);
    }

    private byte[] chunk(String fileId, int seq) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select data from document_chunk where file_id = ? and seq = ?")) {
            s.setString(1, fileId);
            s.setInt(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("chunk " + seq + " of stored file " + fileId + " is missing");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("document store read failed", e);
        }
    }

    @Override
    public void delete(String fileId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("delete from document_file where file_id = ?")) {
            s.setString(1, fileId);
            s.executeUpdate(); // its chunks go with it (on delete cascade)
        } catch (SQLException e) {
            throw new IllegalStateException("document store delete failed", e);
        }
    }

    /** A stored file's bytes, one chunk in memory at a time. */
    private final class ChunkStream extends InputStream {
        private final String fileId;
        private final int chunks;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkStream(String fileId, int chunks) {
            this.fileId = fileId;
            this.chunks = chunks;
        }

        private boolean ensure() throws IOException {
            while (position >= current.length) {
                if (next >= chunks) {
                    return false;
                }
                current = chunk(fileId, next++);
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return ensure() ? current[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!ensure()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }
    }
}
