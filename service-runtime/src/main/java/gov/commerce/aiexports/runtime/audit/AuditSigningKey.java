package gov.commerce.aiexports.runtime.audit;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's Ed25519 key for signing chain checkpoints. It lives outside the database (a file or
 * an environment variable), so whoever holds the database login cannot sign a rewritten chain.
 * A production service without a key refuses to start: checkpoints signed by a key that dies with
 * the process could not be checked after a restart, which is no tamper evidence at all. The dev and
 * test profiles may use an ephemeral key (aiexports.audit.allow-ephemeral-signing-key), loudly.
 */
@Singleton
public class AuditSigningKey {

    private static final Logger LOG = Logger.getLogger(AuditSigningKey.class);

    /** What GET /audit/chain/public-key answers: the key to check checkpoints with, and the older ones still trusted. */
    public record Published(String algorithm, String keyId, String publicKey, String pem, String service, List<String> previousPublicKeys) {
    }

    @ConfigProperty(name = "aiexports.audit.signing-key")
    Optional<String> inline;
    @ConfigProperty(name = "aiexports.audit.signing-key-file")
    Optional<String> file;
    @ConfigProperty(name = "aiexports.audit.previous-public-keys")
    Optional<List<String>> previous;
    @ConfigProperty(name = "aiexports.audit.allow-ephemeral-signing-key", defaultValue = "false")
    boolean allowEphemeral;
    @ConfigProperty(name = "aiexports.service.name")
    String serviceName;

    private volatile KeyPair pair;
    private volatile List<PublicKey> trusted;

    /** Early, so a service without its key stops before it takes any traffic. */
    void onStart(@Observes @Priority(50) StartupEvent ignored) {
        pair();
    }

    public KeyPair pair() {
        if (pair == null) {
            synchronized (this) {
                if (pair == null) {
                    pair = load();
                    List<PublicKey> keys = new ArrayList<>(List.of(pair.getPublic()));
                    previous.orElse(List.of()).stream().filter(s -> !s.isBlank()).map(AuditVerifier.Keys::publicKey).forEach(keys::add);
                    trusted = List.copyOf(keys);
                }
            }
        }
        return pair;
    }

    public PrivateKey privateKey() {
        return pair().getPrivate();
    }

    public String keyId() {
        return AuditVerifier.Keys.keyId(pair().getPublic());
    }

    /** The current public key and those of rotated-out keys, whose checkpoints stay valid. */
    public List<PublicKey> trusted() {
        pair();
        return trusted;
    }

    public Published published() {
        PublicKey key = pair().getPublic();
        return new Published("Ed25519", keyId(), java.util.Base64.getEncoder().encodeToString(key.getEncoded()),
                AuditVerifier.Keys.pem("PUBLIC KEY", key.getEncoded()), serviceName,
                previous.orElse(List.of()).stream().filter(s -> !s.isBlank()).toList());
    }

    private KeyPair load() {
        if (inline.isPresent() && !inline.get().isBlank()) {
            return AuditVerifier.Keys.pair(AuditVerifier.Keys.privateKey(inline.get()));
        }
        if (file.isPresent() && !file.get().isBlank()) {
            try {
                return AuditVerifier.Keys.pair(AuditVerifier.Keys.privateKey(Files.readString(Path.of(file.get()))));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the audit signing key " + file.get() + ": " + e, e);
            }
        }
        if (!allowEphemeral) {
            throw new IllegalStateException("no audit signing key: set AIEXPORTS_AUDIT_SIGNING_KEY (an Ed25519 private key, "
                    + "PKCS#8, PEM or base64) or AIEXPORTS_AUDIT_SIGNING_KEY_FILE (a path to one); see docs/runbook.md");
        }
        KeyPair generated = AuditVerifier.Keys.generate();
        LOG.warnf("!!! NO AUDIT SIGNING KEY CONFIGURED: %s signs its chain checkpoints with an EPHEMERAL key (id %s) that dies "
                + "with this process. Its checkpoints cannot be checked after a restart. Never run like this in production. !!!",
                serviceName, AuditVerifier.Keys.keyId(generated.getPublic()));
        return generated;
    }
}
