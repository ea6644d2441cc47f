package gov.commerce.aiexports.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Ed25519 keys for the services' audit checkpoints (AIEXPORTS_AUDIT_SIGNING_KEY[_FILE]), made with the JDK. */
public final class AuditSigningKeys {

    private AuditSigningKeys() {
    }

    /** A new private key, PKCS#8, as one base64 line. */
    public static String generateBase64() {
        try {
            return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The PEM file at this path, made (owner-readable only where the file system allows) on first use and kept after. */
    public static Path keptIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            String pem = "-----BEGIN PRIVATE KEY-----\n" + generateBase64() + "\n-----END PRIVATE KEY-----\n";
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        return file;
    }
}
