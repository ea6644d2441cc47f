package gov.commerce.aiexports.notifications.webhooks;

import gov.commerce.aiexports.runtime.readmodel.Documents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The webhook secrets, kept apart from the event store (which auditors read and export) in a
 * table only this class touches, and sealed there: AES-256-GCM with a key that lives outside the
 * database ({@code WEBHOOK_SECRETS_KEY}, base64 of 32 bytes, or a file holding it,
 * {@code WEBHOOK_SECRETS_KEY_FILE}), the webhook's id bound as associated data so a sealed secret
 * cannot be moved to another webhook. A dump of the database alone gives no secret. Rows stored in
 * the clear before are sealed at start. Written in the transaction of the registration (or
 * rotation), deleted in the transaction of the removal. Never logged, never returned by the API.
 */
@Singleton
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    /** Marks a sealed value: the version of the sealing, then base64 of nonce and ciphertext. */
    static final String SEALED = "aesgcm1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Documents documents;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @ConfigProperty(name = "aiexports.notifications.webhooks.secrets-key")
    Optional<String> configuredKey;
    @ConfigProperty(name = "aiexports.notifications.webhooks.secrets-key-file")
    Optional<String> keyFile;

    private SecretKey key;

    @PostConstruct
    void init() {
        key = loadKey(configuredKey, keyFile);
    }

    static SecretKey loadKey(Optional<String> configured, Optional<String> file) {
        String encoded;
        if (file.isPresent() && !file.get().isBlank()) {
            try {
                encoded = Files.readString(Path.of(file.get())).trim();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read the webhook secrets key " + file.get() + ": " + e, e);
            }
        } else if (configured.isPresent() && !configured.get().isBlank()) {
            encoded = configured.get().trim();
        } else {
            throw new IllegalStateException("no webhook secrets key: set WEBHOOK_SECRETS_KEY (base64 of 32 random bytes: "
                    + "openssl rand -base64 32) or WEBHOOK_SECRETS_KEY_FILE");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the webhook secrets key is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("the webhook secrets key is " + bytes.length + " bytes; it must be 32 (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** Seals the secrets stored in the clear before sealing existed. */
    void sealLegacyRows(@Observes StartupEvent start) {
        List<String[]> clear = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select webhook_id, secret from webhook_secret where secret not like ?")) {
            s.setString(1, SEALED + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    clear.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            try (PreparedStatement u = c.prepareStatement("update webhook_secret set secret = ? where webhook_id = ? and secret = ?")) {
                for (String[] row : clear) {
                    u.setString(1, seal(key, row[0], row[1]));
                    u.setString(2, row[0]);
                    u.setString(3, row[1]);
                    u.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the stored webhook secrets", e);
        }
        if (!clear.isEmpty()) {
            LOG.infof("sealed %d webhook secrets stored in the clear", clear.size());
        }
    }

    public void store(String webhookId, String secret) {
        documents.update("insert into webhook_secret (webhook_id, secret) values (?, ?)", webhookId, seal(key, webhookId, secret));
    }

    /** The new secret signs from now on; the current one keeps signing beside it until previousValidUntil. */
    public void rotate(String webhookId, String secret, Instant previousValidUntil) {
        documents.update("update webhook_secret set previous_secret = secret, previous_valid_until = ?, secret = ? where webhook_id = ?",
                Timestamp.from(previousValidUntil), seal(key, webhookId, secret), webhookId);
    }

    public void forget(String webhookId) {
        documents.update("delete from webhook_secret where webhook_id = ?", webhookId);
    }

    /** Empty once the webhook is removed. */
    public Optional<String> secretOf(String webhookId) {
        return read(webhookId, "select secret from webhook_secret where webhook_id = ?", null);
    }

    /** The secret a rotation replaced, while it is still valid. */
    public Optional<String> previousOf(String webhookId) {
        return read(webhookId, "select previous_secret from webhook_secret where webhook_id = ? and previous_valid_until > ?",
                Timestamp.from(clock.instant()));
    }

    private Optional<String> read(String webhookId, String sql, Timestamp now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, webhookId);
            if (now != null) {
                s.setTimestamp(2, now);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? Optional.of(open(key, webhookId, rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the secret of webhook " + webhookId, e);
        }
    }

    static String seal(SecretKey key, String webhookId, String secret) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return SEALED + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    static String open(SecretKey key, String webhookId, String stored) {
        if (!stored.startsWith(SEALED)) {
            return stored; // stored before sealing, and not sealed yet (the start seals it)
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the secret of webhook " + webhookId + ": wrong WEBHOOK_SECRETS_KEY?", e);
        }
    }
}
