package gov.commerce.aiexports.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing by the Standard Webhooks specification (https://www.standardwebhooks.com): the headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds of the try) and
 * {@code webhook-signature}, a space-separated list of {@code v1,<base64 HMAC-SHA256>} over
 * {@code id.timestamp.body}, one per valid secret (two during a rotation's rollover). Any receiver
 * library of the specification verifies it and refuses an old timestamp, so a captured delivery
 * cannot be replayed later.
 * <p>
 * A secret is {@code whsec_} and the base64 of the key bytes (what the service generates). A
 * secret registered without the prefix (before these headers existed) keys the HMAC with its UTF-8
 * bytes: a receiver library takes it as {@code whsec_} + base64 of those bytes.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {
    }

    /** A new secret: whsec_ and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key of a secret, or null if a whsec_ secret is not base64 of 24 to 64 bytes. */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIX)) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
                return key.length >= 24 && key.length <= 64 ? key : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The webhook-signature header's value: v1,<signature> for each secret, space-separated. */
    public static String signature(String id, long timestamp, byte[] body, List<String> secrets) {
        return secrets.stream().map(s -> "v1," + sign(key(s), id, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
